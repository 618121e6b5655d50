/**
 * The liveness of timer worker pools (one SQL statement each). graphile-worker locks a job with its
 * pool's id and releases a lock left by a dead pool only after 4 hours; these statements let a
 * running pool say it is alive and let any pool find and release the jobs of the dead ones.
 *
 * Alive = the pool's session advisory lock (POOL_LOCK_NAMESPACE, hashtext(pool id)) is held: the
 * database drops it with the session, when the process dies. A pool is registered only while it
 * holds it, so a row without its lock is a dead pool; a pool not yet registered is never released.
 */
import type { Knex } from 'knex';
import pg from 'pg';

/** The first key of the pools' advisory locks ("timr"); the second is hashtext(pool id). */
export const POOL_LOCK_NAMESPACE = 0x74696d72;

/** The one statement a pg client can run (graphile-worker's LISTEN client is one). */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Takes the pool's session lock on `client`, then registers the pool, in one statement: the row
 * becomes visible only once the lock is held. Registering again (a new LISTEN connection after an
 * error) takes the lock on the new session and keeps the row.
 */
export async function registerTimerPool(client: SqlClient, schema: string, poolId: string): Promise<void> {
  await client.query(
    `WITH locked AS (SELECT pg_advisory_lock($1::int, hashtext($2::text)))
     INSERT INTO ${pg.escapeIdentifier(schema)}.timer_pools (pool_id) SELECT $2 FROM locked
     ON CONFLICT (pool_id) DO NOTHING`,
    [POOL_LOCK_NAMESPACE, poolId],
  );
}

/** Deletes the rows of the pools whose session lock nobody holds; returns their ids. */
export async function deleteDeadTimerPools(tx: Knex.Transaction | Knex): Promise<string[]> {
  const { rows } = await tx.raw<{ rows: Array<{ pool_id: string }> }>(
    `DELETE FROM timer_pools p
     WHERE NOT EXISTS (
       SELECT 1 FROM pg_locks l
       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND l.classid = ?::int::oid AND l.objid = hashtext(p.pool_id)::oid)
     RETURNING pool_id`,
    [POOL_LOCK_NAMESPACE],
  );
  return rows.map((r) => r.pool_id).sort();
}

/** Deletes one pool's row (its clean stop; its lock goes with its connection). */
export async function deleteTimerPool(db: Knex, poolId: string): Promise<void> {
  await db('timer_pools').where({ pool_id: poolId }).delete();
}

/** Releases every job and queue the pools hold (graphile-worker's force_unlock_workers). */
export async function unlockTimerPools(
  tx: Knex.Transaction | Knex,
  timersSchema: string,
  poolIds: string[],
): Promise<void> {
  if (poolIds.length === 0) return;
  await tx.raw('SELECT ??.force_unlock_workers(?::text[])', [timersSchema, poolIds]);
}

/** The ids of the pools that hold a job lock now (for tests and the operator's view). */
export async function selectLockingPools(db: Knex, timersSchema: string): Promise<string[]> {
  const { rows } = await db.raw<{ rows: Array<{ locked_by: string }> }>(
    'SELECT DISTINCT locked_by FROM ??._private_jobs WHERE locked_by IS NOT NULL ORDER BY locked_by',
    [timersSchema],
  );
  return rows.map((r) => r.locked_by);
}
