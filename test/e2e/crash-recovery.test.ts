import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { MonitoringStage } from '../../src/contract/messages.js';
import { INBOUND_TOPICS, Topics, dlqTopic } from '../../src/contract/topics.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../src/local/demo/applications.js';
import { harness, type Harness } from '../support/adapter-harness.js';
import { killHard, spawnAdapter } from './support/processes.js';
import { clockNow } from '../support/clock.js';

const N = 600;
let h: Harness;
let child: ChildProcess | null = null;
const logFile = join(mkdtempSync(join(tmpdir(), 'crash-')), 'adapter.log');

beforeAll(async () => {
  // Identity answers come within the default wait: the counts below are about the crash, not retries.
  h = await harness('crash', { IDENTITY_RESPONSE_TIMEOUT_MS: '60000', GATEWAY_STUB_POPULATION_SIZE: '2000' });
  await h.startStub();
});
afterAll(async () => {
  if (child) await killHard(child);
  await h?.stop();
});

describe('the adapter killed with SIGKILL in the middle of 600 applications', () => {
  it('loses nothing and duplicates nothing: every application has exactly its stages, in order', async () => {
    const now = clockNow(h.config);
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const apps = Array.from({ length: N }, (_, i) => {
      const { person } = eligiblePerson(seed, size, i * 3, now.slice(0, 10));
      return i % 2 === 0
        ? portalApplication(person, { submittedAt: now })
        : pscApplication(person, { acceptedAt: now });
    });
    child = await spawnAdapter(h.config, logFile);
    for (let i = 0; i < N; i += 50) {
      const chunk = apps.slice(i, i + 50);
      const portal = chunk.filter((a) => a.applicationId.startsWith('PRT-'));
      const psc = chunk.filter((a) => a.applicationId.startsWith('PSC-'));
      await h.producer.sendBatch({
        topicMessages: [
          {
            topic: h.topic(Topics.portalApplications),
            messages: await Promise.all(
              portal.map(async (a) => ({
                key: a.applicationId,
                value: await h.messaging.codec.encode(h.topic(Topics.portalApplications), a),
              })),
            ),
          },
          {
            topic: h.topic(Topics.corporationApplications),
            messages: await Promise.all(
              psc.map(async (a) => ({
                key: a.applicationId,
                value: await h.messaging.codec.encode(h.topic(Topics.corporationApplications), a),
              })),
            ),
          },
        ],
      });
    }
    const stages = () =>
      h.reader.on(h.topic(Topics.monitoringStages)).map((m) => m.value as unknown as MonitoringStage);

    // Kill it while it works: some stages out, most still to come.
    await h.reader.until(() => stages().length >= N / 3, 120_000, `${N / 3} stages before the kill`);
    await killHard(child);
    const atKill = stages().length;
    expect(atKill).toBeLessThan(2 * N);

    child = await spawnAdapter(h.config, logFile);
    await h.reader.until(() => stages().length >= 2 * N, 180_000, `${2 * N} stages after the restart`);
    // Give a duplicate, if any were coming, the time to show up.
    await new Promise((r) => setTimeout(r, 3000));

    const all = stages();
    expect(all).toHaveLength(2 * N);
    expect(new Set(all.map((s) => s.messageId)).size).toBe(2 * N);
    const byApp = new Map<string, MonitoringStage[]>();
    for (const s of all) byApp.set(s.applicationId, [...(byApp.get(s.applicationId) ?? []), s]);
    expect(byApp.size).toBe(N);
    for (const a of apps) {
      const got = byApp.get(a.applicationId) ?? [];
      const first = a.applicationId.startsWith('PRT-') ? 'SUBMITTED' : 'ACCEPTED';
      expect(
        got.map((s) => `${s.sequence}:${s.stage}`),
        a.applicationId,
      ).toEqual([`1:${first}`, '2:IDENTITY_VERIFIED']);
    }
    for (const t of INBOUND_TOPICS) expect(h.reader.on(dlqTopic(h.topic(t)))).toHaveLength(0);
    // Personal data never reached the adapter's log in clear.
    const log = readFileSync(logFile, 'utf8');
    for (const a of apps.slice(0, 50)) {
      const iin = 'form' in a ? a.form.applicant.iin : a.applicationAccepted!.form.applicant.iin;
      expect(log.includes(iin)).toBe(false);
    }
  });
});
