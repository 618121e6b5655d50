import type { Knex } from 'knex';
import type { DeadLetter, MessageByTopic } from '../../contract/messages.js';
import { deadLetterSchema, topicSchema } from '../../contract/schemas.js';
import { DLQ_SUFFIX, type TopicName } from '../../contract/topics.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toStorable } from './json-bytes.js';

/** A message for a contract topic, typed by its topic (values are the Avro records of messages.ts). */
export type TopicMessage<T extends TopicName = TopicName> = T extends TopicName
  ? { topic: T; key: string; value: MessageByTopic[T]; headers?: Record<string, string> }
  : never;

/** A dead letter for the `.dlq` of an inbound topic. */
export interface DeadLetterMessage {
  topic: `${TopicName}${typeof DLQ_SUFFIX}`;
  key: string;
  value: DeadLetter;
  headers?: Record<string, string>;
}

export type OutboxMessage = TopicMessage | DeadLetterMessage;

export interface OutboxRow {
  id: number;
  /** Base topic name of the contract, or `<base>.dlq` (the relay adds the prefix). */
  topic: string;
  key: string;
  value: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * An outbox value that does not match its topic's Avro schema: a bug of the code that built it,
 * caught in the transaction that made it (which fails), never a row that stops the relay later.
 */
export class OutboxValueInvalidError extends AppError {}

function schemaOf(topic: string) {
  return topic.endsWith(DLQ_SUFFIX)
    ? deadLetterSchema(topic.slice(0, -DLQ_SUFFIX.length) as TopicName)
    : topicSchema(topic as TopicName);
}

/** Throws OutboxValueInvalidError naming the topic and the paths (never the values: they may be personal data). */
export function assertOutboxValue(m: OutboxMessage): void {
  const paths: string[] = [];
  schemaOf(m.topic).type.isValid(m.value, { errorHook: (path) => paths.push(path.join('.') || '(root)') });
  if (paths.length > 0) {
    throw new OutboxValueInvalidError(
      'OUTBOX_VALUE_INVALID',
      `A ${m.topic} message does not match its Avro schema at ${paths.join(', ')}: a bug in its builder. Nothing was written; fix the builder.`,
      { topic: m.topic, paths },
    );
  }
}

/** Queues messages for publication, in the caller's transaction (the one that changed the state); one statement. */
export async function insertOutboxMessages(
  tx: Knex.Transaction | Knex,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  for (const m of messages) assertOutboxValue(m);
  await tx('outbox').insert(
    messages.map((m) => ({
      topic: m.topic,
      message_key: m.key,
      value: JSON.stringify(toStorable(m.value)),
      headers: JSON.stringify(m.headers ?? {}),
    })),
  );
}

/**
 * The publishable head of the outbox: unpublished rows in id order, up to the first one whose
 * transaction may still be running (txid not below the xmin of the current snapshot).
 *
 * - Nothing is skipped: the relay selects by "unpublished", never by "id above the last seen", so
 *   a row of a slower concurrent transaction is taken once that transaction ends.
 * - Per-key order holds: xids are handed out at a transaction's first write, not in commit order,
 *   so a later row can be "finished" while an earlier row of the same key is not yet judged so;
 *   stopping at the first unfinished row keeps every key's rows in id order (the saga row lock
 *   makes id order the order of the application's events).
 */
export async function selectPublishableOutbox(tx: Knex.Transaction, limit: number): Promise<OutboxRow[]> {
  const rows = await tx('outbox')
    .select(
      'id',
      'topic',
      'message_key',
      'value',
      'headers',
      tx.raw('txid < pg_snapshot_xmin(pg_current_snapshot()) AS finished'),
    )
    .whereNull('published_at')
    .orderBy('id')
    .limit(limit);
  const head: OutboxRow[] = [];
  for (const r of rows as Array<{
    id: number;
    topic: string;
    message_key: string;
    value: Record<string, unknown>;
    headers: Record<string, string>;
    finished: boolean;
  }>) {
    if (!r.finished) break;
    head.push({ id: r.id, topic: r.topic, key: r.message_key, value: r.value, headers: r.headers });
  }
  return head;
}

/** Marks rows as published. Idempotent (a row already marked keeps its first time). */
export async function markOutboxPublished(tx: Knex.Transaction | Knex, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return tx('outbox').whereIn('id', ids).whereNull('published_at').update({ published_at: tx.fn.now() });
}

/** Counts rows not yet published (for health and tests). */
export async function countUnpublishedOutbox(db: Knex): Promise<number> {
  const [row] = await db('outbox').whereNull('published_at').count<{ count: string }[]>({ count: '*' });
  return Number(row?.count ?? 0);
}

export interface SentMessage {
  id: number;
  topic: string;
  value: Record<string, unknown>;
  createdAt: Date;
  publishedAt: Date | null;
}

/** Every outbound message queued for one application (its key), in order (the operator's history). */
export async function selectOutboxOfApplication(db: Knex, applicationId: string): Promise<SentMessage[]> {
  const rows = await db('outbox')
    .where({ message_key: applicationId })
    .orderBy('id')
    .select('id', 'topic', 'value', 'created_at', 'published_at');
  return rows.map(
    (r: {
      id: number;
      topic: string;
      value: Record<string, unknown>;
      created_at: Date;
      published_at: Date | null;
    }) => ({
      id: r.id,
      topic: r.topic,
      value: r.value,
      createdAt: r.created_at,
      publishedAt: r.published_at,
    }),
  );
}
