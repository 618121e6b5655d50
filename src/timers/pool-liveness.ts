/**
 * A job locked by a pool whose process died (SIGKILL, a lost machine) is released at once, not
 * after graphile-worker's 4 hours: each running pool registers itself with a session lock on its
 * LISTEN connection (registerTimerPool, on graphile-worker's `pool:listen:success`), and every pool
 * releases the jobs of the registered pools whose lock is gone, when it starts and once a minute
 * (graphile-worker's cron, RELEASE_DEAD_POOLS_CRONTAB).
 *
 * What it does not cover: a pool killed in the milliseconds between taking its first job and
 * registering keeps graphile-worker's 4 hours. A pool whose LISTEN connection breaks while its
 * process lives may be taken for dead until it registers again on the new connection: its running
 * task may then run a second time elsewhere, which every task allows (timers/tasks.ts).
 */
import type { Knex } from 'knex';
import type { Logger } from '../platform/logging/logger.js';
import { deleteDeadTimerPools, unlockTimerPools } from './pool-liveness-queries.js';

export const RELEASE_DEAD_POOLS_TASK = 'release-dead-timer-pools';
/** Every minute: a pool that died while its peers run is released within a minute. */
export const RELEASE_DEAD_POOLS_CRONTAB = `* * * * * ${RELEASE_DEAD_POOLS_TASK}`;

/** Where the pools register (the application's schema, on the runtime role) and the queue's schema. */
export interface PoolRegistry {
  db: Knex;
  /** The schema of `timer_pools` (config database.schema). */
  schema: string;
}

/** Finds the dead pools and releases their jobs, in one transaction; returns the pools released. */
export async function releaseDeadTimerPools(
  registry: PoolRegistry,
  timersSchema: string,
  log: Logger,
): Promise<string[]> {
  const released = await registry.db.transaction(async (tx) => {
    const dead = await deleteDeadTimerPools(tx);
    await unlockTimerPools(tx, timersSchema, dead);
    return dead;
  });
  if (released.length > 0) {
    log.warn(
      { component: 'timers', pools: released },
      'released the timer jobs of worker pools whose process is gone; their timers run again now',
    );
  }
  return released;
}
