import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/platform/config/load.js';
import { startInfrastructure } from '../../src/local/infra/launcher.js';
import { createLogger } from '../../src/platform/logging/logger.js';

export interface ProvidedInfra {
  mode: string;
  kafkaBrokers: string[];
  registryUrl: string;
  databaseUrl: string;
  /**
   * The clock of the run: CLOCK_START_AT (e.g. a day in 2027) shifts the adapter's, the stub's and
   * the tests' "now" alike, anchored at one real instant so every process agrees.
   */
  clock: { startAt: string; anchorAt: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    infra: ProvidedInfra;
  }
}

/**
 * Starts (or finds, through KAFKA_BROKERS / SCHEMA_REGISTRY_URL / DATABASE_URL) the real Kafka,
 * schema registry and PostgreSQL once for the integration tier. Each test file isolates itself
 * with its own topic prefix and database schema (test/support/isolation.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const log = createLogger({ level: 'info', name: 'test-infra' });
  const t0 = performance.now();
  const infra = await startInfrastructure(config, log);
  log.info(
    { totalMs: Math.round(performance.now() - t0), timings: infra.timings, mode: infra.mode },
    'test infrastructure started',
  );
  project.provide('infra', {
    mode: infra.mode,
    kafkaBrokers: infra.kafkaBrokers,
    registryUrl: infra.registryUrl,
    databaseUrl: infra.databaseUrl,
    clock: {
      startAt: process.env.CLOCK_START_AT ?? '',
      anchorAt: process.env.CLOCK_START_AT ? new Date().toISOString() : '',
    },
  });
  return () => infra.stop();
}
