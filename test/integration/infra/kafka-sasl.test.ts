/**
 * Kafka with SASL/SCRAM-SHA-512, in clear (SASL_PLAINTEXT) and over TLS (SASL_SSL), through the
 * adapter's own configuration (KAFKA_SASL_*, KAFKA_SSL, KAFKA_SSL_CA_FILE read by loadConfig) and
 * code path (connectMessaging, createKafka). The broker is this file's own: its SCRAM credential is
 * made when its storage is formatted, its certificate by keytool at start (valid two days from the
 * machine's real time: nothing here reads the adapter's clock). The tier's shared Kafka stays
 * PLAINTEXT; the shared schema registry encodes the message.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topics } from '../../../src/contract/topics.js';
import { kafkaAnswers, startKafka, type RunningKafka } from '../../../src/local/infra/kafka.js';
import { cacheRoot } from '../../../src/local/infra/paths.js';
import { loadConfig } from '../../../src/platform/config/load.js';
import type { AppConfig } from '../../../src/platform/config/schema.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { connectMessaging } from '../../../src/platform/messaging/bootstrap.js';
import { withDeadline } from '../../../src/platform/messaging/deadline.js';
import { KafkaAuthenticationError, createKafka, kafkaSecurity } from '../../../src/platform/messaging/kafka.js';
import { provisionTopicsWithin } from '../../../src/platform/messaging/topics.js';
import { isolatedConfig } from '../../support/isolation.js';
import { samples } from '../../support/samples.js';

const USER = 'tvet-adapter-it';
/** Hex: the launcher takes letters, digits, '.', '_' and '-' only. */
const PASSWORD = randomBytes(18).toString('hex');
/** What a wrong login attempt is allowed: kafkajs does not retry a refused login, the broker answers at once. */
const REFUSAL_WITHIN_MS = 20_000;

let broker: RunningKafka;
/** Every line the adapter's logger wrote (kafkajs' own lines included), to check no password is among them. */
const logged: string[] = [];
const log = createLogger({
  level: 'debug',
  name: 'kafka-sasl-it',
  destination: { write: (l: string) => logged.push(l) },
});

beforeAll(async () => {
  const base = loadConfig({ NODE_ENV: 'test' });
  broker = await startKafka({
    cacheDir: cacheRoot(base.infra.cacheDir),
    version: base.infra.kafkaVersion,
    timeoutMs: base.infra.startTimeoutMs,
    security: { scram: { username: USER, password: PASSWORD }, tls: true },
  });
}, 240_000);

afterAll(async () => {
  await broker?.stop();
  // Its server.properties holds the broker's logins, its keystore the TLS key.
  if (broker) rmSync(broker.dir, { recursive: true, force: true });
});

/** The adapter's configuration for the SASL broker, as the environment gives it. */
function saslConfig(label: string, env: Record<string, string> = {}): AppConfig {
  return isolatedConfig(label, {
    KAFKA_BROKERS: broker.brokers.join(','),
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: USER,
    KAFKA_SASL_PASSWORD: PASSWORD,
    ...env,
  });
}

