/**
 * A timer job locked by a worker pool whose process was SIGKILLed runs again at once, not after
 * graphile-worker's 4 hours; a job of a pool that is still alive is never taken from it. The pools
 * that die are real processes (hanging-pool.ts) on the file's own schema.
 * The hanging pools run one task at a time and hang in it, so only this file's own pool (the
 * survivor) ever releases anything after the first kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../src/platform/clock/clock.js';
import { POOL_LOCK_NAMESPACE, selectLockingPools } from '../../../src/timers/pool-liveness-queries.js';
import { releaseDeadTimerPools } from '../../../src/timers/pool-liveness.js';
import { scheduleTimers } from '../../../src/timers/timer-queue.js';
import { startTimerWorker, type TimerWorker } from '../../../src/timers/worker.js';
import { isolatedConfig } from '../../support/isolation.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { Runs, captureLog, waitFor, type CapturedLog } from './support.js';

const HANGING_POOL = fileURLToPath(new URL('./hanging-pool.ts', import.meta.url));
const clock = createClock(isolatedConfig('dead-pool').clock);
const runs = new Runs();
let db: QueriesDb;
let logs: CapturedLog;
let survivor: TimerWorker | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await openQueriesDb('dead-pool');
  logs = captureLog();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await survivor?.stop();
  await db?.close();
});

async function scheduleHang(key: string): Promise<void> {
  await db.runtime.transaction((tx) =>
    scheduleTimers(tx, db.timersSchema, clock, [{ task: 'hang', key, runAt: clock.now(), payload: { key } }]),
  );
}

/** Starts a pool in its own process; resolves once it has started and holds one more job than before. */
async function hangingPool(): Promise<{ child: ChildProcess; poolId: string }> {
  const before = new Set(await selectLockingPools(db.owner, db.timersSchema, 'hang'));
  const child = spawn(process.execPath, ['--import', 'tsx', HANGING_POOL, db.runtimeUrl, db.schema, db.timersSchema], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let started = false;
  createInterface({ input: child.stdout! }).on('line', (line) => (started ||= line === 'started'));
  await waitFor('the pool started', () => (started ? true : undefined));
  const poolId = await waitFor('the new pool holding the job', async () => {
    const locking = (await selectLockingPools(db.owner, db.timersSchema, 'hang')).filter((p) => !before.has(p));
    const registered = await db.owner('timer_pools').whereIn('pool_id', locking).pluck('pool_id');
    return registered[0] as string | undefined;
  });
  return { child, poolId };
}

/** SIGKILLs the pool's process and waits until the database has ended its sessions (its lock gone). */
async function kill(pool: { child: ChildProcess; poolId: string }): Promise<void> {
  const exited = once(pool.child, 'exit');
  pool.child.kill('SIGKILL');
  await exited;
  await waitFor('the dead pool session ended', async () => {
    const { rows } = await db.owner.raw<{ rows: unknown[] }>(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::int::oid AND objid = hashtext(?)::oid",
      [POOL_LOCK_NAMESPACE, pool.poolId],
    );
    return rows.length === 0 ? true : undefined;
  });
}

const releasedPools = () =>
  logs
    .lines()
    .filter((l) => String(l.msg).startsWith('released the timer jobs'))
    .flatMap((l) => l.pools as string[]);

describe('a timer pool whose process died', () => {
  it('leaves its job to a live pool at once; a live pool keeps its own', async () => {
    await scheduleHang('of-the-dead');
    const dead = await hangingPool();
    await scheduleHang('of-the-living');
    const living = await hangingPool();
    await kill(dead);

    survivor = await startTimerWorker({
      connectionString: db.runtimeUrl,
      schema: db.timersSchema,
      concurrency: 2,
      pollIntervalMs: 100,
      tasks: { hang: runs.handler('hang') },
      registry: { db: db.runtime, schema: db.schema },
      log: logs.log,
    });
    // Released at the survivor's start.
    await waitFor('the dead pool job run again', () => runs.of('of-the-dead')[0], 10_000);
    expect(releasedPools()).toEqual([dead.poolId]);
    // The living pool keeps its job: nothing runs it while its process lives.
    await sleep(1000);
    expect(runs.of('of-the-living')).toHaveLength(0);
    expect(await selectLockingPools(db.owner, db.timersSchema, 'hang')).toEqual([living.poolId]);

    // It dies too: the next release (the minute's job, run here at once) frees its job.
    await kill(living);
    await releaseDeadTimerPools({ db: db.runtime, schema: db.schema }, db.timersSchema, logs.log);
    await waitFor('the second dead pool job run again', () => runs.of('of-the-living')[0], 10_000);
    expect(releasedPools()).toEqual([dead.poolId, living.poolId]);
    expect(runs.of('of-the-dead')).toHaveLength(1);
    expect(await db.owner('timer_pools').pluck('pool_id')).toHaveLength(1);
  });

  it('registers again when its liveness connection is lost while it lives', async () => {
    const poolId = String((await db.owner('timer_pools').pluck('pool_id'))[0]);
    const holder = async () => {
      const { rows } = await db.runtime.raw<{ rows: Array<{ pid: number }> }>(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::int::oid AND objid = hashtext(?)::oid",
        [POOL_LOCK_NAMESPACE, poolId],
      );
      return rows[0]?.pid;
    };
    const first = await waitFor('the lock held', holder);
    // The runtime role may end its own sessions: as a restarted server or a cut connection would.
    await db.runtime.raw('SELECT pg_terminate_backend(?)', [first]);
    const second = await waitFor('the lock held again', async () => {
      const pid = await holder();
      return pid !== undefined && pid !== first ? pid : undefined;
    });
    expect(second).not.toBe(first);
    expect(await db.owner('timer_pools').pluck('pool_id')).toEqual([poolId]);
    expect(logs.lines().some((l) => String(l.msg).includes('lost its liveness connection'))).toBe(true);
  });
});
