import type { Knex } from 'knex';

/**
 * inbox.digest: the sha256 of the message's topic and value bytes. A redelivery (same messageId,
 * same digest) is a no-op; the same messageId with another digest is another message, parked as
 * MESSAGE_ID_CONFLICT instead of being dropped. Rows from before (no digest) count as matching.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw('ALTER TABLE inbox ADD COLUMN digest bytea');
  };
}
