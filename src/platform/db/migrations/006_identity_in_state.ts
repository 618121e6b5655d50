import type { Knex } from 'knex';

/**
 * The identity check lives in the saga state only (its request id and attempts), and its timer in
 * the timer queue: identity_requests, which repeated both, goes.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw('DROP TABLE IF EXISTS identity_requests');
  };
}
