import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { MessageCodec } from '../../src/platform/messaging/codec.js';
import type { Kafka } from 'kafkajs';

export interface Read<T = Record<string, unknown>> {
  topic: string;
  key: string | null;
  value: T;
  partition: number;
  offset: string;
  /** performance.now() when this reader got the record (fault figures: gaps, recovery). */
  receivedAt: number;
  /** The record's timestamp (CreateTime: when its producer sent it), in ms since the epoch. */
  timestamp: number;
  /** The record's headers as strings (the relay's `outbox-id`, a `traceparent`). */
  headers: Record<string, string>;
}

/**
 * Reads topics from the beginning with read_committed isolation (what a real downstream sees) and
 * keeps every decoded message, for assertions: "every stage arrives, once, in order".
 */
export class TopicReader {
  readonly messages: Read[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly codec: MessageCodec,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `test-reader-${randomUUID()}`, readUncommitted: false });
    await this.consumer.connect();
    for (const topic of this.topics) await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          key: message.key?.toString() ?? null,
          value: await this.codec.decode(message.value!),
          partition,
          offset: message.offset,
          receivedAt: performance.now(),
          timestamp: Number(message.timestamp),
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).flatMap(([k, v]) =>
              v === undefined ? [] : [[k, (Array.isArray(v) ? v[0]! : v).toString()]],
            ),
          ),
        });
      },
    });
    return this;
  }

  on(topic: string): Read[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  /** Waits until `predicate` holds over what was read, or fails after `timeoutMs` saying what it saw. */
  async until(predicate: (r: TopicReader) => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > end)
        throw new Error(
          `timed out waiting for ${what}; read ${this.messages.length} messages: ${[...new Set(this.messages.map((m) => m.topic))].join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
