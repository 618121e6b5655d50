/**
 * Fault suite, the broker: a Kafka of this file's own (the same port and data after a restart)
 * under a steady load of portal and PSC applications, with the adapter and the gateway stub as
 * processes. First the broker is stopped (its clean shutdown) for 25 s and started again, then it
 * is frozen (SIGSTOP) for 30 s and thawed. Every application must reach its stages, once each.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type RunningKafka } from '../../src/local/infra/kafka.js';
import { cacheRoot } from '../../src/local/infra/paths.js';
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
const dir = logDir('broker');
let kafka: RunningKafka;
let h: Harness;
let adapter: ChildProcess | null = null;
let stub: ChildProcess | null = null;
const personalData = new Set<string>();

beforeAll(async () => {
  const base = (await import('../../src/platform/config/load.js')).loadConfig({ NODE_ENV: 'test' });
  kafka = await startKafka({
    cacheDir: cacheRoot(base.infra.cacheDir),
    version: base.infra.kafkaVersion,
    timeoutMs: base.infra.startTimeoutMs,
  });
  h = await harness('faults-broker', { ...SETTINGS, KAFKA_BROKERS: kafka.brokers.join(',') });
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), SETTINGS);
  adapter = await spawnAdapter(h.config, join(dir, 'adapter.log'), SETTINGS);
}, 240_000);

afterAll(async () => {
  kafka?.thaw();
  recordPersonalData('broker', personalData);
  if (adapter) await stopGently(adapter);
  if (stub) await stopGently(stub);
  await h?.stop();
  await kafka?.stop();
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
    family: 'broker',
    fault,
    sent: load.sent(),
    stagesExpected: f.stagesExpected,
    stagesSeen: f.stagesSeen,
    duplicates: f.duplicates,
    lost: f.lost,
    parked: f.parked,
    recoverySeconds: firstStageAfter(h, window.to),
    maxStallSeconds: maxStall(h, started, ended, [window]),
    notes: `${load.retries()} sends retried while the broker was away; down ${Math.round((window.to - window.from) / 1000)} s`,
  };
  recordRow(row);
  return cleanVerdict({ ...row, wrong: f.wrong });
}

describe('fault suite: the broker stopped and restarted, then frozen, under a steady load', () => {
  it('stopped for 25 s (clean shutdown) and started again on the same port and data', async () => {
    const verdict = await underLoad('Kafka stopped 25 s, restarted (same port, same data)', 0, async () => {
      const from = performance.now();
      await kafka.halt();
      await sleep(25_000);
      await kafka.restart();
      return { from, to: performance.now() };
    });
    expect(verdict).toEqual(CLEAN);
  }, 600_000);

  it('frozen for 30 s (SIGSTOP) and thawed', async () => {
    const verdict = await underLoad('Kafka frozen 30 s (SIGSTOP), thawed', 1000, async () => {
      const from = performance.now();
      kafka.freeze();
      await sleep(30_000);
      kafka.thaw();
      return { from, to: performance.now() };
    });
    expect(verdict).toEqual(CLEAN);
  }, 600_000);
});
