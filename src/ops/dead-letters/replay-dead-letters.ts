import type { Kafka } from 'kafkajs';
import type { DeadLetterEntry } from './read-dead-letters.js';

/**
 * Puts dead letters back on the topic they came from, byte for byte (key, value, headers), with a
 * header naming the dead letter, after the cause was fixed (a producer upgraded, an application's
 * state corrected). The consumer then processes them as new input; what is still wrong is parked
 * again with its reason.
 */
export async function replayDeadLetters(kafka: Kafka, entries: DeadLetterEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  try {
    for (const e of entries) {
      const r = e.record;
      const headers: Record<string, Buffer | string> = {};
      for (const h of r.headers) if (h.value !== null) headers[h.key] = h.value;
      headers['x-replayed-from-dlq'] = `${e.dlqPartition}/${e.dlqOffset}`;
      await producer.send({
        topic: r.originalTopic,
        messages: [{ key: r.originalKey, value: r.originalValue, headers }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return entries.length;
}
