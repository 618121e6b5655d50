/**
 * Fault suite, the college and the courier simulators each down for a minute: whole lifecycles on
 * every channel with the adapter, the gateway stub and both simulators as processes, on a clock
 * 3000 times faster (a real minute is 50 hours of service: the steps waiting for the partner are
 * late, their SLA signals are real). The college simulator is stopped for 60 s at 15 % of the
 * stages, the courier simulator for 60 s at 45 %; each is started again. Every application must
 * end with exactly its stages, once each; its courier orders once each; nothing parked.
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
import { spawnAdapter, spawnCommand, stopGently } from '../e2e/support/processes.js';
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
const S = LIFECYCLE_SETTINGS;
const dir = logDir('simulators-down');
const sims = {
  college: {
    command: 'college-simulator',
    ready: 'college simulator ready',
    at: 0.15,
    // Stages only the college's messages cause.
    stages: ['REGISTERED_AT_COLLEGE', 'PRELIMINARY_REFUSAL', 'HEARING_HELD', 'DUPLICATE_ISSUED', 'REFUSED'],
  },
  courier: {
    command: 'courier-simulator',
    ready: 'courier simulator ready',
    at: 0.45,
    stages: ['REGISTER_DISPATCHED', 'DELIVERED_TO_COLLEGE', 'RESULT_DISPATCHED'],
  },
} as const;
const running = new Map<string, ChildProcess>();
let stub: ChildProcess | null = null;
let adapter: ChildProcess | null = null;
let h: Harness;
let psc: PscCounter;
const personalData = new Set<string>();

const spawnSim = (name: keyof typeof sims) =>
  spawnCommand(sims[name].command, sims[name].ready, h.config, join(dir, `${name}.log`), S);

beforeAll(async () => {
  h = await harness('faults-simulators', S);
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), S);
  adapter = await spawnAdapter(h.config, join(dir, 'adapter.log'), S);
  running.set('college', await spawnSim('college'));
  running.set('courier', await spawnSim('courier'));
}, 240_000);

afterAll(async () => {
  recordPersonalData('simulators-down', personalData);
  await psc?.stop();
  if (adapter) await stopGently(adapter);
  for (const c of running.values()) await stopGently(c);
  if (stub) await stopGently(stub);
  await h?.stop();
});

describe('fault suite: the college and the courier simulators each down for a minute during whole lifecycles', () => {
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
    const windows: (Window & { name: keyof typeof sims })[] = [];
    for (const name of ['college', 'courier'] as const) {
      await h.reader.until(() => seen() >= total * sims[name].at, 300_000, `${sims[name].at * 100} % of the stages`);
      const from = performance.now();
      await stopGently(running.get(name)!);
      await sleep(60_000);
      running.set(name, await spawnSim(name));
      windows.push({ name, from, to: performance.now() });
    }
    const done = () => {
      const map = stagesByApplication(h);
      return apps.every((a) => map.get(a.id)?.some((s) => s.stage === finalStage(a)));
    };
    await h.reader.until(done, 420_000, 'every application at its last stage').catch(() => undefined);
    const ended = performance.now();
    await sleep(4000);
    const f = wireFigures(h, expected);
    const orders = wrongOrders(h, apps);
    const locked = await lockedTimers(h);
    const rows = windows.map((w) => {
      const row = {
        family: 'stand-ins down',
        fault: `${sims[w.name].command} stopped 60 s, started again, during ${N} whole lifecycles`,
        sent: apps.length + psc.handedOver.size,
        stagesExpected: f.stagesExpected,
        stagesSeen: f.stagesSeen,
        duplicates: f.duplicates,
        lost: f.lost,
        parked: f.parked,
        recoverySeconds: firstStageAfter(h, w.to, sims[w.name].stages),
        maxStallSeconds: maxStall(h, started, ended, [...windows, ...nonWorkingWindows(h, filedAt, 30)]),
        slaSignals: f.slaSignals,
        notes:
          `recovery: to the first ${w.name} stage after the restart; one run for both stand-ins (figures of the run); ` +
          `courier orders wrong: ${orders.length}; timers locked at the end: ${locked.length ? locked.join('; ') : 'none'}; real time ${Math.round((ended - started) / 1000)} s`,
      };
      recordRow(row);
      return row;
    });
    for (const row of rows) expect(cleanVerdict({ ...row, wrong: [...f.wrong, ...orders] })).toEqual(CLEAN);
    expect(f.parked).toEqual({});
  }, 1_200_000);
});
