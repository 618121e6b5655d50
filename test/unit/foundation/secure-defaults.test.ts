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
    ['Kafka without TLS', { KAFKA_SSL: 'false', KAFKA_SASL_MECHANISM: '' }, 'KAFKA_SSL=true'],
    ['SASL PLAIN without TLS', { KAFKA_SSL: 'false', KAFKA_SASL_MECHANISM: 'plain' }, 'KAFKA_SSL=true'],
    ['a placeholder SASL password', { KAFKA_SASL_PASSWORD: 'changeme' }, 'KAFKA_SASL_PASSWORD'],
    [
      'the superuser given in query parameters',
      { DATABASE_URL: 'postgres://db/tvet?user=postgres&password=postgres' },
      'superuser',
    ],
    ['no user in the URL (PGUSER unset)', { DATABASE_URL: 'postgres://db:5432/tvet' }, 'names no user'],
    [
      'production named by NODE_ENV only',
      { APP_ENV: 'prod', DATABASE_RUNTIME_PASSWORD: 'tvet_runtime' },
      'shipped default',
    ],
  ])('refuses %s, naming what to set', (_what, change, named) => {
    const err = refusal({ ...PRODUCTION, ...change });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.code).toBe('CONFIG_DEFAULT_SECRET');
    expect(err.message).toContain(named);
    expect(err.message).not.toContain('Kafka-Secret-77e1');
  });

  it('reads the owner as pg does: a password with a bare % and a Unix socket pass, a URL pg cannot read is named, never shown', () => {
    const socket = 'postgresql://tvet_owner:Ab%zz-Owner-Secret@/tvet?host=/var/run/postgresql';
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: socket }).database.url).toBe(socket);
    const err = refusal({ ...PRODUCTION, DATABASE_URL: 'postgres://tvet_owner:Owner-Secret-9f2c@[bad/tvet' });
    expect(err.message).toContain('DATABASE_URL');
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain('Owner-Secret-9f2c');
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
