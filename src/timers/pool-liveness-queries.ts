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

/** The one statement a pg client can run. */
export interface SqlClient {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * Takes the pool's session lock on `client` (without waiting), then registers the pool, in one
 * statement: the row exists only while the lock is held. Registering again (a new session after a
 * lost connection) keeps the row. False when another session holds the lock (two live pools
 * whose ids hash alike): the pool is then not registered.
 */
export async function registerTimerPool(client: SqlClient, schema: string, poolId: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    `WITH locked AS (SELECT pg_try_advisory_lock($1::int, hashtext($2::text)) AS ok),
     registered AS (
       INSERT INTO ${pg.escapeIdentifier(schema)}.timer_pools (pool_id) SELECT $2 FROM locked WHERE ok
       ON CONFLICT (pool_id) DO NOTHING)
     SELECT ok FROM locked`,
    [POOL_LOCK_NAMESPACE, poolId],
  );
  return rows[0]?.ok === true;
}

/** Deletes the rows of the pools whose session lock nobody holds; returns their ids. */
export async function deleteDeadTimerPools(tx: Knex.Transaction | Knex, schema: string): Promise<string[]> {
  const { rows } = await tx.raw<{ rows: Array<{ pool_id: string }> }>(
    `DELETE FROM ??.timer_pools p
     WHERE NOT EXISTS (
       SELECT 1 FROM pg_locks l
       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND l.classid = ?::int::oid AND l.objid = hashtext(p.pool_id)::oid)
     RETURNING pool_id`,
    [schema, POOL_LOCK_NAMESPACE],
  );
  return rows.map((r) => r.pool_id).sort();
}

/** Deletes one pool's row (its clean stop; its lock goes with its connection). */
export async function deleteTimerPool(db: Knex, schema: string, poolId: string): Promise<void> {
  await db.withSchema(schema).table('timer_pools').where({ pool_id: poolId }).delete();
}

/**
 * Releases every job and queue the pools hold (graphile-worker's force_unlock_workers) and wakes
 * the workers for them (its `jobs:insert` notification, counting the jobs released), so they run
 * now rather than at the next poll. Returns how many jobs were released.
 */
export async function unlockTimerPools(
  tx: Knex.Transaction | Knex,
  timersSchema: string,
  poolIds: string[],
): Promise<number> {
  if (poolIds.length === 0) return 0;
  const { rows } = await tx.raw<{ rows: Array<{ jobs: number }> }>(
    `WITH held AS (SELECT count(*)::int AS jobs FROM ??._private_jobs WHERE locked_by = ANY(?::text[]))
     SELECT held.jobs, ??.force_unlock_workers(?::text[]),
       pg_notify('jobs:insert', json_build_object('count', held.jobs)::text)
     FROM held`,
    [timersSchema, poolIds, timersSchema, poolIds],
  );
  return rows[0]?.jobs ?? 0;
}

/** The ids of the pools that hold a job of `task` now (for tests and the operator's view). */
export async function selectLockingPools(db: Knex, timersSchema: string, task: string): Promise<string[]> {
  const { rows } = await db.raw<{ rows: Array<{ locked_by: string }> }>(
    `SELECT DISTINCT j.locked_by FROM ??._private_jobs j JOIN ??._private_tasks t ON t.id = j.task_id
     WHERE j.locked_by IS NOT NULL AND t.identifier = ? ORDER BY j.locked_by`,
    [timersSchema, timersSchema, task],
  );
  return rows.map((r) => r.locked_by);
}
