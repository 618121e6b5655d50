/**
 * Fault suite, PostgreSQL: a server of this file's own (the same port and data after a restart)
 * under a steady load of portal and PSC applications, with the adapter and the gateway stub as
 * processes. First the server is stopped (fast shutdown) for 20 s and started again, then it is
 * frozen (SIGSTOP of the postmaster and every backend) for 30 s and thawed. Every application
 * must reach its stages, once each.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../src/local/infra/postgres.js';
import { harness, type Harness } from '../support/adapter-harness.js';
import { spawnAdapter, spawnCommand, stopGently } from '../e2e/support/processes.js';
import { STEADY_IDENTITY, steadyLoad } from './support/load.js';
import { CLEAN, cleanVerdict, firstStageAfter, maxStall, wireFigures, stagesByApplication } from './support/measure.js';
import { logDir, recordPersonalData, recordRow } from './support/results.js';

const SETTINGS = {
  CLOCK_START_AT: '2027-03-02T10:00:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  ...STEADY_IDENTITY,
  GATEWAY_STUB_POPULATION_SIZE: '4000',
  KAFKA_SESSION_TIMEOUT_MS: '10000',
};
const dir = logDir('postgres');
let pg: RunningPostgres;
let h: Harness;
let adapter: ChildProcess | null = null;
let stub: ChildProcess | null = null;
const personalData = new Set<string>();

beforeAll(async () => {
  pg = await startPostgres({ timeoutMs: 60_000 });
  h = await harness('faults-postgres', { ...SETTINGS, DATABASE_URL: pg.url });
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), SETTINGS);
  adapter = await spawnAdapter(h.config, join(dir, 'adapter.log'), SETTINGS);
}, 240_000);

afterAll(async () => {
  pg?.thaw?.();
  recordPersonalData('postgres', personalData);
  if (adapter) await stopGently(adapter);
  if (stub) await stopGently(stub);
  await h?.stop();
  await pg?.stop();
});

async function underLoad(
  fault: string,
  firstPerson: number,
  act: () => Promise<{ from: number; to: number }>,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const load = steadyLoad(h, { count: 240, perSecond: 4, firstPerson, personalData });
  await sleep(15_000);
  const window = await act();
  await load.done;
  const all = () => {
    const map = stagesByApplication(h);
    return [...load.expected].every(([id, due]) => (map.get(id)?.length ?? 0) >= due.length);
  };
  await h.reader.until(all, 180_000, `every application of "${fault}" at its stages`).catch(() => undefined);
  const ended = performance.now();
  await sleep(3000);
  const f = wireFigures(h, load.expected);
  const row = {
    family: 'PostgreSQL',
    fault,
    sent: load.sent(),
    stagesExpected: f.stagesExpected,
    stagesSeen: f.stagesSeen,
    duplicates: f.duplicates,
    lost: f.lost,
    parked: f.parked,
    recoverySeconds: firstStageAfter(h, window.to),
    maxStallSeconds: maxStall(h, started, ended, [window]),
    notes: `${load.retries()} sends retried; down ${Math.round((window.to - window.from) / 1000)} s`,
  };
  recordRow(row);
  return cleanVerdict({ ...row, wrong: f.wrong });
}

describe('fault suite: PostgreSQL stopped and restarted, then frozen, under a steady load', () => {
  it('stopped for 20 s (fast shutdown) and started again on the same port and data', async () => {
    const verdict = await underLoad('PostgreSQL stopped 20 s, restarted (same port, same data)', 0, async () => {
      const from = performance.now();
      await pg.halt!();
      await sleep(20_000);
      await pg.restart!();
      return { from, to: performance.now() };
    });
    expect(verdict).toEqual(CLEAN);
  }, 600_000);

  it('frozen for 30 s (SIGSTOP of every PostgreSQL process) and thawed', async () => {
    const verdict = await underLoad('PostgreSQL frozen 30 s (SIGSTOP), thawed', 1000, async () => {
      const from = performance.now();
      pg.freeze!();
      await sleep(30_000);
      pg.thaw!();
      return { from, to: performance.now() };
    });
    expect(verdict).toEqual(CLEAN);
  }, 600_000);
});
