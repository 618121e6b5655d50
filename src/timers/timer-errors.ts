import { AppError } from '../platform/errors/app-error.js';

/** Errors of the durable timers (queue, worker, retention), each with a stable code. */
export class TimerError extends AppError {}

export const TimerErrorCode = {
  /** A timer request without a task or key, with an invalid time or attempt count: a bug of the caller. */
  REQUEST_INVALID: 'TIMER_REQUEST_INVALID',
  /** The queue's schema is missing or the runtime role has no rights on it: the migrations have not run. */
  QUEUE_UNAVAILABLE: 'TIMER_QUEUE_UNAVAILABLE',
  /** The worker could not start (database unreachable, queue not installed). */
  WORKER_START_FAILED: 'TIMER_WORKER_START_FAILED',
  /** A task threw something without a code of its own. */
  TASK_FAILED: 'TIMER_TASK_FAILED',
} as const;

/**
 * The queue's SQL raised "no such schema/table/function" or "permission denied": say what to run
 * instead of the driver's text. Anything else is rethrown as it is (a retryable database error).
 */
export function queueUnavailable(err: unknown, schema: string): unknown {
  const code = (err as { code?: string }).code;
  if (code === '3F000' || code === '42P01' || code === '42883' || code === '42501') {
    return new TimerError(
      TimerErrorCode.QUEUE_UNAVAILABLE,
      `The timer queue in schema ${schema} is not installed or not granted to this role (SQLSTATE ${code}). ` +
        'Run the migrations with the owner role (npm run migrate), with the same TIMERS_SCHEMA.',
      { schema, sqlState: code },
      { cause: err },
    );
  }
  return err;
}
