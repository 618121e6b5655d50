/**
 * Every path of SPEC section 2 on every channel, end to end: the adapter, the college simulator and
 * the courier simulator as processes of their own, the gateway stub, real Kafka, registry and
 * PostgreSQL; the test plays the portal, the PSC counter (hand-over, return to the college after
 * the month, request back) and the college office's intake, on a clock 20 000 times faster
 * (a month of storage in about two minutes), filed at 9:00 of the first working day of March 2027
 * after every process runs (8 March and Nauryz on the way). Per application: the exact stages, the
 * notices to the portal and the PSC, the courier orders, the application to the college and the
 * digital diploma, each once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourierOrderMessage, MonitoringStage } from '../../src/contract/messages.js';
import { INBOUND_TOPICS, Topics, dlqTopic, type TopicName } from '../../src/contract/topics.js';
import { harness, type Harness } from '../support/adapter-harness.js';
import { shippedCalendar } from '../support/calendar.js';
import {
  COVERED_KINDS,
  COVERED_PATHS,
  comparable,
  coveringPlan,
  expectedNotices,
  expectedOrders,
  expectedStages,
  finalStage,
  isIssued,
  nextWorkingMorning,
  untilClock,
  type Planned,
} from './support/lifecycles.js';
import { spawnAdapter, spawnCommand, stopGently } from './support/processes.js';
import { startPscCounter, type PscCounter } from './support/psc-counter.js';

const SETTINGS = {
  // Sunday: the applications are filed at 9:00 of the first working day after every process runs.
  CLOCK_START_AT: '2027-02-28T06:00:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  CLOCK_SPEED: '20000',
  // Clock milliseconds: a day of the service's time before the gateway is asked again (4 s real).
  IDENTITY_RESPONSE_TIMEOUT_MS: '86400000',
  TIMERS_POLL_INTERVAL_MS: '200',
  GATEWAY_STUB_POPULATION_SIZE: '2000',
};
const N = 40;
const dir = mkdtempSync(join(tmpdir(), 'every-path-'));
const children: ChildProcess[] = [];
let h: Harness;
let psc: PscCounter;
let apps: Planned[];

beforeAll(async () => {
  h = await harness('everypath', SETTINGS);
  await h.startStub();
  children.push(await spawnAdapter(h.config, join(dir, 'adapter.log'), SETTINGS));
  children.push(
    await spawnCommand('college-simulator', 'college simulator ready', h.config, join(dir, 'college.log'), SETTINGS),
  );
  children.push(
    await spawnCommand('courier-simulator', 'courier simulator ready', h.config, join(dir, 'courier.log'), SETTINGS),
  );
  const filedAt = nextWorkingMorning(h.config, shippedCalendar());
  await untilClock(h.config, filedAt);
  apps = coveringPlan(h.config, N, filedAt, 10);
  psc = startPscCounter(
    h,
    new Map(apps.map((a) => [a.id, a.applicantIin])),
    new Set(apps.filter((a) => a.uncollected).map((a) => a.id)),
  );
  for (const a of apps) await h.send(a.topic, a.id, a.value);
}, 180_000);

afterAll(async () => {
  await psc?.stop();
  for (const c of children.reverse()) await stopGently(c);
  await h?.stop();
});

const values = (base: TopicName) => h.reader.on(h.topic(base)).map((m) => m.value as Record<string, unknown>);
/**
 * The stages of provision, without the SLA signals: at 20 000 times a second of Kafka's latency is
 * five and a half hours of the clock, so a same-day step deadline can pass on the way (a real
 * breach on that clock, reported once). SLA signals are asserted in the slower lifecycle test.
 */
const stagesOf = (id: string) =>
  values(Topics.monitoringStages)
    .map((v) => v as unknown as MonitoringStage)
    .filter((s) => s.applicationId === id && !s.stage.startsWith('SLA_'))
    .map((s) => s.stage as string);

describe('every path on every channel, with the simulators as processes', () => {
  it('covers what the test set out to cover', () => {
    const kinds = new Set(apps.map((a) => `${a.channel}/${a.place}/${a.path}`));
    for (const k of COVERED_KINDS) expect(kinds).toContain(k);
    for (const p of COVERED_PATHS) expect(apps.some((a) => a.path === p)).toBe(true);
    expect(apps.filter((a) => a.uncollected).length).toBeGreaterThan(0);
  });

  it('every application reaches its last stage with exactly its stages, in order', async () => {
    await h.reader.until(
      () => apps.every((a) => stagesOf(a.id).at(-1) === finalStage(a)),
      420_000,
      'every application at its last stage',
    );
    // Give a duplicate, if any were coming, the time to show up (about a day of the clock).
    await new Promise((r) => setTimeout(r, 4000));
    for (const a of apps)
      expect(comparable(a, stagesOf(a.id)), `${a.id} ${a.channel}/${a.place}/${a.path}`).toEqual(expectedStages(a));
    const all = values(Topics.monitoringStages) as unknown as MonitoringStage[];
    expect(new Set(all.map((s) => s.messageId)).size).toBe(all.length);
    for (const a of apps) {
      const seq = all.filter((s) => s.applicationId === a.id).map((s) => s.sequence);
      expect(seq).toEqual(seq.map((_, i) => i + 1));
    }
  }, 480_000);

  it('tells the portal and the PSC what each applicant must know, once each', () => {
    for (const a of apps) {
      const portal = values(Topics.portalNotifications)
        .filter((n) => n.applicationId === a.id)
        .map((n) => n.kind);
      const pscNotices = values(Topics.corporationNotifications)
        .filter((n) => n.applicationId === a.id)
        .map((n) => n.kind);
      expect({ portal, psc: pscNotices }, `${a.id} ${a.channel}/${a.place}/${a.path}`).toEqual(expectedNotices(a));
    }
  });

  it('sends each application to the college once, the courier orders it needs, the digital diploma when issued', () => {
    const orders = values(Topics.courierOrders) as unknown as CourierOrderMessage[];
    for (const a of apps) {
      const about = values(Topics.collegeApplications).filter((m) => m.applicationId === a.id);
      const toCollege = about.filter((m) => m.purpose === 'APPLICATION');
      expect(toCollege, a.id).toHaveLength(1);
      expect(toCollege[0]!.officeReceipt === null, a.id).toBe(a.channel !== 'COLLEGE_OFFICE');
      // An office application is at the college before its identity check ends: it is told the end, once.
      const checked = about.filter((m) => m.purpose === 'IDENTITY_CHECKED');
      if (a.channel === 'COLLEGE_OFFICE') expect(checked, a.id).toHaveLength(1);
      else expect(checked.length, a.id).toBeLessThanOrEqual(1);
      const mine = orders
        .filter((o) =>
          o.kind === 'REGISTER_DISPATCH'
            ? o.registerDispatch.applicationIds.includes(a.id)
            : o.resultDispatch.applicationId === a.id,
        )
        .map((o) => o.kind);
      expect(mine, a.id).toEqual(expectedOrders(a));
      const diplomas = values(Topics.digitalDocuments).filter((d) => d.applicationId === a.id);
      expect(diplomas, a.id).toHaveLength(isIssued(a) ? 1 : 0);
    }
    expect(new Set(orders.map((o) => o.messageId)).size).toBe(orders.length);
  });

  it('parks nothing: no dead letter on any inbound topic', () => {
    for (const t of INBOUND_TOPICS) expect(h.reader.on(dlqTopic(h.topic(t))), t).toHaveLength(0);
  });
});
