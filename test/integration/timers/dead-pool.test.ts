/**
 * A timer job locked by a worker pool whose process was SIGKILLed runs again at once, not after
 * graphile-worker's 4 hours; a job of a pool that is still alive is never taken from it. The pools
 * that die are real processes (hanging-pool.ts) on the file's own schema.
 *
 * Who releases a dead pool's jobs is whichever live pool looks first (each at its start and every
 * minute), so the test asserts that the jobs run and that a release was logged, not by whom.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
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
/** The hanging pools' log lines (stdout). */
const childLines: string[] = [];

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
  const before = new Set(await selectLockingPools(db.owner, db.timersSchema));
  const child = spawn(process.execPath, ['--import', 'tsx', HANGING_POOL, db.runtimeUrl, db.schema, db.timersSchema], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  child.stdout!.on('data', (chunk: Buffer) => childLines.push(...chunk.toString().split('\n').filter(Boolean)));
  await waitFor('the pool started', () => (childLines.includes('started') ? true : undefined));
  childLines.splice(childLines.indexOf('started'), 1);
  const poolId = await waitFor('the new pool holding the job', async () => {
    const locking = (await selectLockingPools(db.owner, db.timersSchema)).filter((p) => !before.has(p));
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
  [...logs.lines(), ...childLines.map((l) => JSON.parse(l) as Record<string, unknown>)]
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
    // Released at the survivor's start (or by the living pool's minute job, if it came first).
    await waitFor('the dead pool job run again', () => runs.of('of-the-dead')[0], 10_000);
    expect(releasedPools()).toEqual([dead.poolId]);
    // The living pool keeps its job: nothing runs it while its process lives.
    await sleep(1000);
    expect(runs.of('of-the-living')).toHaveLength(0);
    expect(await selectLockingPools(db.owner, db.timersSchema)).toEqual([living.poolId]);

    // It dies too: the next release (the minute's job, run here at once) frees its job.
    await kill(living);
    await releaseDeadTimerPools({ db: db.runtime, schema: db.schema }, db.timersSchema, logs.log);
    await waitFor('the second dead pool job run again', () => runs.of('of-the-living')[0], 10_000);
    expect(releasedPools()).toEqual([dead.poolId, living.poolId]);
    expect(runs.of('of-the-dead')).toHaveLength(1);
    expect(await db.owner('timer_pools').pluck('pool_id')).toHaveLength(1);
  });
});
