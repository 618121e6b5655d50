/**
 * What every benchmark shares: its own infrastructure (Kafka, Apicurio, PostgreSQL as local
 * processes, or the ones KAFKA_BROKERS / SCHEMA_REGISTRY_URL / DATABASE_URL name), a config
 * isolated by a random prefix and schema, the machine line the results are written down with,
 * and the options of the command line (`--name value`).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Knex } from 'knex';
import pino from 'pino';
import { withInfrastructure } from '../../src/cli/effective-config.js';
import { loadConfig } from '../../src/platform/config/load.js';
import type { AppConfig } from '../../src/platform/config/schema.js';
import { connect } from '../../src/platform/db/connect.js';
import { startInfrastructure, type Infrastructure } from '../../src/local/infra/launcher.js';
import { createLogger, type Logger } from '../../src/platform/logging/logger.js';
import { connectMessaging, type Messaging } from '../../src/platform/messaging/bootstrap.js';
import { createClock } from '../../src/platform/clock/clock.js';

export interface Bench {
  config: AppConfig;
  log: Logger;
  infra: Infrastructure;
  messaging: Messaging;
  /** The owner role, search_path = a schema of the benchmark's own (for the floors' tables). */
  scratch: Knex;
  now(): Date;
  stop(): Promise<void>;
}

export async function startBench(label: string, env: Record<string, string> = {}): Promise<Bench> {
  const id = randomBytes(3).toString('hex');
  // The log on stderr: stdout is the result's JSON alone.
  const log = createLogger({
    level: 'warn',
    name: `bench-${label}`,
    destination: pino.destination({ fd: 2, sync: true }),
  });
  const base = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    KAFKA_TOPIC_PREFIX: `bench-${id}`,
    KAFKA_GROUP_ID: `bench-${id}`,
    DATABASE_SCHEMA: `bench_${id}`,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const infra = await startInfrastructure(base, log);
  const config = withInfrastructure(base, infra);
  const messaging = await connectMessaging(config, log, '-bench');
  const owner = connect({ url: config.database.url, schema: 'public' });
  await owner.raw('CREATE SCHEMA IF NOT EXISTS ??', [`scratch_${id}`]);
  await owner.destroy();
  const scratch = connect({ url: config.database.url, schema: `scratch_${id}` });
  const clock = createClock(config.clock);
  return {
    config,
    log,
    infra,
    messaging,
    scratch,
    now: () => clock.now(),
    async stop() {
      await scratch.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [`scratch_${id}`]);
      await scratch.destroy();
      await infra.stop();
    },
  };
}

/** The line a result is written down with: when, on what, under which load. */
export function machine(now: Date): Record<string, string | number> {
  return {
    date: now.toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/** `--name value` from the command line, else the default. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number, got ${process.argv[i + 1]}`);
  return v;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** The p-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function print(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
