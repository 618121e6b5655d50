/**
 * Durable timers on real PostgreSQL with a running worker: transactional scheduling, replace by
 * key, cancel, the adapter's shifted and accelerated clock, retries and final failures, drain.
 * Waits are bounded polls; what is asserted is order and presence, never how long something took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, type Clock } from '../../../src/platform/clock/clock.js';
import { AppError } from '../../../src/platform/errors/app-error.js';
import {
  cancelTimers,
  countPendingTimers,
  scheduleTimers,
  type TimerRequest,
} from '../../../src/timers/timer-queue.js';
import { startTimerWorker, type TimerWorker } from '../../../src/timers/worker.js';
import { isolatedConfig } from '../../support/isolation.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { Runs, captureLog, waitFor, type CapturedLog } from './support.js';

const config = isolatedConfig('timer-queue');
/** The run's clock: shifted to 2027 or 2028 under `npm run test:dates`. */
const clock = createClock(config.clock);
const runs = new Runs();
/** Keys whose task throws once, then succeeds. */
const flaky = new Set<string>();
let db: QueriesDb;
let worker: TimerWorker;
let logs: CapturedLog;

const tasks = {
  remind: runs.handler('remind'),
  flaky: runs.handler('flaky', async (p) => {
    if (flaky.delete(String(p.key))) throw new AppError('TEST_GATEWAY_DOWN', 'the gateway did not answer; retried');
  }),
  broken: runs.handler('broken', async () => {
    throw new AppError('TEST_ALWAYS_FAILS', 'this task always fails');
  }),
};

function timer(key: string, runAt: Date, extra: Partial<TimerRequest> = {}): TimerRequest {
  return { task: 'remind', key, runAt, payload: { key }, ...extra };
}

const inMs = (c: Clock, ms: number) => new Date(c.now().getTime() + ms);

async function jobsWithKey(
  key: string,
): Promise<Array<{ run_at: Date; attempts: number; max_attempts: number; last_error: string | null }>> {
  return db.owner(`${db.timersSchema}.jobs`).where({ key }).select('run_at', 'attempts', 'max_attempts', 'last_error');
}

beforeAll(async () => {
  db = await openQueriesDb('timer-queue');
  logs = captureLog();
  worker = await startTimerWorker({
    connectionString: db.runtimeUrl,
    schema: db.timersSchema,
    concurrency: 2,
    pollIntervalMs: 100,
    tasks,
    log: logs.log,
  });
});
afterAll(async () => {
  await worker?.stop();
  await db?.close();
});

