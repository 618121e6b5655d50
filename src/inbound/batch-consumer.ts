import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { AppError } from '../errors/app-error.js';
import { checkKindFields } from '../contract/kinds.js';
import type { TopicName } from '../contract/topics.js';
import type { Logger } from '../logging/logger.js';
import type { MessageCodec } from '../messaging/codec.js';
import { recordInboxEntry } from '../inbox/record-inbox-entry.js';
import { insertOutboxMessages } from '../outbox/outbox-queries.js';
import { deadLetterFor, type DeadLetterReason } from './dead-letter.js';
import type { InboundHandler } from './handler.js';

export interface InboundRoute {
  base: TopicName;
  handle: InboundHandler;
}

export interface InboundConsumerOptions {
  kafka: Kafka;
  codec: MessageCodec;
  db: Knex;
  log: Logger;
  groupId: string;
  routes: InboundRoute[];
}

type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; reason: DeadLetterReason };

function reasonOf(err: unknown, fallback: string): DeadLetterReason {
  const e = err as { code?: unknown; message?: string; details?: { path?: unknown } };
  const code = err instanceof AppError || typeof e.code === 'string' ? String(e.code) : fallback;
  return { code, text: e.message ?? String(err), path: typeof e.details?.path === 'string' ? e.details.path : null };
}

/**
 * Consumes inbound topics in batches. Per batch: decode every message through the registry, then
 * ONE PostgreSQL transaction writes the inbox rows (dedupe by messageId), the saga state and the
 * outbox rows (including dead letters); Kafka offsets are committed only after it commits. A
 * crash anywhere before the offset commit replays the batch, and the inbox makes the replay a
 * no-op; a crash after it loses nothing because the effects are already in PostgreSQL.
 */
export class InboundConsumer {
  private consumer: Consumer | null = null;
  processed = 0;
  deadLettered = 0;

  constructor(private readonly o: InboundConsumerOptions) {}

  async start(): Promise<void> {
    const { kafka, codec, groupId } = this.o;
    this.consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, maxBytesPerPartition: 1_048_576 });
    await this.consumer.connect();
    for (const r of this.o.routes) await this.consumer.subscribe({ topic: codec.topic(r.base), fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions hold different applications (key = application id): their batches run side by side.
      partitionsConsumedConcurrently: 4,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private route(topic: string): InboundRoute {
    const r = this.o.routes.find((x) => this.o.codec.topic(x.base) === topic);
    if (!r) throw new Error(`no route for topic ${topic}`);
    return r;
  }

  private async decode(base: TopicName, m: KafkaMessage): Promise<Decoded> {
    if (!m.value) return { ok: false, reason: { code: 'EMPTY_VALUE', text: 'The message has no value (a tombstone or an empty record); producers must send an Avro value.' } };
    let value: Record<string, unknown>;
    try {
      value = await this.o.codec.decode<Record<string, unknown>>(m.value);
    } catch (err) {
      const unknownSchema = /schema.*not found|40403|No schema/i.test((err as Error).message);
      return {
        ok: false,
        reason: {
          code: unknownSchema ? 'UNKNOWN_SCHEMA_ID' : 'UNDECODABLE',
          text: `Cannot decode the value through the schema registry: ${(err as Error).message}. The producer must use the Confluent wire format with a schema registered for this topic.`,
        },
      };
    }
    try {
      checkKindFields(base, value);
    } catch (err) {
      return { ok: false, reason: reasonOf(err, 'KIND_MISMATCH') };
    }
    if (typeof value.messageId !== 'string' || value.messageId === '') {
      return { ok: false, reason: { code: 'MESSAGE_ID_MISSING', text: 'The message has no messageId; every message must carry a unique one.', path: 'messageId' } };
    }
    return { ok: true, value };
  }

  private async onBatch({ batch, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const route = this.route(batch.topic);
    const decoded = await Promise.all(batch.messages.map((m) => this.decode(route.base, m)));
    await heartbeat();
    let dead = 0;
    let done = 0;
    await this.o.db.transaction(async (tx) => {
      for (let i = 0; i < batch.messages.length; i++) {
        const m = batch.messages[i]!;
        const d = decoded[i]!;
        let reason: DeadLetterReason | null = d.ok ? null : d.reason;
        if (d.ok) {
          try {
            // A savepoint holds the inbox row and the effects: a rejected message leaves neither
            // behind, so the same message replayed from the DLQ after a fix is processed anew.
            const fresh = await tx.transaction(async (sp) => {
              if (!(await recordInboxEntry(sp, { messageId: d.value.messageId as string, topic: batch.topic, partition: batch.partition, offset: m.offset }))) return false;
              await route.handle({ base: route.base, topic: batch.topic, partition: batch.partition, offset: m.offset, key: m.key?.toString() ?? null, value: d.value, tx: sp });
              return true;
            });
            if (fresh) done++;
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            reason = reasonOf(err, 'REJECTED');
          }
        }
        // One dead letter per (topic, partition, offset), however often the batch is redelivered.
        if (reason && (await recordInboxEntry(tx, { messageId: `dead-letter:${batch.topic}/${batch.partition}/${m.offset}`, topic: batch.topic, partition: batch.partition, offset: m.offset }))) {
          dead++;
          const correlationId = d.ok && typeof d.value.correlationId === 'string' ? d.value.correlationId : `${batch.topic}/${batch.partition}/${m.offset}`;
          await insertOutboxMessages(tx, [
            deadLetterFor(route.base, batch.topic, batch.partition, m, reason, {
              messageId: randomUUID(),
              correlationId,
              occurredAt: new Date().toISOString(),
              consumerGroup: this.o.groupId,
              originalMessageId: d.ok ? (d.value.messageId as string) : null,
            }),
          ]);
          this.o.log.warn({ topic: batch.topic, partition: batch.partition, offset: m.offset, code: reason.code, reason: reason.text }, 'input parked on the dead-letter topic');
        }
      }
    });
    const last = batch.messages[batch.messages.length - 1]!;
    await this.consumer!.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
    this.processed += done;
    this.deadLettered += dead;
  }
}
