/**
 * A job locked by a pool whose process died (SIGKILL, a lost machine) is released without waiting
 * for graphile-worker's 4 hours. Each running pool holds a session advisory lock on a connection of
 * its own and is registered in `timer_pools` while it holds it (holdPoolLiveness); the jobs of a
 * registered pool whose lock is gone are released (releaseDeadTimerPools) by every pool as it
 * starts, and by one pool of the cluster every minute (graphile-worker's cron dedupes the minute).
 *
 * - A process killed on a live machine: its sessions end at once, a restarted instance releases its
 *   jobs as it starts, a peer within a minute. A lost machine or network: the server notices
 *   after the liveness connection's TCP keepalives (LIVENESS_TCP_OPTIONS, about 60 s).
 * - A pool killed in the milliseconds between taking its first job and registering keeps
 *   graphile-worker's 4 hours.
 * - A pool whose liveness connection breaks while it lives is taken for dead until it registers
 *   again on a new one (reconnected with backoff): its running task may then run a second time
 *   elsewhere, which every task allows (timers/tasks.ts).
 */
import type { Knex } from 'knex';
import pg from 'pg';
import pRetry from 'p-retry';
import type { Logger } from '../platform/logging/logger.js';
import { deleteDeadTimerPools, deleteTimerPool, registerTimerPool, unlockTimerPools } from './pool-liveness-queries.js';

export const RELEASE_DEAD_POOLS_TASK = 'release-dead-timer-pools';
/** Every minute, before the timers due (priority -10: graphile-worker takes lower numbers first). */
export const RELEASE_DEAD_POOLS_CRONTAB = `* * * * * ${RELEASE_DEAD_POOLS_TASK} ?priority=-10`;

/** The server drops the liveness session of a silent peer after 30 s idle + 3 probes 10 s apart. */
const LIVENESS_TCP_OPTIONS = '-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3';

/** Where the pools register (the application's schema, on the runtime role). */
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
  const { dead, jobs } = await registry.db.transaction(async (tx) => {
    const ids = await deleteDeadTimerPools(tx, registry.schema);
    return { dead: ids, jobs: await unlockTimerPools(tx, timersSchema, ids) };
  });
  if (dead.length > 0) {
    log.warn(
      { component: 'timers', pools: dead, jobs },
      'released the timer jobs of worker pools whose process is gone; their timers run again now',
    );
  }
  return dead;
}

export interface PoolLiveness {
  /** Resolves at the first registration (true), or false if the lock is held elsewhere. */
  registered: Promise<boolean>;
  /** Unregisters and closes the connection (after the pool stopped: its jobs are done). */
  close(): Promise<void>;
}

/** Holds the pool's lock on a connection of its own, registering it again after a reconnect. */
export function holdPoolLiveness(
  connectionString: string,
  registry: PoolRegistry,
  poolId: string,
  log: Logger,
): PoolLiveness {
  let closing = false;
  let client: pg.Client | null = null;
  const ctx = { component: 'timers', pool: poolId };
  const session = async (): Promise<boolean> => {
    const c = new pg.Client({ connectionString, options: LIVENESS_TCP_OPTIONS });
    // A lost session ends the lock: an 'error' (terminated while idle) or an 'end', whichever comes first.
    const lost = (err?: Error) => {
      if (closing || client !== c) return;
      client = null;
      log.warn({ ...ctx, err }, 'the timer pool lost its liveness connection; registering again');
      void connect();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      const ok = await registerTimerPool(c, registry.schema, poolId);
      if (closing) await c.end();
      else client = c;
      return ok;
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
  };
  const connect = (): Promise<boolean> =>
    pRetry(session, {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: 500,
      maxTimeout: 10_000,
      shouldRetry: () => !closing,
      onFailedAttempt: ({ error, attemptNumber }) =>
        log.warn({ ...ctx, attempt: attemptNumber, err: error }, 'the timer pool could not register its liveness yet'),
    }).then(
      (ok) => {
        if (!ok)
          log.error(
            ctx,
            "another session holds this timer pool's liveness lock; the pool is not registered, and if this " +
              'process dies its running timers wait 4 hours. Restart the process (a new pool id).',
          );
        return ok;
      },
      () => false,
    );
  const registered = connect();
  return {
    registered,
    async close() {
      closing = true;
      await deleteTimerPool(registry.db, registry.schema, poolId).catch((err: unknown) =>
        log.warn({ ...ctx, err }, 'the timer pool could not unregister; the next release removes it'),
      );
      await client?.end().catch(() => undefined);
    },
  };
}
