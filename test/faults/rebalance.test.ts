/**
 * Fault suite, three adapter instances and rebalances mid-run: instances A, B and C (real
 * processes, one consumer group, one relay leader among them) under a steady load of portal and
 * PSC applications on topics of 6 partitions. Mid-run A, the first started and so the relay's
 * likely leader, is killed with SIGKILL (the group rebalances after the session timeout, another
 * instance takes the relay's lead), then a fourth instance D joins (another rebalance). Every
 * application must reach its stages, once each.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../support/adapter-harness.js';
import { killHard, spawnAdapter, spawnCommand, stopGently } from '../e2e/support/processes.js';
import { STEADY_IDENTITY, steadyLoad } from './support/load.js';
import {
  CLEAN,
  cleanVerdict,
  maxStall,
  publishedAt,
  stageRecords,
  stagesByApplication,
  wireFigures,
} from './support/measure.js';
import { logDir, recordPersonalData, recordRow } from './support/results.js';

const SETTINGS = {
  CLOCK_START_AT: '2027-03-02T10:00:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  ...STEADY_IDENTITY,
  GATEWAY_STUB_POPULATION_SIZE: '4000',
  KAFKA_PARTITIONS: '6',
  KAFKA_SESSION_TIMEOUT_MS: '10000',
};
const dir = logDir('rebalance');
let h: Harness;
const adapters = new Map<string, ChildProcess>();
let stub: ChildProcess | null = null;
const personalData = new Set<string>();
const spawn = (name: string) =>
  spawnAdapter(h.config, join(dir, `adapter-${name}.log`), { ...SETTINGS, HTTP_PORT: '0' });

beforeAll(async () => {
  h = await harness('faults-rebalance', SETTINGS);
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), SETTINGS);
  for (const name of ['A', 'B', 'C']) adapters.set(name, await spawn(name));
}, 240_000);

afterAll(async () => {
  recordPersonalData('rebalance', personalData);
  for (const a of adapters.values()) await stopGently(a);
  if (stub) await stopGently(stub);
  await h?.stop();
});

/** Seconds from `at` to the first stage after it on each partition of the stages topic: the slowest. */
function worstPartitionRecovery(h: Harness, at: number): number | null {
  const first = new Map<number, number>();
  for (const r of stageRecords(h)) {
    const t = publishedAt(r);
    if (t > at && t < (first.get(r.partition) ?? Number.POSITIVE_INFINITY)) first.set(r.partition, t);
  }
  if (first.size === 0) return null;
  return Math.round((Math.max(...first.values()) - at) / 100) / 10;
}

describe('fault suite: three adapter instances, one killed mid-run and one joining', () => {
  it('every application reaches its stages once across the rebalances', async () => {
    const started = performance.now();
    const load = steadyLoad(h, { count: 300, perSecond: 4, firstPerson: 0, personalData });
    await sleep(20_000);
    const from = performance.now();
    await killHard(adapters.get('A')!);
    adapters.delete('A');
    await sleep(15_000);
    adapters.set('D', await spawn('D'));
    await load.done;
    const all = () => {
      const map = stagesByApplication(h);
      return [...load.expected].every(([id, due]) => (map.get(id)?.length ?? 0) >= due.length);
    };
    await h.reader.until(all, 180_000, 'every application at its stages').catch(() => undefined);
    const ended = performance.now();
    await sleep(3000);
    const f = wireFigures(h, load.expected);
    const row = {
      family: 'rebalance',
      fault: '3 adapter instances; A SIGKILLed mid-run (rebalance, relay lead moves), D joins 15 s later (rebalance)',
      sent: load.sent(),
      stagesExpected: f.stagesExpected,
      stagesSeen: f.stagesSeen,
      duplicates: f.duplicates,
      lost: f.lost,
      parked: f.parked,
      recoverySeconds: worstPartitionRecovery(h, from),
      // The killed member's partitions stall for the session timeout by design (10 s here): counted.
      maxStallSeconds: maxStall(h, started, ended),
      notes:
        'recovery: from the kill to the first stage after it on the slowest of the 6 partitions (key = application, ' +
        'so a stages partition is an inbound partition); the stall counts the kill and both rebalances',
    };
    recordRow(row);
    expect(cleanVerdict({ ...row, wrong: f.wrong })).toEqual(CLEAN);
  }, 600_000);
});
