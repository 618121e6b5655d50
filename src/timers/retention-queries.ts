/**
 * Pruning of processed rows (one DELETE each). The timestamps compared are the database's own
 * (received_at, published_at, created_at default to now()): `olderThan` is real time.
 */
import type { Knex } from 'knex';

/**
 * Deletes inbox entries received before `olderThan`. A message redelivered after that is handled
 * again: keep the period longer than any redelivery (the topics' retention).
 */
export async function pruneInbox(db: Knex | Knex.Transaction, olderThan: Date): Promise<number> {
  return db('inbox').where('received_at', '<', olderThan).delete();
}

/**
 * Deletes outbox rows published before `olderThan` (they hold the messages, personal data
 * included). An unpublished row is never deleted, however old: the relay still has to send it.
 */
export async function prunePublishedOutbox(db: Knex | Knex.Transaction, olderThan: Date): Promise<number> {
  return db('outbox').whereNotNull('published_at').andWhere('published_at', '<', olderThan).delete();
}

/**
 * Deletes the stored originals of large dead letters stored before `olderThan` (they hold the
 * personal data of the input). After that, `dlq-replay` of such a dead letter says its original
 * is gone: keep the period as long as the DLQ topics' retention.
 */
export async function pruneDeadLetterPayloads(db: Knex | Knex.Transaction, olderThan: Date): Promise<number> {
  return db('dead_letter_payloads').where('stored_at', '<', olderThan).delete();
}

/**
 * Deletes relay batch records created before `olderThan`, never the newest one: the relay's
 * recovery marks the batch Kafka committed last, and numbers the next batch after the highest.
 */
export async function pruneOutboxBatches(db: Knex | Knex.Transaction, olderThan: Date): Promise<number> {
  return db('outbox_batches')
    .where('created_at', '<', olderThan)
    .andWhere('seq', '<', db('outbox_batches').max('seq'))
    .delete();
}
