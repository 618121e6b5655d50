/**
 * Fault suite, the adapter SIGKILLed 5 times: whole lifecycles on every channel (as in
 * test/e2e/full-lifecycles-sigkill.test.ts) with the adapter, the gateway stub and the college and
 * courier simulators as processes, on a clock 3000 times faster. The adapter is killed with
 * SIGKILL at 10, 25, 40, 55 and 70 % of the stages and started again each time. Every application
 * must end with exactly its stages, once each; its courier orders once each; nothing parked.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../support/adapter-harness.js';
import { shippedCalendar } from '../support/calendar.js';
import {
  expectedStages,
  finalStage,
  nextWorkingMorning,
  plannedApplications,
  untilClock,
} from '../e2e/support/lifecycles.js';
import { killHard, spawnAdapter, spawnCommand, stopGently } from '../e2e/support/processes.js';
import { startPscCounter, type PscCounter } from '../e2e/support/psc-counter.js';
import {
  CLEAN,
  cleanVerdict,
  firstStageAfter,
  maxStall,
  stagesByApplication,
  wireFigures,
  type Window,
} from './support/measure.js';
import { LIFECYCLE_SETTINGS, file, lockedTimers, nonWorkingWindows, wrongOrders } from './support/lifecycles.js';
import { logDir, personalDataOf, recordPersonalData, recordRow, withContacts } from './support/results.js';

const N = 100;
const KILLS_AT = [0.1, 0.25, 0.4, 0.55, 0.7];
const dir = logDir('adapter-sigkill');
const adapterLog = join(dir, 'adapter.log');
const children: ChildProcess[] = [];
let adapter: ChildProcess | null = null;
let h: Harness;
let psc: PscCounter;
const personalData = new Set<string>();

beforeAll(async () => {
  h = await harness('faults-sigkill', LIFECYCLE_SETTINGS);
  const S = LIFECYCLE_SETTINGS;
  children.push(await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), S));
  adapter = await spawnAdapter(h.config, adapterLog, S);
  children.push(
    await spawnCommand('college-simulator', 'college simulator ready', h.config, join(dir, 'college.log'), S),
    await spawnCommand('courier-simulator', 'courier simulator ready', h.config, join(dir, 'courier.log'), S),
  );
}, 240_000);

afterAll(async () => {
  recordPersonalData('adapter-sigkill', personalData);
  await psc?.stop();
  if (adapter) await stopGently(adapter);
  for (const c of children) await stopGently(c);
  await h?.stop();
});

describe('fault suite: the adapter killed with SIGKILL 5 times during whole lifecycles', () => {
  it('every application ends with exactly its stages, once each', async () => {
    const filedAt = nextWorkingMorning(h.config, shippedCalendar());
    await untilClock(h.config, filedAt);
    const apps = plannedApplications(h.config, N, filedAt).map((a) => ({ ...a, value: withContacts(a.value) }));
    for (const a of apps) personalDataOf(a.value, personalData);
    psc = startPscCounter(h, new Map(apps.map((a) => [a.id, a.applicantIin])), new Set());
    const expected = new Map(apps.map((a) => [a.id, expectedStages(a)]));
    const total = [...expected.values()].reduce((n, s) => n + s.length, 0);
    const started = performance.now();
    await file(h, apps);
    const seen = () => wireFigures(h, expected).stagesSeen;
    const windows: Window[] = [];
    const recoveries: number[] = [];
    let stalledAt: number | null = null;
    for (const share of KILLS_AT) {
      const reached = await h.reader
        .until(() => seen() >= total * share, 300_000, `${Math.round(share * 100)} % of the stages`)
        .then(() => true)
        .catch(() => false);
      if (!reached) {
        stalledAt = share;
        break;
      }
      const from = performance.now();
      await killHard(adapter!);
      adapter = await spawnAdapter(h.config, adapterLog, LIFECYCLE_SETTINGS);
      windows.push({ from, to: performance.now() });
    }
    const done = () => {
      const map = stagesByApplication(h);
      return apps.every((a) => map.get(a.id)?.some((s) => s.stage === finalStage(a)));
    };
    await h.reader.until(done, 420_000, 'every application at its last stage').catch(() => undefined);
    const ended = performance.now();
    await sleep(4000);
    for (const w of windows) recoveries.push(firstStageAfter(h, w.to) ?? Number.POSITIVE_INFINITY);
    const f = wireFigures(h, expected);
    const orders = wrongOrders(h, apps);
    const locked = await lockedTimers(h);
    const row = {
      family: 'adapter SIGKILL',
      fault: `adapter SIGKILLed 5 times (at ${KILLS_AT.map((s) => `${Math.round(s * 100)} %`).join(', ')} of the stages) during ${N} whole lifecycles`,
      sent: apps.length + psc.handedOver.size,
      stagesExpected: f.stagesExpected,
      stagesSeen: f.stagesSeen,
      duplicates: f.duplicates,
      lost: f.lost,
      parked: f.parked,
      recoverySeconds: Math.max(...recoveries),
      maxStallSeconds: maxStall(h, started, ended, [...windows, ...nonWorkingWindows(h, filedAt, 30)]),
      slaSignals: f.slaSignals,
      notes:
        `each restart to the first stage after it: ${recoveries.join(', ')} s; down (kill to "adapter started") ` +
        `${windows.map((w) => Math.round((w.to - w.from) / 100) / 10).join(', ')} s; courier orders wrong: ${orders.length}; timers locked at the end: ${locked.length ? locked.join('; ') : 'none'}; ` +
        `real time ${Math.round((ended - started) / 1000)} s` +
        (stalledAt === null
          ? ''
          : `; the stages stopped short of ${Math.round(stalledAt * 100)} %: ${windows.length} kills only`),
    };
    recordRow(row);
    expect(windows).toHaveLength(KILLS_AT.length);
    expect(cleanVerdict({ ...row, wrong: [...f.wrong, ...orders] })).toEqual(CLEAN);
    expect(f.parked).toEqual({});
  }, 1_200_000);
});
