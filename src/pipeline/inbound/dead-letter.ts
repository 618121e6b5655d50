import { createHash } from 'node:crypto';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { DeadLetter, KafkaHeader } from '../../contract/messages.js';
import { deadLetterSchema } from '../../contract/schemas.js';
import { DLQ_SUFFIX, type TopicName } from '../../contract/topics.js';
import type { DeadLetterMessage } from '../outbox/outbox-queries.js';

export interface DeadLetterReason {
  code: string;
  text: string;
  path?: string | null;
}

function headersOf(h: IHeaders | undefined): KafkaHeader[] {
  const out: KafkaHeader[] = [];
  for (const [key, v] of Object.entries(h ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) {
      out.push({ key, value: one === undefined ? null : Buffer.isBuffer(one) ? one : Buffer.from(String(one)) });
    }
  }
  return out;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Keys longer than this (bytes) are cut, with the digest of the whole key, where they are not kept whole. */
export const MAX_DEAD_LETTER_KEY_BYTES = 1024;

/**
 * The Kafka key of a dead letter (the original key, as text): a key longer than
 * MAX_DEAD_LETTER_KEY_BYTES is cut and ends with the sha256 of the whole key; a NUL character,
 * which a PostgreSQL text column refuses, becomes U+FFFD. An application id is never that long.
 */
export function deadLetterKey(key: Buffer | null, fallback: string): string {
  if (!key) return fallback;
  const text =
    key.length > MAX_DEAD_LETTER_KEY_BYTES
      ? `${key.subarray(0, 256).toString()}...sha256:${sha256(key)}`
      : key.toString();
  return text.replaceAll('\u0000', '\uFFFD');
}

/** A NUL character, which a PostgreSQL jsonb value refuses (SQLSTATE 22P05), becomes U+FFFD. */
function noNul(s: string): string {
  return s.replaceAll('\u0000', '\uFFFD');
}

/** Text copied from the message into a dead letter: no NUL (the outbox is jsonb), at most 1000 characters. */
function clean(s: string): string {
  const t = noNul(s);
  return t.length > 1000 ? `${t.slice(0, 1000)}...` : t;
}

function schemaIdOf(value: Buffer | null): number | null {
  return value && value.length >= 5 && value[0] === 0 ? value.readInt32BE(1) : null;
}

/**
 * The DLQ record of an input that cannot be processed: the original bytes and headers, where it
 * came from, and why. Queued through the outbox (in the batch's transaction), so it is published
 * exactly when the consumer's offset moves past the message: nothing is lost, nothing doubled.
 */
export function deadLetterFor(
  base: TopicName,
  fullTopic: string,
  partition: number,
  message: KafkaMessage,
  reason: DeadLetterReason,
  ids: {
    messageId: string;
    correlationId: string;
    occurredAt: string;
    consumerGroup: string;
    originalMessageId: string | null;
  },
): DeadLetterMessage {
  const value: DeadLetter = {
    messageId: ids.messageId,
    correlationId: clean(ids.correlationId),
    occurredAt: ids.occurredAt,
    originalTopic: fullTopic,
    partition,
    offset: Number(message.offset),
    originalTimestamp: message.timestamp ? new Date(Number(message.timestamp)).toISOString() : null,
    originalKey: message.key ?? null,
    originalValue: message.value ?? null,
    headers: headersOf(message.headers),
    schemaId: schemaIdOf(message.value ?? null),
    originalMessageId: ids.originalMessageId === null ? null : clean(ids.originalMessageId),
    errorCode: reason.code,
    // A reason may quote the input (a register id, an order's id): a NUL in it would make the dead
    // letter itself unwritable, and the partition would stall on it.
    errorText: noNul(reason.text),
    errorPath: reason.path == null ? null : noNul(reason.path),
    consumerGroup: ids.consumerGroup,
    attempts: 1,
  };
  return {
    topic: `${base}${DLQ_SUFFIX}`,
    key: deadLetterKey(message.key ?? null, `${fullTopic}/${partition}/${message.offset}`),
    value,
  };
}

/** The original record of a dead letter too large to carry it, kept in PostgreSQL (dead_letter_payloads). */
export interface StoredDeadLetterPayload {
  originalTopic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: KafkaHeader[];
  valueSha256: string | null;
  keySha256: string | null;
}

/** Bytes a record adds besides its Avro value: the key, the relay's `outbox-id` header, the record's framing. */
const RECORD_OVERHEAD = 256;

function sizeOf(base: TopicName, m: DeadLetterMessage): number {
  return deadLetterSchema(base).type.toBuffer(m.value).length + Buffer.byteLength(m.key) + RECORD_OVERHEAD;
}

/**
 * A dead letter that always fits in a Kafka message: whole when its record stays within
 * `maxInlineBytes` (keep it below the broker's max message size), otherwise without the original
 * value, with a key above 1 KB cut (and, if still too large, without the headers); the whole
 * original record is then returned as `stored`, for the caller to keep in PostgreSQL in the same
 * transaction, and the dead letter's errorText says where it is, with its size and sha256. An
 * original record just under the broker's limit (a 200 KB key and an 800 KB value) would
 * otherwise make a dead letter above it, which the relay could never publish.
 */
export function fitDeadLetter(
  base: TopicName,
  letter: DeadLetterMessage,
  original: KafkaMessage,
  maxInlineBytes: number,
): { message: DeadLetterMessage; stored: StoredDeadLetterPayload | null } {
  if (sizeOf(base, letter) <= maxInlineBytes) return { message: letter, stored: null };
  const v = letter.value;
  const key = original.key ?? null;
  const value = original.value ?? null;
  const stored: StoredDeadLetterPayload = {
    originalTopic: v.originalTopic,
    partition: v.partition,
    offset: original.offset,
    key,
    value,
    headers: v.headers,
    valueSha256: value ? sha256(value) : null,
    keySha256: key ? sha256(key) : null,
  };
  const where =
    `The original record (value ${value?.length ?? 0} bytes${value ? `, sha256 ${stored.valueSha256}` : ''}; ` +
    `key ${key?.length ?? 0} bytes${key ? `, sha256 ${stored.keySha256}` : ''}) would make this dead letter larger ` +
    `than ${maxInlineBytes} bytes: it is kept whole in PostgreSQL, table dead_letter_payloads, row ` +
    `(original_topic, partition, offset) = (${v.originalTopic}, ${v.partition}, ${original.offset}); ` +
    'dlq-replay reads it from there.';
  // The whole record is kept apart: a long key is cut here too (with its digest), like the Kafka key.
  let slim: DeadLetter = {
    ...v,
    originalValue: null,
    originalKey: key && key.length > MAX_DEAD_LETTER_KEY_BYTES ? Buffer.from(deadLetterKey(key, '')) : key,
    errorText: `${v.errorText} ${where}`,
  };
  if (sizeOf(base, { ...letter, value: slim }) > maxInlineBytes) slim = { ...slim, headers: [] };
  return { message: { ...letter, value: slim }, stored };
}
