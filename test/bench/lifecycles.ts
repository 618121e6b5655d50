/**
 * Whole lifecycles with the simulators against the raw floor of the same run. First the floors
 * (floors.ts) on this infrastructure, then, on the same infrastructure and in this process: the
 * adapter, the gateway stub, the college and courier simulators and the demo's PSC counter
 * (startFeeder), on a clock `--speed` times faster. N applications of every path
 * (plannedApplications: portal, PSC and college office; results at the office and at a PSC;
 * issued, refused after a hearing, G3 without consent; `--uncollected`: some PSC results left a
 * month) are filed at once at 9:00 of a working morning of that clock, and timed from the first
 * produce to the last final stage read back (read_committed) on egov.monitoring.stages.v1.
 *
 * The adapter's inbound messages handled and outbound records published in that time come from
 * its own prom-client counters. A floor message is one in and one out, so the ratio printed is
 * (inbound + outbound) / 2 per real second / the minimal pipeline's messages per second.
 *
 * Whole lifecycles are paced by the partners' simulated days (the college's review, the courier's
 * trips, office hours, weekends): at 3000x a working day is 29 real seconds, and the adapter waits
 * most of it. `idle` is the share of 1-second windows in which it handled no inbound message
 * (`withoutAnyMessage`: neither handled nor published one): near 0 the adapter sets the pace, near
 * 1 the clock does. At a high speed (`--speed 50000`: a working day in 1.7 s) the partners answer
 * faster than the adapter carries them. What scales with the speed: the identity answer's timeout
 * and backoff, as in the demo (on the service clock: else every request times out at a high
 * speed), and the timer poll (at most 10 minutes of the clock, 50 ms to 1 s real).
 * SLA signals at a high speed are expected: a queue of seconds is days of service.
 *
 * The run ends when every application is at its final stage, at `--timeout` (default 1800 s), or
 * when no stage came for a week of the clock (at least 2 real minutes: a message parked, say).
 *
 * Usage: npm run bench:lifecycles -- [--size 500] [--speed 3000] [--floor-messages M] [--no-floors]
 *        [--uncollected] [--timeout seconds]
 * CLOCK_START_AT (optional) picks the day: the applications are filed at 9:00 of the first working
 * day at least an hour after it (default: after the real now).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MonitoringStage } from '../../src/contract/messages.js';
import { millisToInstant } from '../../src/contract/logical-types.js';
import { messageKey } from '../../src/contract/message-key.js';
import { Topics } from '../../src/contract/topics.js';
import { startAdapter } from '../../src/adapter/adapter.js';
import { startCollegeSimulator } from '../../src/local/college-simulator/simulator.js';
import { startCourierSimulator } from '../../src/local/courier-simulator/simulator.js';
import {
  clockNow,
  expectedStages,
  finalStage,
  nextWorkingMorning,
  plannedApplications,
  startFeeder,
  untilClock,
  type Planned,
} from '../../src/local/demo/generator.js';
import { startGatewayStub } from '../../src/local/gateway-stub/stub.js';
import { SHIPPED_CALENDAR_DIR } from '../../src/platform/calendar/calendar-store.js';
import { loadCalendarDirectory } from '../../src/platform/calendar/load-calendar-directory.js';
import type { AppConfig } from '../../src/platform/config/schema.js';
import { comparable } from '../e2e/support/lifecycles.js';
import { TopicReader } from '../support/topic-reader.js';
import { measureFloors, type Floors } from './floors.js';
import { flag, machine, option, percentile, print, startBench } from './support.js';

const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;
const N = Math.floor(option('size', 500));
const speed = option('speed', 3000);
const timeoutMs = option('timeout', 1800) * 1000;
/** Real time the components get to start before the clock reaches the filing morning's 8:30. */
const STARTUP_BUDGET_MS = 25_000;
/** Clock time between the clock's anchor and the filing (the start-up's overrun, if any, eats it first). */
const LEAD_MS = 30 * 60_000;
/** Timer poll: at most 10 minutes of the clock, within 50 ms-1 s of real time. */
const pollMs = Math.max(50, Math.min(1000, Math.round(600_000 / speed)));

const bench = await startBench('lifecycles', {
  GATEWAY_STUB_LATENCY_MS: '5',
  // plannedApplications takes every second person: a population of 2N gives every application its own.
  GATEWAY_STUB_POPULATION_SIZE: String(Math.max(1000, 2 * N)),
  TIMERS_POLL_INTERVAL_MS: String(pollMs),
});
const { log, messaging } = bench;
const floors: Floors | null = flag('no-floors')
  ? null
  : await measureFloors(
      messaging,
      bench.scratch,
      option('floor-messages', 20_000),
      millisToInstant(bench.now().getTime()),
    );

