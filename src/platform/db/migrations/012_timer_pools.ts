import type { Knex } from 'knex';

/**
 * timer_pools: the timer worker pools that are running, one row per pool (graphile-worker's pool
 * id, the `locked_by` of the jobs it takes). A running pool holds a session advisory lock keyed by
 * its id on its own LISTEN connection; a row whose lock nobody holds is a pool whose process died,
 * and its jobs are released at once instead of after graphile-worker's 4 hours (timers/pool-liveness.ts).
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      CREATE TABLE timer_pools (
        pool_id       text PRIMARY KEY,
        registered_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  };
}
