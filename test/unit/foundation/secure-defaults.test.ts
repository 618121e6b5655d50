import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/load.js';
import { kafkaSecurity } from '../../../src/platform/messaging/kafka.js';

/** What a production deployment sets instead of the local defaults. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://tvet_owner:Owner-Secret-9f2c@db:5432/tvet',
  DATABASE_RUNTIME_PASSWORD: 'Runtime-Secret-41d7aa',
  KAFKA_SSL: 'true',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'tvet-adapter',
  KAFKA_SASL_PASSWORD: 'Kafka-Secret-77e1',
};

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('secure defaults in production (issue 12 item 9)', () => {
  it('starts with secrets of its own, TLS and SCRAM', () => {
    const c = loadConfig(PRODUCTION);
    expect(kafkaSecurity(c)).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'tvet-adapter', password: 'Kafka-Secret-77e1' },
    });
  });

  it.each([
    ['the shipped runtime password', { DATABASE_RUNTIME_PASSWORD: 'tvet_runtime' }, 'DATABASE_RUNTIME_PASSWORD'],
    ['the runtime password equal to its role', { DATABASE_RUNTIME_PASSWORD: 'tvet_runtime' }, 'shipped default'],
    ['the postgres superuser as owner', { DATABASE_URL: 'postgres://postgres:x-9f2c-long@db/tvet' }, 'superuser'],
    ['a default owner password', { DATABASE_URL: 'postgres://tvet_owner:postgres@db/tvet' }, "DATABASE_URL's password"],
    ['Kafka with neither TLS nor SASL', { KAFKA_SSL: 'false', KAFKA_SASL_MECHANISM: '' }, 'KAFKA_SSL=true'],
  ])('refuses %s, naming what to set', (_what, change, named) => {
    const err = refusal({ ...PRODUCTION, ...change });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.code).toBe('CONFIG_DEFAULT_SECRET');
    expect(err.message).toContain(named);
    expect(err.message).not.toContain('Kafka-Secret-77e1');
  });

  it('keeps the local defaults outside production (a local run needs nothing set)', () => {
    const c = loadConfig({});
    expect(c.database.runtimePassword).toBe('tvet_runtime');
    expect(kafkaSecurity(c)).toEqual({});
  });

  it('refuses a SASL mechanism without its credentials anywhere', () => {
    const err = refusal({ KAFKA_SASL_MECHANISM: 'scram-sha-256' });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('KAFKA_SASL_USERNAME');
  });
});
