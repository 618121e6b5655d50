import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/load.js';

describe('configuration', () => {
  it('loads the defaults with no environment at all', () => {
    const c = loadConfig({});
    expect(c.kafka.brokers).toEqual([]);
    expect(c.infra.mode).toBe('auto');
    expect(c.infra.kafkaVersion).toMatch(/^3\.9\./);
  });

  it('lets environment variables override, with types', () => {
    const c = loadConfig({ KAFKA_BROKERS: 'a:9092, b:9093', KAFKA_PARTITIONS: '12', LOG_LEVEL: 'debug' });
    expect(c.kafka.brokers).toEqual(['a:9092', 'b:9093']);
    expect(c.kafka.partitions).toBe(12);
    expect(c.log.level).toBe('debug');
  });

  it('merges the per-environment file over the defaults', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).kafka.partitions).toBe(3);
    const secrets = {
      DATABASE_RUNTIME_PASSWORD: 'a-secret-of-its-own',
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'tvet-adapter',
      KAFKA_SASL_PASSWORD: 'a-kafka-secret-of-its-own',
    };
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).infra.mode).toBe('external');
  });

  it('refuses a database schema longer than 50 characters (the timer schema and the relay channel append to it)', () => {
    expect(loadConfig({ DATABASE_SCHEMA: 'a'.repeat(50) }).database.schema).toHaveLength(50);
    expect(() => loadConfig({ DATABASE_SCHEMA: 'a'.repeat(51) })).toThrow(/DATABASE_SCHEMA.*at most 50|at most 50/s);
  });

  it('rejects a bad value naming the key, the env var and the expected form', () => {
    const err = (() => {
      try {
        loadConfig({ KAFKA_BROKERS: 'not a broker' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('kafka.brokers.0');
    expect(err.message).toContain('KAFKA_BROKERS');
    expect(err.message).toContain('host:port');
  });

  it('rejects a non-number for a number key before validation', () => {
    expect(() => loadConfig({ KAFKA_PARTITIONS: 'six' })).toThrow(/KAFKA_PARTITIONS.*whole number/);
  });

  it('rejects an unknown infrastructure mode and an out-of-range value', () => {
    expect(() => loadConfig({ INFRA_MODE: 'cloud' })).toThrow(/infra\.mode/);
    expect(() => loadConfig({ KAFKA_PARTITIONS: '0' })).toThrow(/kafka\.partitions/);
  });

  it('reports an unreadable configuration file clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'default.json'), '{ not json');
    expect(() => loadConfig({}, dir)).toThrow(/CONFIG|Cannot read configuration file/);
  });
});
