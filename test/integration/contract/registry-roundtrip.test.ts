import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import {
  createRegistry,
  registerContractSchemas,
  type RegisteredSchema,
} from '../../../src/platform/messaging/registry.js';
import { provisionTopics, topicPlan } from '../../../src/platform/messaging/topics.js';
import { ALL_TOPICS, INBOUND_TOPICS, Topics, topicName } from '../../../src/contract/topics.js';
import { samples } from '../../support/samples.js';
import { isolatedConfig } from '../../support/isolation.js';

const config = isolatedConfig('registry');
const prefix = config.kafka.topicPrefix;
const registry = createRegistry(config.schemaRegistry.url);
const kafka = new Kafka({ clientId: config.kafka.clientId, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
let registered: Map<string, RegisteredSchema>;
let producer: Producer;
let consumer: Consumer;

beforeAll(async () => {
  registered = await registerContractSchemas(config.schemaRegistry.url, prefix);
  const admin = kafka.admin();
  await admin.connect();
  await provisionTopics(admin, config);
  await admin.disconnect();
  producer = kafka.producer({ idempotent: true });
  await producer.connect();
  consumer = kafka.consumer({ groupId: config.kafka.groupId });
  await consumer.connect();
});
afterAll(async () => {
  await producer?.disconnect();
  await consumer?.disconnect();
});

describe('the contract on the real schema registry', () => {
  it('registers a schema for every topic and every dead-letter topic, idempotently', async () => {
    expect(registered.size).toBe(ALL_TOPICS.length + INBOUND_TOPICS.length);
    expect(topicPlan(config).map((t) => t.topic)).toEqual(expect.arrayContaining([...registered.keys()]));
    const again = await registerContractSchemas(config.schemaRegistry.url, prefix);
    for (const [topic, s] of registered) expect(again.get(topic)?.id).toBe(s.id);
    const subjects = (await (await fetch(`${config.schemaRegistry.url}/subjects`)).json()) as string[];
    for (const s of registered.values()) expect(subjects).toContain(s.subject);
  });

  it.each(ALL_TOPICS.map((t) => [t]))(
    'round-trips realistic samples of %s through the registry (wire format)',
    async (base) => {
      const s = registered.get(topicName(base, prefix))!;
      const values = samples[base];
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const bytes = await registry.encode(s.id, value);
        expect(bytes[0]).toBe(0); // Confluent magic byte
        expect(bytes.readInt32BE(1)).toBe(s.id); // schema id, big-endian
        expect(await registry.decode(bytes)).toEqual(value);
      }
    },
  );

  it('rejects a value that breaks the schema instead of encoding it', async () => {
    const s = registered.get(topicName(Topics.monitoringStages, prefix))!;
    const bad = { ...(samples[Topics.monitoringStages][0] as object), stage: 'NOT_A_STAGE' };
    await expect(registry.encode(s.id, bad)).rejects.toThrow();
  });
});

describe('Avro through the real broker', () => {
  it('produces and consumes a monitoring stage encoded with the registered schema', async () => {
    const topic = topicName(Topics.monitoringStages, prefix);
    const s = registered.get(topic)!;
    const value = samples[Topics.monitoringStages][0] as Record<string, unknown>;
    await producer.send({
      topic,
      messages: [{ key: String(value.applicationId), value: await registry.encode(s.id, value) }],
    });

    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<{ key: string; value: unknown; schemaId: number }>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            resolve({
              key: message.key!.toString(),
              value: await registry.decode(message.value!),
              schemaId: message.value!.readInt32BE(1),
            });
          },
        })
        .catch(reject);
    });
    const got = await received;
    expect(got.key).toBe(value.applicationId);
    expect(got.schemaId).toBe(s.id);
    expect(got.value).toEqual(value);
  });
});