/** Sends one record to `topic` and reads it back from the beginning with a group of its own. */
async function roundTrip(kafka: Kafka, topic: string, value: Buffer): Promise<{ key: string; value: Buffer }> {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'sasl-check', value }] });
  } finally {
    await producer.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `it-sasl-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<{ key: string; value: Buffer }>((resolve, reject) => {
      consumer
        .run({ eachMessage: async ({ message }) => resolve({ key: String(message.key), value: message.value! }) })
        .catch(reject);
    });
    return await withDeadline(received, 60_000, () => new Error(`nothing read back from ${topic} within 60 s`));
  } finally {
    await consumer.disconnect();
  }
}

function expectNoPassword(...texts: string[]): void {
  for (const text of texts) {
    expect(text.includes(PASSWORD), 'the SASL password in clear').toBe(false);
  }
}

describe('Kafka with SASL/SCRAM-SHA-512 and TLS, configured as the adapter is', () => {
  it('refuses a client without the SCRAM login, answers one with it', async () => {
    expect(await kafkaAnswers(broker.brokers)).toBe(false);
    const login = { mechanism: 'scram-sha-512' as const, username: USER, password: PASSWORD };
    expect(await kafkaAnswers(broker.brokers, { sasl: login })).toBe(true);
  });

  it('SASL_PLAINTEXT: connectMessaging provisions the topics, one stage is produced and consumed', async () => {
    const config = saslConfig('kafkasasl');
    const security = kafkaSecurity(config);
    expect(security).toEqual({ sasl: { mechanism: 'scram-sha-512', username: USER, password: expect.any(String) } });
    expect(config.kafka.sasl.password === PASSWORD, 'KAFKA_SASL_PASSWORD read').toBe(true);
    const { kafka, codec } = await connectMessaging(config, log);
    const topic = codec.topic(Topics.monitoringStages);
    const value = samples[Topics.monitoringStages][0];
    const got = await roundTrip(kafka, topic, await codec.encode(topic, value));
    expect(got.key).toBe('sasl-check');
    expect(await codec.decode(got.value)).toEqual(value);
  });

  it('SASL_SSL: trusting KAFKA_SSL_CA_FILE, a topic is created and one record produced and consumed', async () => {
    const tls = broker.tls!;
    const config = saslConfig('kafkatls', {
      KAFKA_BROKERS: tls.brokers.join(','),
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: tls.caFile,
    });
    expect(kafkaSecurity(config).ssl).toEqual({ ca: [readFileSync(tls.caFile, 'utf8')] });
    const kafka = createKafka(config, log);
    const topic = `${config.kafka.topicPrefix}.tls-check`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Not waitForLeaders: kafkajs retries only LEADER_NOT_AVAILABLE there, and a KRaft broker may first
      // answer UNKNOWN_TOPIC_OR_PARTITION for a topic just created; the producer retries both.
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
    } finally {
      await admin.disconnect();
    }
    const value = Buffer.from('over TLS');
    expect((await roundTrip(kafka, topic, value)).value).toEqual(value);
  });

  it('SASL_SSL without the CA file: the client refuses the broker certificate, and the error names KAFKA_SSL_CA_FILE', async () => {
    const config = saslConfig('kafkanoca', { KAFKA_BROKERS: broker.tls!.brokers.join(','), KAFKA_SSL: 'true' });
    expect(kafkaSecurity(config).ssl).toBe(true);
    // The adapter's security settings, without its ten retries: one refusal is the point.
    const kafka = new Kafka({
      clientId: config.kafka.clientId,
      brokers: config.kafka.brokers,
      ...kafkaSecurity(config),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
    await expect(provisionTopicsWithin(kafka, config, 20_000)).rejects.toMatchObject({
      code: 'TOPIC_PROVISIONING_FAILED',
      message: expect.stringMatching(/certificate[\s\S]*Check KAFKA_SSL_CA_FILE/),
    });
  });

  it('a wrong password fails the start at once with KAFKA_AUTHENTICATION_FAILED, naming what to check, never the password', async () => {
    const wrong = randomBytes(18).toString('hex');
    const config = saslConfig('kafkawrong', { KAFKA_SASL_PASSWORD: wrong });
    const started = performance.now();
    const err = await connectMessaging(config, log).then(
      () => null,
      (e: unknown) => e,
    );
    const tookMs = performance.now() - started;
    expect(err).toBeInstanceOf(KafkaAuthenticationError);
    const refused = err as KafkaAuthenticationError;
    expect(refused.code).toBe('KAFKA_AUTHENTICATION_FAILED');
    expect(refused.message).toMatch(/refused the SASL scram-sha-512 login of user "tvet-adapter-it"/);
    for (const setting of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_MECHANISM'])
      expect(refused.message).toContain(setting);
    expect(refused.details).toEqual({ brokers: broker.brokers.join(','), mechanism: 'scram-sha-512', username: USER });
    expect(tookMs).toBeLessThan(REFUSAL_WITHIN_MS);
    const texts = [refused.message, JSON.stringify(refused.details), String(refused.stack), logged.join('\n')];
    for (const text of texts) expect(text.includes(wrong), 'the wrong password in clear').toBe(false);
    expectNoPassword(...texts, readFileSync(join(broker.dir, 'kafka.log'), 'utf8'));
  });
});
