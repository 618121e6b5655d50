import type { Knex } from 'knex';

/**
 * dead_letter_payloads: the original record (key, value, headers) of a dead letter that would be
 * too large to carry it on the `.dlq` topic (an input just under the broker's limit). The dead
 * letter then says where it is, with its sha256; dlq-replay reads it from here, byte for byte.
 * One row per source coordinates. It holds personal data: keep it no longer than the DLQ topics.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      CREATE TABLE dead_letter_payloads (
        original_topic text NOT NULL,
        partition      integer NOT NULL,
        "offset"       bigint NOT NULL,
        original_key   bytea,
        original_value bytea,
        headers        bytea NOT NULL,
        key_sha256     text,
        value_sha256   text,
        stored_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (original_topic, partition, "offset")
      );
    `);
  };
}
