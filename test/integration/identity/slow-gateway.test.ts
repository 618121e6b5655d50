import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { eligiblePerson, portalApplication } from '../../../src/local/demo/applications.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { clockNow } from '../../support/clock.js';

// The gateway answers after 2.5 s; the adapter waits 1.5 s (+ backoff) before asking again.
let h: Harness;
beforeAll(async () => {
  h = await harness('slowgw', {
    GATEWAY_STUB_LATENCY_MS: '2500',
    IDENTITY_RESPONSE_TIMEOUT_MS: '1500',
    IDENTITY_MAX_ATTEMPTS: '4',
  });
  await h.startStub();
  await h.startAdapter();
});
afterAll(async () => h?.stop());

describe('a slow gateway', () => {
  it('is asked again with backoff, and the application is verified once, by the first answer', async () => {
    const now = clockNow(h.config);
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      5,
      now.slice(0, 10),
    );
    const msg = portalApplication(person, { submittedAt: now });
    await h.send(Topics.portalApplications, msg.applicationId, msg);

    const stages = () =>
      h.reader
        .on(h.topic(Topics.monitoringStages))
        .map((m) => m.value as unknown as MonitoringStage)
        .filter((s) => s.applicationId === msg.applicationId);
    const requests = () =>
      h.reader.on(h.topic(Topics.identityRequests)).filter((m) => m.value.applicationId === msg.applicationId);
    await h.reader.until(() => stages().some((s) => s.stage === 'IDENTITY_VERIFIED'), 30_000, 'IDENTITY_VERIFIED');
    // Let the answer to the re-request arrive too: it must change nothing.
    await h.reader.until(() => h.stub!.stats().answered.FOUND >= requests().length, 15_000, 'answers to every request');
    await h.adapter!.relay.drained();

    expect(requests().length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests().map((r) => r.value.requestId)).size).toBe(1); // the same request, asked again
    expect(new Set(requests().map((r) => r.value.messageId)).size).toBe(requests().length); // each a new message
    expect(stages().map((s) => s.stage)).toEqual(['SUBMITTED', 'IDENTITY_VERIFIED']);
    const state = await h.stateOf(msg.applicationId);
    expect(state!.identity).toMatchObject({ status: 'VERIFIED', requestId: requests()[0]!.value.requestId });
    expect(state!.identity!.attempt).toBeGreaterThanOrEqual(2);
    // The event log keeps every repetition; the late answers to the earlier ones changed nothing.
    const types = await h.eventTypesOf(msg.applicationId);
    expect(types[0]).toBe('ApplicationSubmitted');
    expect(types.filter((t) => t === 'IdentityRequestRepeated').length).toBe(requests().length - 1);
    expect(types.filter((t) => t === 'IdentityVerified')).toHaveLength(1);
  });
});
