import type { Knex } from 'knex';
import type { DeadLetter, MessageByTopic } from '../../contract/messages.js';
import { deadLetterSchema, topicSchema } from '../../contract/schemas.js';
import { DLQ_SUFFIX, type TopicName } from '../../contract/topics.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toStorable } from './json-bytes.js';
import { traceHeaders } from '../../platform/observability/trace-context.js';

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

/**
 * Queues messages for publication, in the caller's transaction (the one that changed the state); one statement.
 * Every row gets the active trace context's `traceparent` / `tracestate` headers, when there is one.
 */
export async function insertOutboxMessages(
  tx: Knex.Transaction | Knex,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  for (const m of messages) assertOutboxValue(m);
  const trace = traceHeaders();
  await tx('outbox').insert(
    messages.map((m) => ({
      topic: m.topic,
      message_key: m.key,
      value: JSON.stringify(toStorable(m.value)),
      // The trace context in which the row is written (the inbound message's, when handling one),
      // so the relay's record continues that trace; a builder's own headers win.
      headers: JSON.stringify({ ...trace, ...(m.headers ?? {}) }),
    })),
  );
}

/** The notification channel of a schema's outbox (the relay listens on it). */
export function outboxChannel(schema: string): string {
  return `tvet_outbox_${schema}`;
}

/**
 * Tells the relay, at this transaction's commit, that it wrote outbox rows (nothing if it rolls
 * back; several in one transaction are one notification). The channel is the search path's schema.
 */
export async function notifyOutbox(tx: Knex.Transaction): Promise<void> {
  await tx.raw("SELECT pg_notify('tvet_outbox_' || current_schema(), '')");
}

/**
 * Rows that wait behind a row set aside: an unpublished failed row of the same key with a lower
 * id. A failed row and the rows of its key after it are not published until an operator retries
 * it (order per application); rows of other keys go on.
 */
function notHeld(tx: Knex | Knex.Transaction) {
  return tx.raw(
    `NOT EXISTS (SELECT 1 FROM outbox f WHERE f.failed_at IS NOT NULL AND f.published_at IS NULL
       AND f.message_key = outbox.message_key AND f.id < outbox.id)`,
  );
}

/**
 * The publishable head of the outbox: unpublished rows in id order, up to the first one whose
 * transaction may still be running (txid not below the xmin of the current snapshot); rows set
 * aside, and the rows of their keys behind them, are left out.
 *
 * - Nothing is skipped: the relay selects by "unpublished", never by "id above the last seen", so
 *   a row of a slower concurrent transaction is taken once that transaction ends.
 * - Per-key order holds: xids are handed out at a transaction's first write, not in commit order,
 *   so a later row can be "finished" while an earlier row of the same key is not yet judged so;
 *   stopping at the first unfinished row keeps every key's rows in id order (the saga row lock
 *   makes id order the order of the application's events). A row set aside holds its key's
 *   later rows back for the same reason.
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
    .whereNull('failed_at')
    .where(notHeld(tx))
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

/** Sets a row aside with its error (code and text, never the value); its key's later rows wait. */
export async function markOutboxFailed(
  db: Knex | Knex.Transaction,
  id: number,
  code: string,
  text: string,
): Promise<number> {
  return db('outbox')
    .where({ id })
    .whereNull('published_at')
    .update({ failed_at: db.fn.now(), error_code: code, error_text: text });
}

export interface FailedOutboxRow {
  id: number;
  topic: string;
  key: string;
  errorCode: string;
  errorText: string;
  failedAt: Date;
  /** Unpublished rows of the same key behind it, which wait for it. */
  waiting: number;
}

/** The rows set aside, oldest first, with how many rows of their key wait behind each (the operator's list). */
export async function selectFailedOutbox(db: Knex): Promise<FailedOutboxRow[]> {
  const rows = await db('outbox as f')
    .whereNotNull('f.failed_at')
    .whereNull('f.published_at')
    .orderBy('f.id')
    .select(
      'f.id',
      'f.topic',
      'f.message_key',
      'f.error_code',
      'f.error_text',
      'f.failed_at',
      db.raw(
        `(SELECT count(*) FROM outbox w WHERE w.message_key = f.message_key AND w.id > f.id
          AND w.published_at IS NULL)::int AS waiting`,
      ),
    );
  return rows.map(
    (r: {
      id: number;
      topic: string;
      message_key: string;
      error_code: string;
      error_text: string;
      failed_at: Date;
      waiting: number;
    }) => ({
      id: Number(r.id),
      topic: r.topic,
      key: r.message_key,
      errorCode: r.error_code,
      errorText: r.error_text,
      failedAt: r.failed_at,
      waiting: r.waiting,
    }),
  );
}

/** Gives rows set aside back to the relay (all of them when `ids` is null); returns how many. */
export async function retryFailedOutbox(db: Knex, ids: number[] | null): Promise<number> {
  const q = db('outbox').whereNotNull('failed_at').whereNull('published_at');
  if (ids !== null) q.whereIn('id', ids);
  return q.update({ failed_at: null, error_code: null, error_text: null });
}

/** Rows the relay still has to publish: unpublished, not set aside, not waiting behind a row set aside. */
export async function countPendingOutbox(db: Knex): Promise<number> {
  const [row] = await db('outbox')
    .whereNull('published_at')
    .whereNull('failed_at')
    .where(notHeld(db))
    .count<{ count: string }[]>({ count: '*' });
  return Number(row?.count ?? 0);
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
