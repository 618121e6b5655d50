import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig } from '../../src/platform/config/load.js';
import type { AppConfig } from '../../src/platform/config/schema.js';

/**
 * Per test file: its own topic prefix, database schema and consumer group, on the shared real
 * services, so files never see each other's messages or rows.
 */
export function isolatedConfig(label: string, overrides: Record<string, string> = {}): AppConfig & { testId: string } {
  const infra = inject('infra');
  const testId = `${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: infra.registryUrl,
    DATABASE_URL: infra.databaseUrl,
    KAFKA_TOPIC_PREFIX: `it-${testId}`,
    KAFKA_GROUP_ID: `it-${testId}`,
    KAFKA_CLIENT_ID: `it-${testId}`,
    DATABASE_SCHEMA: `t_${testId}`,
    DATABASE_RUNTIME_ROLE: 'tvet_runtime_test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    CLOCK_START_AT: infra.clock.startAt,
    CLOCK_ANCHOR_AT: infra.clock.anchorAt,
    ...overrides,
  });
  return { ...config, testId };
}
