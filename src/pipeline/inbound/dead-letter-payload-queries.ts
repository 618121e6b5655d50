import type { Knex } from 'knex';
import type { KafkaHeader } from '../../contract/messages.js';
import { AppError } from '../../platform/errors/app-error.js';
import { sha256, type StoredDeadLetterPayload } from './dead-letter.js';

function headersToBytes(headers: KafkaHeader[]): Buffer {
  return Buffer.from(
    JSON.stringify(headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('base64') }))),
  );
}

function headersFromBytes(bytes: Buffer): KafkaHeader[] {
  return (JSON.parse(bytes.toString()) as Array<{ key: string; value: string | null }>).map((h) => ({
    key: h.key,
    value: h.value === null ? null : Buffer.from(h.value, 'base64'),
  }));
}

/**
 * Keeps the original record of a dead letter too large to carry it, in the transaction that parks
 * it. One row per source coordinates (a redelivered batch parks the same offset once).
 */
export async function insertDeadLetterPayload(tx: Knex.Transaction | Knex, p: StoredDeadLetterPayload): Promise<void> {
  await tx('dead_letter_payloads')
    .insert({
      original_topic: p.originalTopic,
      partition: p.partition,
      offset: p.offset,
      original_key: p.key,
      original_value: p.value,
      headers: headersToBytes(p.headers),
      value_sha256: p.valueSha256,
      key_sha256: p.keySha256,
    })
    .onConflict(['original_topic', 'partition', 'offset'])
    .ignore();
}

/** The stored original record of a dead letter, checked against its digests; null when none was stored. */
export async function selectDeadLetterPayload(
  db: Knex | Knex.Transaction,
  originalTopic: string,
  partition: number,
  offset: string | number,
): Promise<StoredDeadLetterPayload | null> {
  const row = (await db('dead_letter_payloads')
    .where({ original_topic: originalTopic, partition, offset: String(offset) })
    .first()) as
    | {
        original_topic: string;
        partition: number;
        offset: string;
        original_key: Buffer | null;
        original_value: Buffer | null;
        headers: Buffer;
        value_sha256: string | null;
        key_sha256: string | null;
      }
    | undefined;
  if (!row) return null;
  const p: StoredDeadLetterPayload = {
    originalTopic: row.original_topic,
    partition: row.partition,
    offset: String(row.offset),
    key: row.original_key,
    value: row.original_value,
    headers: headersFromBytes(row.headers),
    valueSha256: row.value_sha256,
    keySha256: row.key_sha256,
  };
  if ((p.value ? sha256(p.value) : null) !== p.valueSha256 || (p.key ? sha256(p.key) : null) !== p.keySha256)
    throw new AppError(
      'DEAD_LETTER_PAYLOAD_CORRUPT',
      `The stored record (${originalTopic}, ${partition}, ${offset}) does not match its sha256 digests; it is not ` +
        'replayed. Restore dead_letter_payloads from a backup.',
    );
  return p;
}
