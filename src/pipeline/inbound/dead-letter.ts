import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { DeadLetter, KafkaHeader } from '../../contract/messages.js';
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
    correlationId: ids.correlationId,
    occurredAt: ids.occurredAt,
    originalTopic: fullTopic,
    partition,
    offset: Number(message.offset),
    originalTimestamp: message.timestamp ? new Date(Number(message.timestamp)).toISOString() : null,
    originalKey: message.key ?? null,
    originalValue: message.value ?? null,
    headers: headersOf(message.headers),
    schemaId: schemaIdOf(message.value ?? null),
    originalMessageId: ids.originalMessageId,
    errorCode: reason.code,
    errorText: reason.text,
    errorPath: reason.path ?? null,
    consumerGroup: ids.consumerGroup,
    attempts: 1,
  };
  return {
    topic: `${base}${DLQ_SUFFIX}`,
    key: message.key?.toString() ?? `${fullTopic}/${partition}/${message.offset}`,
    value,
  };
}