// The clock of the lifecycles starts after the floors, shared by every component of this process:
// it reads 8:30 of the filing morning STARTUP_BUDGET_MS from now (earlier instants until then).
const calendar = loadCalendarDirectory(bench.config.calendar.dir || SHIPPED_CALENDAR_DIR);
const from = bench.config.clock.startAt || millisToInstant(Date.now());
const probe: AppConfig = { ...bench.config, clock: { startAt: from, anchorAt: new Date().toISOString(), speed: 1 } };
let filedAt = nextWorkingMorning(probe, calendar);
const base = bench.config;
const config: AppConfig = {
  ...base,
  clock: {
    startAt: millisToInstant(Date.parse(filedAt) - LEAD_MS),
    anchorAt: new Date(Date.now() + STARTUP_BUDGET_MS).toISOString(),
    speed,
  },
  // On the service clock: the stub gets the same real time to answer as at speed 1 (as the demo does).
  identity: {
    ...base.identity,
    responseTimeoutMs: base.identity.responseTimeoutMs * speed,
    minBackoffMs: base.identity.minBackoffMs * speed,
    maxBackoffMs: base.identity.maxBackoffMs * speed,
  },
};

const startedAt = performance.now();
const adapter = await startAdapter(config, log);
const stub = await startGatewayStub(config, log);
const college = await startCollegeSimulator(config, log);
const courier = await startCourierSimulator(config, log);
let apps: Planned[] = [];
const feeder = await startFeeder(config, log, () => apps);
const { kafka, codec } = messaging;
const reader = await new TopicReader(kafka, codec, [codec.topic(Topics.monitoringStages)]).start();
const producer = kafka.producer();
await producer.connect();
const startupSeconds = Math.round((performance.now() - startedAt) / 100) / 10;
// Started later than the budget: the morning is gone, the next one is taken.
if (Date.parse(clockNow(config)) > Date.parse(filedAt) - 60_000) filedAt = nextWorkingMorning(config, calendar);
apps = plannedApplications(config, N, filedAt, flag('uncollected') ? 10 : 0);
const finals = new Map(apps.map((a) => [a.id, finalStage(a)]));
const encoded = await Promise.all(
  apps.map(async (a) => ({
    topic: codec.topic(a.topic),
    messages: [
      { key: messageKey(a.topic, a.value as never), value: await codec.encode(codec.topic(a.topic), a.value) },
    ],
  })),
);

// Encoded before the morning, filed on it: at a high speed a second of encoding is hours of the clock.
await untilClock(config, filedAt);

const sum = async (c: { get(): Promise<{ values: { value: number }[] }> }) =>
  (await c.get()).values.reduce((s, v) => s + v.value, 0);
const counts = async () => ({
  inbound: await sum(adapter.metrics.handled),
  outbound: await sum(adapter.metrics.published),
});
/** The counters every real second: the windows with no inbound message are the adapter's idle time. */
const windows: { inbound: number; outbound: number }[] = [];
let last = await counts();
const at0 = last;
let sampling = true;
const sampler = (async () => {
  let next = performance.now() + 1000;
  while (sampling) {
    await sleep(Math.max(0, next - performance.now()));
    next += 1000;
    const now = await counts();
    windows.push({ inbound: now.inbound - last.inbound, outbound: now.outbound - last.outbound });
    last = now;
  }
})();

const cpu0 = process.cpuUsage();
const elu0 = performance.eventLoopUtilization();
const t0 = performance.now();
// All at once, in batches (one send per application would spread the filing over clock hours).
for (let i = 0; i < encoded.length; i += 100) await producer.sendBatch({ topicMessages: encoded.slice(i, i + 100) });
const producedMs = performance.now() - t0;
/** Clock minutes from the filing morning to the end of the filing (its own real time, or a start-up that overran). */
const filingClockMinutes = Math.round((Date.parse(clockNow(config)) - Date.parse(filedAt)) / 60_000);

const seenIds = new Set<string>();
const byApp = new Map<string, MonitoringStage[]>();
const finishedAt = new Map<string, number>();
let duplicates = 0;
let read = 0;
const take = () => {
  for (; read < reader.messages.length; read++) {
    const m = reader.messages[read]!;
    const s = m.value as unknown as MonitoringStage;
    if (!finals.has(s.applicationId)) continue;
    if (seenIds.has(s.messageId)) {
      duplicates++;
      continue;
    }
    seenIds.add(s.messageId);
    byApp.set(s.applicationId, [...(byApp.get(s.applicationId) ?? []), s]);
    if (s.stage === finals.get(s.applicationId) && !finishedAt.has(s.applicationId))
      finishedAt.set(s.applicationId, m.receivedAt);
  }
  return finishedAt.size >= N;
};
// Until every application is at its final stage, the timeout, or a stall: no stage of these
// applications for a week of the clock (at least 2 real minutes), e.g. a message parked on a DLQ.
const stallMs = Math.max(120_000, (7 * 86_400_000) / speed);
let lastProgress = performance.now();
let complete = false;
let stopReason = 'complete';
let nextReport = t0 + 10_000;
for (;;) {
  const before = seenIds.size;
  if (take()) {
    complete = true;
    break;
  }
  const now = performance.now();
  if (seenIds.size > before) lastProgress = now;
  if (now - t0 > timeoutMs || now - lastProgress > stallMs) {
    stopReason = now - t0 > timeoutMs ? 'timeout' : `no stage for ${Math.round(stallMs / 1000)} s`;
    process.stderr.write(`lifecycles: ${finishedAt.size} of ${N} at their final stage; ${stopReason}\n`);
    break;
  }
  if (now >= nextReport) {
    nextReport += 10_000;
    process.stderr.write(
      `lifecycles: ${Math.round((now - t0) / 1000)} s, ${finishedAt.size}/${N} done, ${seenIds.size} stages, ` +
        `clock ${clockNow(config).slice(0, 16)}\n`,
    );
  }
  await sleep(100);
}
const endMs = complete ? Math.max(...finishedAt.values()) : lastProgress;
const end = await counts();
const cpu = process.cpuUsage(cpu0);
const elu = performance.eventLoopUtilization(elu0);
const cpuMs = performance.now() - t0;
sampling = false;
await sampler;

