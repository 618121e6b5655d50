/**
 * Durable timers on graphile-worker's queue (a schema of its own, see
 * src/platform/db/timer-queue-schema.ts). A timer is a job with a key: scheduling it again
 * replaces it (new time, new payload, attempts reset); cancelling removes it. Both run in the
 * caller's transaction, so a timer exists exactly when the state change that asked for it
 * committed.
 *
 * Keys and task names end up in logs: never put personal data in them (an application id is fine,
 * an IIN is not). Payloads stay in the database.
 */
import type { Knex } from 'knex';
import type { Clock } from '../platform/clock/clock.js';
import { RELEASE_DEAD_POOLS_TASK } from './pool-liveness.js';
import { TimerError, TimerErrorCode, queueUnavailable } from './timer-errors.js';

export interface TimerRequest {
  /** The task that runs it (a key of the worker's `tasks`). */
  task: string;
  /** Identifies the timer: one pending timer per key, across tasks (so prefix it, e.g. `sla:<applicationId>`). */
  key: string;
  /** When it falls due, in the adapter's clock time (shifted or accelerated in tests and simulations). */
  runAt: Date;
  payload: Record<string, unknown>;
  /** Attempts before it stays failed (graphile-worker's default, 25, when not given). */
  maxAttempts?: number;
}

/** graphile-worker's job_spec, as json_populate_recordset reads it. */
interface JobSpec {
  identifier: string;
  payload: Record<string, unknown>;
  run_at: string;
  max_attempts: number | null;
  job_key: string;
}

function toSpec(clock: Clock, t: TimerRequest): JobSpec {
  if (!t.task || t.task.length > 128 || !t.key || t.key.length > 512) {
    throw new TimerError(
      TimerErrorCode.REQUEST_INVALID,
      `A timer needs a task (1-128 characters) and a key (1-512 characters); got task "${t.task}". Fix the caller.`,
      { task: t.task },
    );
  }
  if (!(t.runAt instanceof Date) || Number.isNaN(t.runAt.getTime())) {
    throw new TimerError(
      TimerErrorCode.REQUEST_INVALID,
      `Timer ${t.key} of task ${t.task} has no valid runAt; fix the caller.`,
      { task: t.task, key: t.key },
    );
  }
  if (
    t.maxAttempts !== undefined &&
    !(Number.isInteger(t.maxAttempts) && t.maxAttempts >= 1 && t.maxAttempts <= 32767)
  ) {
    throw new TimerError(
      TimerErrorCode.REQUEST_INVALID,
      `Timer ${t.key} of task ${t.task}: maxAttempts must be a whole number from 1 to 32767.`,
      { task: t.task, key: t.key },
    );
  }
  // graphile-worker compares run_at with the database's now(): real time, not the adapter's clock.
  return {
    identifier: t.task,
    payload: t.payload,
    run_at: clock.toReal(t.runAt).toISOString(),
    max_attempts: t.maxAttempts ?? null,
    job_key: t.key,
  };
}

/** Code-unit order, the same in every process (not the locale's). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Schedules (or reschedules, by key) every timer of the list in one statement, in the caller's
 * transaction. The same key twice in one list: the last one wins (add_jobs could not take both).
 */
export async function scheduleTimers(
  tx: Knex.Transaction | Knex,
  schema: string,
  clock: Clock,
  timers: TimerRequest[],
): Promise<void> {
  if (timers.length === 0) return;
  const byKey = new Map<string, JobSpec>();
  for (const t of timers) byKey.set(t.key, toSpec(clock, t));
  try {
    await tx.raw(
      'SELECT count(*) FROM ??.add_jobs(ARRAY(SELECT json_populate_recordset(NULL::??.job_spec, ?::json)))',
      // In key order: two transactions scheduling overlapping keys lock them in the same order
      // (unsorted, a batch and a register slot deadlocked on the job key index, 40P01).
      [schema, schema, JSON.stringify([...byKey.values()].sort((a, b) => compareKeys(a.job_key, b.job_key)))],
    );
  } catch (err) {
    throw queueUnavailable(err, schema);
  }
}

/**
 * Cancels the timers with these keys, in the caller's transaction. A timer already running is not
 * interrupted: it loses its key and is not retried (graphile-worker's remove_job).
 */
export async function cancelTimers(tx: Knex.Transaction | Knex, schema: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  try {
    await tx.raw('SELECT count(j.id) FROM unnest(?::text[]) AS k(key) CROSS JOIN LATERAL ??.remove_job(k.key) AS j', [
      [...new Set(keys)].sort(compareKeys),
      schema,
    ]);
  } catch (err) {
    throw queueUnavailable(err, schema);
  }
}

/**
 * Timers not yet done: waiting for their time, waiting for a retry, or running. Not the failed
 * ones, nor the queue's own housekeeping (the minute's release of dead pools).
 */
export async function countPendingTimers(db: Knex, schema: string): Promise<number> {
  try {
    const { rows } = await db.raw<{ rows: Array<{ n: number }> }>(
      'SELECT count(*)::int AS n FROM ??.jobs WHERE (attempts < max_attempts OR locked_at IS NOT NULL) ' +
        'AND task_identifier <> ?',
      [schema, RELEASE_DEAD_POOLS_TASK],
    );
    return rows[0]?.n ?? 0;
  } catch (err) {
    throw queueUnavailable(err, schema);
  }
}
