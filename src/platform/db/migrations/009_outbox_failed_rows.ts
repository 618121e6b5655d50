import type { Knex } from 'knex';

/**
 * An outbox row the relay cannot publish (it does not encode, it is larger than a Kafka message,
 * Kafka refuses it) is set aside with its error instead of stopping the relay: failed_at, and
 * the code and text of the error (never the value). The rows of its key behind it wait (order per
 * application); an operator retries it (`outbox-retry`) after a fix.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      ALTER TABLE outbox
        ADD COLUMN failed_at  timestamptz,
        ADD COLUMN error_code text,
        ADD COLUMN error_text text;
      CREATE INDEX outbox_failed_idx ON outbox (id) WHERE failed_at IS NOT NULL AND published_at IS NULL;
    `);
  };
}
