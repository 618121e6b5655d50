import type { Knex } from 'knex';

export interface OutboxMessage {
  /** Base topic name of the contract, or a full `.dlq` topic name for dead letters (see relay). */
  topic: string;
  key: string;
  value: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface OutboxRow extends OutboxMessage {
  id: number;
}

/** Queues messages for publication, in the caller's transaction (the one that changed the state). */
export async function insertOutboxMessages(tx: Knex.Transaction | Knex, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx('outbox').insert(
    messages.map((m) => ({ topic: m.topic, message_key: m.key, value: JSON.stringify(m.value), headers: JSON.stringify(m.headers ?? {}) })),
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
    .select('id', 'topic', 'message_key', 'value', 'headers', tx.raw('txid < pg_snapshot_xmin(pg_current_snapshot()) AS finished'))
    .whereNull('published_at')
    .orderBy('id')
    .limit(limit);
  const head: OutboxRow[] = [];
  for (const r of rows as Array<{ id: number; topic: string; message_key: string; value: Record<string, unknown>; headers: Record<string, string>; finished: boolean }>) {
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
