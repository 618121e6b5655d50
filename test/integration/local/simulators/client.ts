/**
 * A test-side participant for the simulators: produces messages on one topic of the contract and
 * reads another from the beginning, through the real broker and registry, keeping each message's
 * key, value and broker timestamp (when it was sent).
 */
import { randomUUID } from 'node:crypto';
import { Partitioners, type Consumer, type Producer } from 'kafkajs';
import { messageKey } from '../../../../src/contract/message-key.js';
import type { MessageByTopic } from '../../../../src/contract/messages.js';
import type { TopicName } from '../../../../src/contract/topics.js';
import type { AppConfig } from '../../../../src/platform/config/schema.js';
import type { Logger } from '../../../../src/platform/logging/logger.js';
import { connectMessaging } from '../../../../src/platform/messaging/bootstrap.js';

export interface Received<T> {
  key: string | null;
  value: T;
  /** Broker timestamp (the producer's send time), real epoch ms. */
  timestamp: number;
  /** The record's headers, as text. */
  headers: Record<string, string>;
}

export interface SimulatorTestClient<I extends TopicName, O extends TopicName> {
  send(value: MessageByTopic[I], headers?: Record<string, string>): Promise<void>;
  sendRaw(value: Buffer): Promise<void>;
  all(): Received<MessageByTopic[O]>[];
  /** Waits until `check` holds over what was read; fails after `timeoutMs` saying what it read. */
  until(check: (all: Received<MessageByTopic[O]>[]) => boolean, timeoutMs: number, what: string): Promise<void>;
  stop(): Promise<void>;
}

export async function simulatorTestClient<I extends TopicName, O extends TopicName>(
  config: AppConfig,
  log: Logger,
  inTopic: I,
  outTopic: O,
): Promise<SimulatorTestClient<I, O>> {
  const { kafka, codec } = await connectMessaging(config, log, '-test-client');
  const sendTo = codec.topic(inTopic);
  const readFrom = codec.topic(outTopic);
  const received: Received<MessageByTopic[O]>[] = [];
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer: Consumer = kafka.consumer({
    groupId: `${config.kafka.groupId}-test-reader-${randomUUID().slice(0, 8)}`,
  });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: readFrom, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({
        key: message.key?.toString() ?? null,
        value: await codec.decode<MessageByTopic[O]>(message.value!),
        timestamp: Number(message.timestamp),
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      });
    },
  });
  return {
    send: async (value, headers = {}) => {
      await producer.send({
        topic: sendTo,
        messages: [{ key: messageKey(inTopic, value), value: await codec.encode(sendTo, value), headers }],
      });
    },
    sendRaw: async (value) => {
      await producer.send({ topic: sendTo, messages: [{ key: 'garbage', value }] });
    },
    all: () => [...received],
    until: async (check, timeoutMs, what) => {
      const end = Date.now() + timeoutMs;
      while (!check(received)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; read ${received.length} messages`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/** Resolves after `ms` real milliseconds. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
