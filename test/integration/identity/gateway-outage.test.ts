import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../../src/local/demo/applications.js';
import { retryIdentityCheck } from '../../../src/ops/identity-retry.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { childEnv } from '../../e2e/support/processes.js';
import { clockNow } from '../../support/clock.js';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

// The gateway is down for its first 12 s (it reads requests and answers none); the adapter gives
// up after 3 requests of 1.5 s each (+ backoff).
let h: Harness;
beforeAll(async () => {
  h = await harness('outage', {
    GATEWAY_STUB_OUTAGES: '0-12000',
    IDENTITY_RESPONSE_TIMEOUT_MS: '1500',
    IDENTITY_MAX_ATTEMPTS: '3',
  });
  await h.startStub();
  await h.startAdapter();
});
afterAll(async () => h?.stop());

const stagesOf = (id: string) =>
  h.reader
    .on(h.topic(Topics.monitoringStages))
    .map((m) => m.value as unknown as MonitoringStage)
    .filter((s) => s.applicationId === id);

describe('a gateway outage', () => {
  it('delays applications and loses none: IDENTITY_FAILED, then verified after an operator retry', async () => {
    const now = clockNow(h.config);
    const sentAt = Date.now();
    const seed = h.config.gatewayStub.populationSeed;
    const size = h.config.gatewayStub.populationSize;
    const portal = portalApplication(eligiblePerson(seed, size, 60, now.slice(0, 10)).person, { submittedAt: now });
    const psc = pscApplication(eligiblePerson(seed, size, 70, now.slice(0, 10)).person, { acceptedAt: now });
    await h.send(Topics.portalApplications, portal.applicationId, portal);
    await h.send(Topics.corporationApplications, psc.applicationId, psc);

    for (const id of [portal.applicationId, psc.applicationId]) {
      await h.reader.until(
        () => stagesOf(id).some((s) => s.stage === 'IDENTITY_FAILED'),
        30_000,
        `IDENTITY_FAILED of ${id}`,
      );
    }
    expect(stagesOf(portal.applicationId).map((s) => s.stage)).toEqual(['SUBMITTED', 'IDENTITY_FAILED']);
    expect(stagesOf(psc.applicationId).map((s) => s.stage)).toEqual(['ACCEPTED', 'IDENTITY_FAILED']);
    const requests = h.reader
      .on(h.topic(Topics.identityRequests))
      .filter((m) => m.value.applicationId === portal.applicationId);
    expect(requests).toHaveLength(3);
    expect(h.stub!.stats().silent).toBeGreaterThanOrEqual(6);

    // The outage ends; an operator asks again for each application.
    await h.reader.until(() => Date.now() - sentAt > 12_500, 20_000, 'the end of the outage');
    await retryIdentityCheck(h.adapter!.db, h.adapter!.deps, portal.applicationId, 'op-7');
    // The operator command, as a process of its own, for the other one.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', MAIN, 'identity-retry', psc.applicationId, 'op-7'],
      { env: childEnv(h.config) },
    );
    expect(stdout).toContain(`identity request idr-${psc.applicationId}-2 queued`);
    for (const id of [portal.applicationId, psc.applicationId]) {
      await h.reader.until(
        () => stagesOf(id).some((s) => s.stage === 'IDENTITY_VERIFIED'),
        30_000,
        `IDENTITY_VERIFIED of ${id}`,
      );
    }
    expect(stagesOf(portal.applicationId).map((s) => s.stage)).toEqual([
      'SUBMITTED',
      'IDENTITY_FAILED',
      'IDENTITY_VERIFIED',
    ]);
    expect(stagesOf(portal.applicationId).map((s) => s.sequence)).toEqual([1, 2, 3]);
    const retried = h.reader
      .on(h.topic(Topics.identityRequests))
      .filter((m) => m.value.applicationId === portal.applicationId)
      .at(-1)!;
    expect(retried.value.requestId).toBe(`idr-${portal.applicationId}-2`);
  });

  it('refuses an operator retry for an application whose check did not fail', async () => {
    const now = clockNow(h.config);
    const app = portalApplication(
      eligiblePerson(h.config.gatewayStub.populationSeed, h.config.gatewayStub.populationSize, 80, now.slice(0, 10))
        .person,
      { submittedAt: now },
    );
    await h.send(Topics.portalApplications, app.applicationId, app);
    await h.reader.until(() => stagesOf(app.applicationId).length >= 1, 30_000, 'SUBMITTED');
    await expect(retryIdentityCheck(h.adapter!.db, h.adapter!.deps, app.applicationId, 'op-7')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(retryIdentityCheck(h.adapter!.db, h.adapter!.deps, 'NO-SUCH-APP', 'op-7')).rejects.toMatchObject({
      code: 'UNKNOWN_APPLICATION',
    });
  });
});
