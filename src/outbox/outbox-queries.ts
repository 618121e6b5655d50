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
 * Unpublished rows whose transaction is older than every transaction still running
 * (txid < xmin of the current snapshot), in id order. A row of a slower concurrent transaction
 * is not skipped: it is picked up once that transaction ends, because the relay selects by
 * "unpublished", never by "id greater than the last one seen".
 */
export async function selectPublishableOutbox(tx: Knex.Transaction, limit: number): Promise<OutboxRow[]> {
  const rows = await tx('outbox')
    .select('id', 'topic', 'message_key', 'value', 'headers')
    .whereNull('published_at')
    .andWhereRaw('txid < pg_snapshot_xmin(pg_current_snapshot())')
    .orderBy('id')
    .limit(limit);
  return rows.map((r: { id: number; topic: string; message_key: string; value: Record<string, unknown>; headers: Record<string, string> }) => ({
    id: r.id,
    topic: r.topic,
    key: r.message_key,
    value: r.value,
    headers: r.headers,
  }));
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

/** Takes the relay's lock for this transaction; false when another relay instance holds it. */
export async function tryLockRelay(tx: Knex.Transaction, lockKey: number): Promise<boolean> {
  const { rows } = await tx.raw<{ rows: Array<{ locked: boolean }> }>('SELECT pg_try_advisory_xact_lock(?) AS locked', [lockKey]);
  return rows[0]?.locked === true;
}