const realSeconds = (endMs - t0) / 1000;
const inbound = end.inbound - at0.inbound;
const outbound = end.outbound - at0.outbound;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const stages: Record<string, number> = {};
let slaSignals = 0;
let lastOccurred = 0;
const outOfOrder: { applicationId: string; expected: string[]; seen: string[] }[] = [];
for (const a of apps) {
  const seen = byApp.get(a.id) ?? [];
  for (const s of seen) {
    stages[s.stage] = (stages[s.stage] ?? 0) + 1;
    if (s.stage === finals.get(a.id)) lastOccurred = Math.max(lastOccurred, Date.parse(s.occurredAt));
    if (s.stage.startsWith('SLA_')) slaSignals++;
  }
  const path = seen.filter((s) => !s.stage.startsWith('SLA_')).map((s) => s.stage);
  if (comparable(a, path).join() !== comparable(a, expectedStages(a)).join())
    outOfOrder.push({ applicationId: a.id, expected: expectedStages(a), seen: path });
}
const lifecycleSeconds = [...finishedAt.values()].map((t) => (t - t0) / 1000);
// The last window is cut by the end of the run; the windows after the last final stage are not the run's.
const runWindows = windows.slice(0, Math.max(1, Math.floor(realSeconds)));
const idleWindows = runWindows.filter((w) => w.inbound === 0).length;
// The counters move when a batch commits: a batch longer than a second leaves a window without
// inbound while the adapter works; a window with neither inbound nor outbound is idle for sure.
const silentWindows = runWindows.filter((w) => w.inbound === 0 && w.outbound === 0).length;
const busiest = runWindows.reduce((m, w) => Math.max(m, w.inbound + w.outbound), 0);
const messagesPerSecond = (inbound + outbound) / realSeconds;

print({
  machine: machine(new Date()),
  loadAverage1mAtStart: loadAtStart,
  floors,
  size: N,
  speed,
  uncollected: flag('uncollected'),
  timerPollMs: pollMs,
  startupSeconds,
  filedAt,
  filingClockMinutes,
  complete,
  stopReason,
  lifecycles: finishedAt.size,
  producedInMs: Math.round(producedMs),
  realSeconds: round(realSeconds, 1),
  clockDays: round((lastOccurred - Date.parse(filedAt)) / 86_400_000, 1),
  lifecyclesPerRealSecond: round(finishedAt.size / realSeconds),
  lifecycleRealSeconds: {
    p50: round(percentile(lifecycleSeconds, 50), 1),
    p99: round(percentile(lifecycleSeconds, 99), 1),
    max: round(percentile(lifecycleSeconds, 100), 1),
  },
  stagesSeen: Object.values(stages).reduce((s, v) => s + v, 0),
  slaSignals,
  stages,
  duplicateStages: duplicates,
  notAsExpected: outOfOrder.length,
  notAsExpectedExamples: outOfOrder.slice(0, 3),
  deadLettered: await sum(adapter.metrics.parked),
  inbound,
  outbound,
  messagesPerSecond: Math.round(messagesPerSecond),
  ratioToPipelineFloor: floors ? round(messagesPerSecond / 2 / floors.pipelinePerSecond) : null,
  idle: {
    windows: runWindows.length,
    withoutInbound: idleWindows,
    share: round(idleWindows / runWindows.length),
    withoutAnyMessage: silentWindows,
    withoutAnyMessageShare: round(silentWindows / runWindows.length),
    busiestWindowMessages: busiest,
  },
  /** The real seconds the next two figures cover: to the end, or to the stall's detection. */
  cpuAndLoopOverSeconds: round(cpuMs / 1000, 1),
  eventLoopUtilization: round(elu.utilization),
  processCpuSecondsPerRealSecond: round((cpu.user + cpu.system) / 1e3 / cpuMs),
  rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  simulators: { college: college.stats(), courier: courier.stats() },
});
await reader.stop();
await producer.disconnect();
await feeder.stop();
await courier.stop();
await college.stop();
await stub.stop();
await adapter.stop();
await bench.stop();
process.exit(complete ? 0 : 1);
