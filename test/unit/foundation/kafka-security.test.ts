import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaServerProperties, storageFormatArgs } from '../../../src/local/infra/kafka.js';
import { ConfigError, loadConfig } from '../../../src/platform/config/load.js';
import {
  KafkaAuthenticationError,
  asKafkaAuthenticationError,
  kafkaSecurity,
  kafkaTlsHint,
} from '../../../src/platform/messaging/kafka.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, PEM);
const notPem = join(dir, 'broker.p12');
writeFileSync(notPem, Buffer.from([0x30, 0x82, 0x01, 0x02]));

const SASL = {
  KAFKA_BROKERS: 'k1:9093',
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

function properties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('the local Kafka with SASL/SCRAM and TLS', () => {
  it('keeps the default broker PLAINTEXT', () => {
    const p = properties(kafkaServerProperties({ brokerPort: 19092, controllerPort: 19093, logDir: '/tmp/x' }));
    expect(p['listener.security.protocol.map']).toBe('CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT');
    expect(Object.keys(p).filter((k) => k.includes('sasl') || k.startsWith('ssl.'))).toEqual([]);
  });

  it('puts clients on SASL_PLAINTEXT (and SASL_SSL) with SCRAM-SHA-512, the controller staying PLAINTEXT', () => {
    const p = properties(
      kafkaServerProperties({
        brokerPort: 19092,
        controllerPort: 19093,
        logDir: '/tmp/x',
        security: {
          interBroker: { username: 'broker', password: 'b-secret' },
          tls: { port: 19094, keystore: '/tmp/x/broker.p12', password: 'ks-secret' },
        },
      }),
    );
    expect(p['listeners']).toBe(
      'SASL_PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094,CONTROLLER://127.0.0.1:19093',
    );
    expect(p['advertised.listeners']).toBe('SASL_PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094');
    expect(p['listener.security.protocol.map']).toBe(
      'CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
    );
    expect(p['inter.broker.listener.name']).toBe('SASL_PLAINTEXT');
    expect(p['sasl.enabled.mechanisms']).toBe('SCRAM-SHA-512');
    expect(p['sasl.mechanism.inter.broker.protocol']).toBe('SCRAM-SHA-512');
    for (const l of ['sasl_plaintext', 'sasl_ssl'])
      expect(p[`listener.name.${l}.scram-sha-512.sasl.jaas.config`]).toBe(
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="b-secret";',
      );
    expect(p['ssl.keystore.type']).toBe('PKCS12');
    expect(p['ssl.keystore.location']).toBe('/tmp/x/broker.p12');
  });

  it('creates the SCRAM credentials when the storage is formatted', () => {
    expect(
      storageFormatArgs('AcHBwcHBwcHBwcHBwcHBw', '/tmp/s.properties', [{ username: 'u', password: 'p-1' }]),
    ).toEqual([
      'format',
      '--cluster-id=AcHBwcHBwcHBwcHBwcHBw',
      '-c',
      '/tmp/s.properties',
      '--add-scram',
      'SCRAM-SHA-512=[name=u,password=p-1]',
    ]);
  });
});

describe('the adapter trusting a CA of its own (KAFKA_SSL_CA_FILE)', () => {
  it('trusts the file instead of the system store, and the system store without it', () => {
    const c = loadConfig({ ...SASL, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: caFile });
    expect(kafkaSecurity(c).ssl).toEqual({ ca: [PEM] });
    expect(kafkaSecurity(loadConfig({ ...SASL, KAFKA_SSL: 'true' })).ssl).toBe(true);
  });

  it.each([
    [
      'a missing file',
      { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: join(dir, 'absent.pem') },
      /cannot read .*absent\.pem \(ENOENT\)/,
    ],
    ['a file that is no PEM certificate', { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: notPem }, /holds no PEM certificate/],
    ['a CA file without TLS', { KAFKA_SSL_CA_FILE: caFile }, /TLS is off: set KAFKA_SSL=true/],
  ])('refuses %s, naming KAFKA_SSL_CA_FILE', (_what, env, reason) => {
    const err = refusal({ ...SASL, ...env });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('KAFKA_SSL_CA_FILE');
    expect(err.message).toMatch(reason);
  });
});

describe('production refuses an unauthenticated Kafka', () => {
  const PRODUCTION = {
    ...SASL,
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://tvet_owner:Owner-Secret-9f2c@db:5432/tvet',
    DATABASE_RUNTIME_PASSWORD: 'Runtime-Secret-41d7aa',
    KAFKA_SSL: 'true',
  };

  it('starts with TLS and SCRAM', () => {
    expect(loadConfig(PRODUCTION).kafka.sasl.mechanism).toBe('scram-sha-512');
  });

  it('refuses TLS without SASL (TLS alone authenticates no client)', () => {
    const err = refusal({ ...PRODUCTION, KAFKA_SASL_MECHANISM: '' });
    expect(err.code).toBe('CONFIG_DEFAULT_SECRET');
    expect(err.message).toContain('Kafka without authentication: set KAFKA_SASL_MECHANISM');
  });
});

describe('what a refused Kafka connection says', () => {
  const config = loadConfig({ ...SASL, KAFKA_SSL: 'true' });

  /** As kafkajs gives it: its retrier wraps the SASL error it does not retry. */
  function kafkajsRefusal(): Error {
    const sasl = new Error('SASL SCRAM SHA512 authentication failed: Authentication failed due to invalid credentials');
    sasl.name = 'KafkaJSSASLAuthenticationError';
    const wrapped = new Error(sasl.message, { cause: sasl });
    wrapped.name = 'KafkaJSNonRetriableError';
    return wrapped;
  }

  it('a refused login: KAFKA_AUTHENTICATION_FAILED, the settings to check, the user, never the password', () => {
    const err = asKafkaAuthenticationError(kafkajsRefusal(), config);
    expect(err).toBeInstanceOf(KafkaAuthenticationError);
    expect(err!.code).toBe('KAFKA_AUTHENTICATION_FAILED');
    expect(err!.message).toContain('refused the SASL scram-sha-512 login of user "tvet-adapter"');
    for (const s of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_MECHANISM'])
      expect(err!.message).toContain(s);
    expect(`${err!.message} ${JSON.stringify(err!.details)}`).not.toContain('Kafka-Secret-77e1');
    expect(asKafkaAuthenticationError(new Error('Connection timeout'), config)).toBeNull();
  });

  it('an untrusted certificate points at KAFKA_SSL_CA_FILE, other errors at nothing more', () => {
    const tls = new Error('Connection error: self-signed certificate');
    expect(kafkaTlsHint(new Error('retries exceeded', { cause: tls }), config)).toContain('KAFKA_SSL_CA_FILE');
    expect(kafkaTlsHint(new Error('Connection timeout'), config)).toBe('');
    expect(kafkaTlsHint(tls, loadConfig(SASL))).toBe('');
  });
});
