import type { Kafka } from 'kafkajs';
import type { Knex } from 'knex';
import type { StoredDeadLetterPayload } from '../../pipeline/inbound/dead-letter.js';
import { selectDeadLetterPayload } from '../../pipeline/inbound/dead-letter-payload-queries.js';
import type { DeadLetterEntry } from './read-dead-letters.js';

/** The original record kept in PostgreSQL for a dead letter too large to carry it; null when none was kept. */
export type StoredPayloadOf = (e: DeadLetterEntry) => Promise<StoredDeadLetterPayload | null>;

/** Reads stored originals from the adapter's database (dead_letter_payloads). */
export function storedPayloadsIn(db: Knex): StoredPayloadOf {
  return (e) => selectDeadLetterPayload(db, e.record.originalTopic, e.record.partition, e.record.offset);
}

/**
 * Puts dead letters back on the topic they came from, byte for byte (key, value, headers), with a
 * header naming the dead letter, after the cause was fixed (a producer upgraded, an application's
 * state corrected). A dead letter without its original value (one that would have been too large)
 * is replayed from the record kept in PostgreSQL (`stored`), checked against its sha256. The
 * consumer then processes them as new input; what is still wrong is parked again with its reason.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  entries: DeadLetterEntry[],
  stored: StoredPayloadOf = () => Promise.resolve(null),
): Promise<number> {
  if (entries.length === 0) return 0;
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  try {
    for (const e of entries) {
      const r = e.record;
      const kept = r.originalValue === null ? await stored(e) : null;
      const headers: Record<string, Buffer | string> = {};
      for (const h of kept?.headers ?? r.headers) if (h.value !== null) headers[h.key] = h.value;
      headers['x-replayed-from-dlq'] = `${e.dlqPartition}/${e.dlqOffset}`;
      await producer.send({
        topic: r.originalTopic,
        messages: [
          kept
            ? { key: kept.key, value: kept.value, headers }
            : { key: r.originalKey, value: r.originalValue, headers },
        ],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return entries.length;
}
