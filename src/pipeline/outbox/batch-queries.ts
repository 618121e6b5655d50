import type { Knex } from 'knex';

/** Records the ids of a batch before it is sent, so a crash after the Kafka commit can be reconciled. */
export async function insertOutboxBatch(tx: Knex.Transaction | Knex, seq: number, ids: number[]): Promise<void> {
  await tx('outbox_batches').insert({ seq, ids });
}

/** The next batch number: one more than any batch recorded. */
export async function selectNextBatchSeq(db: Knex | Knex.Transaction): Promise<number> {
  const row = await db('outbox_batches').max<{ max: number | null }>({ max: 'seq' }).first();
  return (row?.max ?? 0) + 1;
}

/** The ids of one batch, or null when that batch was never recorded. */
export async function selectOutboxBatchIds(db: Knex | Knex.Transaction, seq: number): Promise<number[] | null> {
  const row = await db('outbox_batches').where({ seq }).first('ids');
  return row ? (row.ids as Array<number | string>).map(Number) : null;
}