describe('scheduleTimers', () => {
  it('a timer of a transaction that rolls back never exists; committed, it runs, not before its time', async () => {
    await db.runtime
      .transaction(async (tx) => {
        await scheduleTimers(tx, db.timersSchema, clock, [timer('rolled-back', inMs(clock, 300))]);
        expect(await countPendingTimers(tx, db.timersSchema)).toBe(1);
        await tx.rollback();
      })
      .catch(() => undefined);
    const runAt = inMs(clock, 300);
    await db.runtime.transaction((tx) => scheduleTimers(tx, db.timersSchema, clock, [timer('committed', runAt)]));
    const run = await waitFor('the committed timer', () => runs.of('committed')[0]);
    expect(run.at).toBeGreaterThanOrEqual(clock.toReal(runAt).getTime() - 5);
    expect(runs.of('rolled-back')).toEqual([]);
    expect(await jobsWithKey('rolled-back')).toEqual([]);
  });

  it('the same key scheduled twice is one job at the time of the second call (replace), which runs once', async () => {
    await scheduleTimers(db.runtime, db.timersSchema, clock, [timer('twice', inMs(clock, 3_600_000))]);
    const later = inMs(clock, 7_200_000);
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      timer('twice', later, { payload: { key: 'twice', v: 2 } }),
    ]);
    const jobs = await jobsWithKey('twice');
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.run_at).getTime()).toBe(clock.toReal(later).getTime());
    // Brought forward by a third call: it runs once, with the last payload.
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      timer('twice', inMs(clock, 200), { payload: { key: 'twice', v: 3 } }),
    ]);
    await waitFor('the rescheduled timer', () => runs.of('twice')[0]);
    await waitFor('the job to be done', async () => ((await jobsWithKey('twice')).length === 0 ? true : undefined));
    expect(runs.of('twice').map((r) => r.payload.v)).toEqual([3]);
  });

  it('takes a whole list in one call; a key twice in the list counts once, the last one', async () => {
    const far = inMs(clock, 86_400_000);
    const farther = inMs(clock, 2 * 86_400_000);
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      timer('list-a', far),
      timer('list-b', far),
      timer('list-a', farther),
    ]);
    expect((await jobsWithKey('list-a')).map((j) => new Date(j.run_at).getTime())).toEqual([
      clock.toReal(farther).getTime(),
    ]);
    expect(await jobsWithKey('list-b')).toHaveLength(1);
    await cancelTimers(db.runtime, db.timersSchema, ['list-a', 'list-b']);
  });

  it('refuses a timer without a key or with an invalid time, naming the problem', async () => {
    await expect(scheduleTimers(db.runtime, db.timersSchema, clock, [timer('', clock.now())])).rejects.toMatchObject({
      code: 'TIMER_REQUEST_INVALID',
    });
    await expect(
      scheduleTimers(db.runtime, db.timersSchema, clock, [timer('bad-date', new Date(Number.NaN))]),
    ).rejects.toMatchObject({ code: 'TIMER_REQUEST_INVALID' });
    await expect(
      scheduleTimers(db.runtime, db.timersSchema, clock, [timer('bad-attempts', clock.now(), { maxAttempts: 0 })]),
    ).rejects.toMatchObject({ code: 'TIMER_REQUEST_INVALID' });
  });

  it('says to run the migrations when the queue is not installed', async () => {
    await expect(
      scheduleTimers(db.runtime, `${db.schema}_nowhere`, clock, [timer('x', clock.now())]),
    ).rejects.toMatchObject({
      code: 'TIMER_QUEUE_UNAVAILABLE',
      message: expect.stringMatching(/npm run migrate/),
    });
  });
});

describe('cancelTimers', () => {
  it("removes the timers, in the caller's transaction; unknown keys are no-ops", async () => {
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      timer('cancel-me', inMs(clock, 3_600_000)),
      timer('keep-me', inMs(clock, 3_600_000)),
    ]);
    await db.runtime
      .transaction(async (tx) => {
        await cancelTimers(tx, db.timersSchema, ['cancel-me']);
        await tx.rollback();
      })
      .catch(() => undefined);
    expect(await jobsWithKey('cancel-me')).toHaveLength(1);
    await cancelTimers(db.runtime, db.timersSchema, ['cancel-me', 'never-scheduled', 'cancel-me']);
    expect(await jobsWithKey('cancel-me')).toEqual([]);
    expect(await jobsWithKey('keep-me')).toHaveLength(1);
    await cancelTimers(db.runtime, db.timersSchema, ['keep-me']);
  });
});

describe("the adapter's clock", () => {
  it('shifted to 2027: a timer due "in 300 ms" of that clock runs', async () => {
    const shifted = createClock({ startAt: '2027-06-15T10:00:00+05:00', anchorAt: '', speed: 1 });
    const runAt = inMs(shifted, 300);
    expect(runAt.toISOString().slice(0, 4)).toBe('2027');
    await scheduleTimers(db.runtime, db.timersSchema, shifted, [timer('shifted', runAt)]);
    const run = await waitFor('the timer of the shifted clock', () => runs.of('shifted')[0]);
    expect(run.at).toBeGreaterThanOrEqual(shifted.toReal(runAt).getTime() - 5);
  });

  it('a thousand times faster: a timer due in 5 minutes of that clock runs about 300 real ms later', async () => {
    const fast = createClock({ startAt: '2028-02-28T19:00:00+05:00', anchorAt: '', speed: 1000 });
    const runAt = inMs(fast, 300_000);
    await scheduleTimers(db.runtime, db.timersSchema, fast, [timer('fast', runAt)]);
    const [job] = await jobsWithKey('fast');
    expect(new Date(job!.run_at).getTime()).toBe(fast.toReal(runAt).getTime());
    await waitFor('the timer of the fast clock', () => runs.of('fast')[0]);
  });
});

