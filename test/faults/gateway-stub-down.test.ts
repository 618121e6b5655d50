/**
 * Fault suite, the gateway stub down for a minute: under a steady load of portal and PSC
 * applications (real time), with the adapter and the stub as processes, the stub is stopped for
 * 60 s and started again. The adapter asks again while nobody answers (IDENTITY_MAX_ATTEMPTS 5,
 * 20 s apart); every application must reach IDENTITY_VERIFIED once, nothing else twice.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const dir = logDir('gateway-stub-down');
let h: Harness;
let adapter: ChildProcess | null = null;
let stub: ChildProcess | null = null;
const personalData = new Set<string>();

beforeAll(async () => {
  h = await harness('faults-stub-down', SETTINGS);
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), SETTINGS);
  adapter = await spawnAdapter(h.config, join(dir, 'adapter.log'), SETTINGS);
}, 240_000);

afterAll(async () => {
  recordPersonalData('gateway-stub-down', personalData);
  if (adapter) await stopGently(adapter);
  if (stub) await stopGently(stub);
  await h?.stop();
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
    family: 'stand-ins down',
    fault,
    sent: load.sent(),
    stagesExpected: f.stagesExpected,
    stagesSeen: f.stagesSeen,
    duplicates: f.duplicates,
    lost: f.lost,
    parked: f.parked,
    recoverySeconds: firstStageAfter(h, window.to, ['IDENTITY_VERIFIED']),
    maxStallSeconds: maxStall(h, started, ended, [window]),
    notes: `${load.retries()} sends retried; down ${Math.round((window.to - window.from) / 1000)} s`,
  };
  recordRow(row);
  return cleanVerdict({ ...row, wrong: f.wrong });
}

describe('fault suite: the gateway stub down for a minute under a steady load', () => {
  it('stopped for 60 s and started again: every application verified once', async () => {
    const verdict = await underLoad('gateway stub stopped 60 s, started again', 0, async () => {
      const from = performance.now();
      await stopGently(stub!);
      await sleep(60_000);
      stub = await spawnCommand(
        'gateway-stub',
        'gateway stub ready',
        h.config,
        join(dir, 'gateway-stub.log'),
        SETTINGS,
      );
      return { from, to: performance.now() };
    });
    expect(verdict).toEqual(CLEAN);
  }, 600_000);
});
