/**
 * The operator endpoints of a running adapter on real Kafka, registry and PostgreSQL: /health,
 * /ready (503 once a part stops), /metrics in the Prometheus format with the pipeline's counters
 * and the gauges read when scraped (issue 10 item 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics, dlqTopic } from '../../../src/contract/topics.js';
import { eligiblePerson, portalApplication } from '../../../src/local/demo/applications.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { clockNow } from '../../support/clock.js';

let h: Harness;
let base: string;
const now = () => clockNow(h.config);

beforeAll(async () => {
  h = await harness('httpops');
  await h.startStub();
  await h.startAdapter();
  base = h.adapter!.http!.address;
});
afterAll(async () => h?.stop());

/** The value of one sample of the exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (want.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

const metrics = async () => (await fetch(`${base}/metrics`)).text();

describe('operator endpoints', () => {
  it('binds to 127.0.0.1 and answers /health', async () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready with every part named', async () => {
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', parts: { consumer: true, relay: true, database: true } });
  });

  it('counts what the pipeline did and reads its state when scraped', async () => {
    const portal = h.topic(Topics.portalApplications);
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      3,
      now().slice(0, 10),
    );
    const app = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, app.applicationId, app);
    await h.sendRaw(Topics.portalApplications, 'poison-metrics', Buffer.from('not avro'));
    const stages = () =>
      h.reader
        .on(h.topic(Topics.monitoringStages))
        .map((m) => m.value as unknown as MonitoringStage)
        .filter((s) => s.applicationId === app.applicationId);
    await h.reader.until(
      () => stages().some((s) => s.stage === 'IDENTITY_VERIFIED') && h.reader.on(dlqTopic(portal)).length >= 1,
      30_000,
      'the application verified and the poison parked',
    );
    await h.adapter!.relay.drained();
    const text = await metrics();
    expect(sample(text, 'tvet_inbound_messages_handled_total', { topic: Topics.portalApplications })).toBe(1);
    expect(
      sample(text, 'tvet_inbound_messages_parked_total', { topic: Topics.portalApplications, code: 'UNDECODABLE' }),
    ).toBe(1);
    expect(sample(text, 'tvet_stages_published_total', { stage: 'SUBMITTED' })).toBe(1);
    expect(sample(text, 'tvet_stages_published_total', { stage: 'IDENTITY_VERIFIED' })).toBe(1);
    expect(sample(text, 'tvet_relay_records_published_total', { topic: `${Topics.portalApplications}.dlq` })).toBe(1);
    expect(sample(text, 'tvet_inbound_batch_size_count', { topic: Topics.portalApplications })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(text, 'tvet_relay_batch_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    // Read when scraped: the application waits for its registration at the college.
    expect(sample(text, 'tvet_open_applications', { phase: 'AWAITING_REGISTRATION', channel: 'PORTAL' })).toBe(1);
    expect(sample(text, 'tvet_outbox_backlog')).toBe(0);
    expect(sample(text, 'tvet_identity_checks_in_flight')).toBe(0);
    expect(sample(text, 'tvet_sla_applications', { status: 'breached' })).toBe(0);
    expect(sample(text, 'tvet_pending_timers')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tvet_consumer_lag', { topic: portal, partition: '0' })).toBeDefined();
    expect(sample(text, 'tvet_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain(person.iin);
  });

  it('is not ready once the consumer stops, and says which part', async () => {
    await h.adapter!.consumer.stop();
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not ready', parts: { consumer: false, relay: true } });
  });
});
