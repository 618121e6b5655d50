import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { DeadLetter } from '../../contract/messages.js';
import type { MessageCodec } from '../../platform/messaging/codec.js';

export interface DeadLetterEntry {
  /** Where the dead letter itself sits on the `.dlq` topic. */
  dlqPartition: number;
  dlqOffset: string;
  record: DeadLetter;
}

/**
 * Reads a `.dlq` topic from its beginning up to its end as of now, with a throw-away consumer
 * group, and returns every entry once. It reads uncommitted records too: a relay transaction that
 * was aborted (a crash) leaves records read_committed never delivers, so the end could not be
 * seen; those records were sent again in a later transaction with the same dead-letter messageId,
 * and entries are kept once per messageId. Nothing is committed: listing is read-only.
 */
export async function readDeadLetters(
  kafka: Kafka,
  codec: MessageCodec,
  dlqTopic: string,
  timeoutMs = 30_000,
): Promise<DeadLetterEntry[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(dlqTopic);
  await admin.disconnect();
  const remaining = new Map(
    ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, BigInt(p.high)]),
  );
  const out: DeadLetterEntry[] = [];
  if (remaining.size === 0) return out;

  const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, readUncommitted: true });
  await consumer.connect();
  await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`reading ${dlqTopic} did not reach its end within ${timeoutMs} ms`)),
      timeoutMs,
    );
    void consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        out.push({
          dlqPartition: partition,
          dlqOffset: message.offset,
          record: await codec.decode<DeadLetter>(message.value!),
        });
        // Transaction markers take offsets too: the end is reached when the next offset is the high watermark.
        const end = remaining.get(partition);
        if (end !== undefined && BigInt(message.offset) + 2n >= end) remaining.delete(partition);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  try {
    await done;
  } finally {
    await consumer.disconnect();
  }
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.dlqPartition - b.dlqPartition || Number(BigInt(a.dlqOffset) - BigInt(b.dlqOffset)))
    .filter((e) => {
      if (seen.has(e.record.messageId)) return false;
      seen.add(e.record.messageId);
      return true;
    });
}

/** A listing line for an operator: the reason and the coordinates, never the payload (personal data). */
export function describeDeadLetter(e: DeadLetterEntry): Record<string, unknown> {
  const r = e.record;
  return {
    dlq: `${e.dlqPartition}/${e.dlqOffset}`,
    errorCode: r.errorCode,
    errorText: r.errorText,
    errorPath: r.errorPath,
    source: `${r.originalTopic} ${r.partition}/${r.offset}`,
    originalMessageId: r.originalMessageId,
    schemaId: r.schemaId,
    bytes: r.originalValue?.length ?? 0,
    // A dead letter that would have been too large: its original record is in PostgreSQL.
    storedApart: r.originalValue === null && r.errorText.includes('dead_letter_payloads'),
    parkedAt: r.occurredAt,
  };
}
