/**
 * The pool liveness statements on real PostgreSQL (runtime role): registration under a session
 * lock, which rows are dead, releasing the jobs of given pools only, a clean stop's delete.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../src/platform/clock/clock.js';
import {
  deleteDeadTimerPools,
  deleteTimerPool,
  registerTimerPool,
  selectLockingPools,
  unlockTimerPools,
} from '../../../src/timers/pool-liveness-queries.js';
import { scheduleTimers } from '../../../src/timers/timer-queue.js';
import { isolatedConfig } from '../../support/isolation.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { waitFor } from './support.js';

const clock = createClock(isolatedConfig('pool-liveness').clock);
let db: QueriesDb;
const clients: pg.Client[] = [];

beforeAll(async () => {
  db = await openQueriesDb('pool-liveness');
});
afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.end()));
  await db?.close();
});

async function session(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.runtimeUrl });
  await c.connect();
  clients.push(c);
  return c;
}
const pools = () => db.owner('timer_pools').orderBy('pool_id').pluck('pool_id');

describe('registerTimerPool and deleteDeadTimerPools', () => {
  it('a registered pool is alive while its session lives, dead once it ends; registering twice keeps one row', async () => {
    const alive = await session();
    const dying = await session();
    expect(await registerTimerPool(alive, db.schema, 'pool-alive')).toBe(true);
    expect(await registerTimerPool(alive, db.schema, 'pool-alive')).toBe(true);
    expect(await registerTimerPool(dying, db.schema, 'pool-dying')).toBe(true);
    // Another session cannot take a live pool's lock: it does not register the pool.
    expect(await registerTimerPool(await session(), db.schema, 'pool-dying')).toBe(false);
    expect(await pools()).toEqual(['pool-alive', 'pool-dying']);
    expect(await deleteDeadTimerPools(db.runtime, db.schema)).toEqual([]);

    await dying.end();
    // The server ends the session a moment after the client goes.
    const dead = await waitFor('the dead pool', async () => {
      const ids = await deleteDeadTimerPools(db.runtime, db.schema);
      return ids.length > 0 ? ids : undefined;
    });
    expect(dead).toEqual(['pool-dying']);
    expect(await pools()).toEqual(['pool-alive']);
  });

  it('deleteTimerPool removes one row, whether its lock is held or not', async () => {
    await registerTimerPool(await session(), db.schema, 'pool-stopping');
    await deleteTimerPool(db.runtime, db.schema, 'pool-stopping');
    expect(await pools()).not.toContain('pool-stopping');
  });
});

describe('unlockTimerPools', () => {
  it('releases the jobs of the pools named, and only theirs', async () => {
    await db.runtime.transaction((tx) =>
      scheduleTimers(
        tx,
        db.timersSchema,
        clock,
        ['a', 'b', 'c'].map((key) => ({ task: 'remind', key, runAt: clock.now(), payload: { key } })),
      ),
    );
    // Locked as graphile-worker's get_job locks them (no worker runs in this file).
    const locks: Array<[string, string]> = [
      ['a', 'pool-x'],
      ['b', 'pool-y'],
      ['c', 'pool-x'],
    ];
    for (const [key, pool] of locks) {
      await db.owner.raw('UPDATE ??._private_jobs SET locked_by = ?, locked_at = now() WHERE key = ?', [
        db.timersSchema,
        pool,
        key,
      ]);
    }
    expect(await selectLockingPools(db.runtime, db.timersSchema, 'remind')).toEqual(['pool-x', 'pool-y']);
    expect(await unlockTimerPools(db.runtime, db.timersSchema, [])).toBe(0);
    expect(await selectLockingPools(db.runtime, db.timersSchema, 'remind')).toEqual(['pool-x', 'pool-y']);
    expect(await unlockTimerPools(db.runtime, db.timersSchema, ['pool-x', 'pool-gone'])).toBe(2);
    expect(await selectLockingPools(db.runtime, db.timersSchema, 'remind')).toEqual(['pool-y']);
  });
});
