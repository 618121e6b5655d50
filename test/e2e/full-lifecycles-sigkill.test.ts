/**
 * 500 whole lifecycles on every channel (portal, PSC, college office; results at the office and at
 * the PSC; issued, refused after a hearing, G3 without consent), the adapter, the college and the
 * courier simulators as processes, the clock 3000 times faster. The adapter is killed with SIGKILL
 * while it works and started again: every application ends with exactly its stages, once each, in
 * order, nothing on a DLQ, no personal data in its log. The seconds the adapter is down are hours
 * of this clock, so a same-day step may really be late: its SLA signal is allowed (after its deadline).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourierOrderMessage, MonitoringStage } from '../../src/contract/messages.js';
import { INBOUND_TOPICS, Topics, dlqTopic } from '../../src/contract/topics.js';
import { harness, type Harness } from '../support/adapter-harness.js';
import { shippedCalendar } from '../support/calendar.js';
import {
  comparable,
  expectedOrders,
  expectedStages,
  finalStage,
  nextWorkingMorning,
  plannedApplications,
  untilClock,
  type Planned,
} from './support/lifecycles.js';
import { killHard, spawnAdapter, spawnCommand, stopGently } from './support/processes.js';
import { startPscCounter, type PscCounter } from './support/psc-counter.js';

const SETTINGS = {
  CLOCK_START_AT: '2027-02-28T06:00:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  CLOCK_SPEED: '3000',
  IDENTITY_RESPONSE_TIMEOUT_MS: '86400000',
  TIMERS_POLL_INTERVAL_MS: '250',
  GATEWAY_STUB_POPULATION_SIZE: '2000',
  // The killed instance's partitions stall for the session timeout: 30 s here is 25 hours of this
  // clock, in which the college decides on applications whose identity answer waits behind the
  // stall (the duplicate is held until the answer, and the office's hand-over after it would be
  // refused). 6 s is under the 16 working hours of a review.
  KAFKA_SESSION_TIMEOUT_MS: '6000',
};
const N = 500;
const dir = mkdtempSync(join(tmpdir(), 'lifecycles-'));
const adapterLog = join(dir, 'adapter.log');
const children: ChildProcess[] = [];
let adapter: ChildProcess | null = null;
let h: Harness;
let psc: PscCounter;
let apps: Planned[];

beforeAll(async () => {
  h = await harness('lifecycles', SETTINGS);
  await h.startStub();
  adapter = await spawnAdapter(h.config, adapterLog, SETTINGS);
  children.push(
    await spawnCommand('college-simulator', 'college simulator ready', h.config, join(dir, 'college.log'), SETTINGS),
    await spawnCommand('courier-simulator', 'courier simulator ready', h.config, join(dir, 'courier.log'), SETTINGS),
  );
}, 180_000);

afterAll(async () => {
  await psc?.stop();
  if (adapter) await stopGently(adapter);
  for (const c of children) await stopGently(c);
  await h?.stop();
});

const stages = () => h.reader.on(h.topic(Topics.monitoringStages)).map((m) => m.value as unknown as MonitoringStage);
function byApplication(): Map<string, MonitoringStage[]> {
  const map = new Map<string, MonitoringStage[]>();
  for (const s of stages()) map.set(s.applicationId, [...(map.get(s.applicationId) ?? []), s]);
  return map;
}

describe('the adapter killed with SIGKILL in the middle of 500 whole lifecycles', () => {
  it('every application ends with exactly its stages, once each, in order', async () => {
    const filedAt = nextWorkingMorning(h.config, shippedCalendar());
    await untilClock(h.config, filedAt);
    apps = plannedApplications(h.config, N, filedAt);
    psc = startPscCounter(h, new Map(apps.map((a) => [a.id, a.applicantIin])), new Set());
    const started = performance.now();
    for (let i = 0; i < N; i += 50) {
      const chunk = apps.slice(i, i + 50);
      await h.producer.sendBatch({
        topicMessages: await Promise.all(
          chunk.map(async (a) => ({
            topic: h.topic(a.topic),
            messages: [{ key: a.id, value: await h.messaging.codec.encode(h.topic(a.topic), a.value) }],
          })),
        ),
      });
    }
    const total = apps.reduce((n, a) => n + expectedStages(a).length, 0);

    // Kill it while it works: some stages out, most still to come.
    await h.reader.until(
      () => stages().length >= total / 5,
      180_000,
      `${Math.round(total / 5)} stages before the kill`,
    );
    await killHard(adapter!);
    const atKill = stages().length;
    expect(atKill).toBeLessThan(total);
    adapter = await spawnAdapter(h.config, adapterLog, SETTINGS);

    await h.reader.until(
      () => {
        const map = byApplication();
        return apps.every((a) => map.get(a.id)?.at(-1)?.stage === finalStage(a));
      },
      900_000,
      'every application at its last stage',
    );
    const realMs = performance.now() - started;
    // Give a duplicate, if any were coming, the time to show up (about three hours of the clock).
    await new Promise((r) => setTimeout(r, 4000));

    const all = stages();
    const sla = all.filter((s) => s.stage.startsWith('SLA_'));
    // Figures for the notes (docs/benchmarks.md): how long the lifecycles took on both clocks.
    const last = Math.max(...all.map((s) => Date.parse(s.occurredAt)));
    const figures = {
      lifecycles: N,
      stages: all.length,
      stagesAtKill: atKill,
      slaSignals: sla.length,
      realSeconds: Math.round(realMs / 1000),
      clockDays: Math.round(((last - Date.parse(filedAt)) / 86_400_000) * 10) / 10,
      lifecyclesPerRealMinute: Math.round((N / realMs) * 60_000),
    };
    writeFileSync(join(dir, 'measured.json'), JSON.stringify(figures));
    process.stdout.write(`full lifecycles measured: ${JSON.stringify(figures)} (${dir}/measured.json)\n`);
    // A step late because the adapter was down: a breach is reported after its deadline, never
    // before (the core reports each step once; two steps may share a deadline, so the topic alone
    // cannot tell them apart: the unit tests of the SLA check hold the once-per-step rule).
    for (const b of sla.filter((x) => x.stage === 'SLA_BREACHED')) {
      const deadline = Date.parse(b.stageDeadline ?? b.serviceTermEndsAt);
      expect(Date.parse(b.occurredAt), b.applicationId).toBeGreaterThanOrEqual(deadline);
    }

    expect(new Set(all.map((s) => s.messageId)).size).toBe(all.length);
    const map = byApplication();
    expect(map.size).toBe(N);
    for (const a of apps) {
      const got = map.get(a.id)!;
      expect(
        comparable(
          a,
          got.map((s) => s.stage).filter((stage) => !stage.startsWith('SLA_')),
        ),
        `${a.id} ${a.channel}/${a.place}/${a.path}`,
      ).toEqual(expectedStages(a));
      expect(got.map((s) => s.sequence)).toEqual(got.map((_, i) => i + 1));
    }
    expect(all.length - sla.length).toBe(total);
    const orders = h.reader.on(h.topic(Topics.courierOrders)).map((m) => m.value as unknown as CourierOrderMessage);
    for (const a of apps) {
      const mine = orders.filter((o) =>
        o.kind === 'REGISTER_DISPATCH'
          ? o.registerDispatch.applicationIds.includes(a.id)
          : o.resultDispatch.applicationId === a.id,
      );
      expect(
        mine.map((o) => o.kind),
        a.id,
      ).toEqual(expectedOrders(a));
    }
    for (const t of INBOUND_TOPICS) expect(h.reader.on(dlqTopic(h.topic(t))), t).toHaveLength(0);

    // Personal data never reached the adapter's log in clear.
    const log = readFileSync(adapterLog, 'utf8');
    for (const a of apps.slice(0, 50)) expect(log.includes(a.applicantIin), a.id).toBe(false);
  }, 1_200_000);
});
