import type { AppConfig } from '../platform/config/schema.js';
import type { Logger } from '../platform/logging/logger.js';
import { startInfrastructure } from '../local/infra/launcher.js';
import { orderedStopSignals } from './signals.js';

/** `infra`: the three services in the foreground, until Ctrl-C; prints their connection strings. */
export async function runInfra(config: AppConfig, log: Logger): Promise<void> {
  const signals = orderedStopSignals(() => process.exit(130));
  const infra = await startInfrastructure(config, log);
  process.stdout.write(
    [
      `mode: ${infra.mode}`,
      `KAFKA_BROKERS=${infra.kafkaBrokers.join(',')}`,
      `SCHEMA_REGISTRY_URL=${infra.registryUrl}`,
      `DATABASE_URL=${infra.databaseUrl}`,
      `started in: ${JSON.stringify(infra.timings)} ms`,
      'Ctrl-C stops them.',
      '',
    ].join('\n'),
  );
  await signals.first;
  await infra.stop();
  signals.dispose();
}