describe('failures', () => {
  it('a task that throws is retried with backoff, then succeeds; warn line with task, key and code', async () => {
    flaky.add('flaky-1');
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      { task: 'flaky', key: 'flaky-1', runAt: clock.now(), payload: { key: 'flaky-1', iin: '080215650019' } },
    ]);
    await waitFor('the second attempt', () => runs.of('flaky-1')[1], 30_000);
    await waitFor('the job to be done', async () => ((await jobsWithKey('flaky-1')).length === 0 ? true : undefined));
    const warn = logs.lines().find((l) => l.level === 'warn' && l.key === 'flaky-1');
    expect(warn).toMatchObject({ task: 'flaky', key: 'flaky-1', errorCode: 'TEST_GATEWAY_DOWN', attempt: 1 });
  });

  it('after maxAttempts it stays failed, logged at error with task, key and code; no longer pending', async () => {
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      {
        task: 'broken',
        key: 'broken-1',
        runAt: clock.now(),
        payload: { key: 'broken-1', name: 'Айгерим' },
        maxAttempts: 1,
      },
    ]);
    const line = await waitFor('the error line', () =>
      logs.lines().find((l) => l.level === 'error' && l.key === 'broken-1'),
    );
    expect(line).toMatchObject({
      task: 'broken',
      key: 'broken-1',
      errorCode: 'TEST_ALWAYS_FAILS',
      attempt: 1,
      maxAttempts: 1,
    });
    // The log line is written by the task before the worker records the failure on the job.
    const job = await waitFor('the failure recorded on the job', async () => {
      const [row] = await jobsWithKey('broken-1');
      return row?.last_error ? row : undefined;
    });
    expect(job).toMatchObject({ attempts: 1, max_attempts: 1, last_error: 'this task always fails' });
    const { rows } = await db.owner.raw(
      `SELECT count(*)::int AS n FROM ${db.timersSchema}.jobs WHERE attempts < max_attempts OR locked_at IS NOT NULL`,
    );
    expect(await countPendingTimers(db.runtime, db.timersSchema)).toBe(rows[0].n);
    expect(runs.of('broken-1')).toHaveLength(1);
  });

  it('keeps payloads out of the logs', () => {
    const text = logs.text();
    expect(text).not.toContain('080215650019');
    expect(text).not.toContain('Айгерим');
  });
});

describe('countPendingTimers', () => {
  it('counts waiting and running timers, not the done or failed ones', async () => {
    const base = await countPendingTimers(db.runtime, db.timersSchema);
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      timer('pending-1', inMs(clock, 3_600_000)),
      timer('pending-2', inMs(clock, 7_200_000)),
    ]);
    expect(await countPendingTimers(db.runtime, db.timersSchema)).toBe(base + 2);
    await cancelTimers(db.runtime, db.timersSchema, ['pending-1']);
    expect(await countPendingTimers(db.runtime, db.timersSchema)).toBe(base + 1);
    await cancelTimers(db.runtime, db.timersSchema, ['pending-2']);
  });
});

describe('the worker', () => {
  it('stop() drains: the running task finishes and its job is completed before stop resolves', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const own = new Runs();
    const drainLog = captureLog();
    const draining = await startTimerWorker({
      connectionString: db.runtimeUrl,
      schema: db.timersSchema,
      concurrency: 1,
      pollIntervalMs: 100,
      tasks: {
        slow: own.handler('slow', async () => {
          await gate;
          finished = true;
        }),
      },
      log: drainLog.log,
    });
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      { task: 'slow', key: 'slow-1', runAt: clock.now(), payload: { key: 'slow-1' } },
    ]);
    await waitFor('the slow task to start', () => own.of('slow-1')[0]);
    const stopped = draining.stop();
    setTimeout(release, 300);
    await stopped;
    expect(finished).toBe(true);
    expect(await jobsWithKey('slow-1')).toEqual([]);
  });

  it('refuses a crontab that names a task it does not have', async () => {
    const start = startTimerWorker({
      connectionString: db.runtimeUrl,
      schema: db.timersSchema,
      concurrency: 1,
      pollIntervalMs: 100,
      tasks: {},
      log: captureLog().log,
      crontab: '0 3 * * * nobody-runs-this',
    });
    await expect(start).rejects.toMatchObject({
      code: 'TIMER_WORKER_START_FAILED',
      message: expect.stringMatching(/nobody-runs-this/),
    });
  });
});
