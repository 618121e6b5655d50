/**
 * The process's timer worker: graphile-worker's runner on the runtime role, running the tasks of
 * the timers that fell due (LISTEN/NOTIFY for new ones, a poll for those scheduled earlier).
 *
 * - Signals are ours: the CLI's handlers stop the adapter, which stops this (noHandleSignals).
 * - Logs go through our pino logger, without payloads (worker-log.ts).
 * - A task that throws is retried by graphile-worker with its backoff (exp(attempts) seconds, at
 *   most about 6 h); after maxAttempts the job stays in the queue, failed, and is logged at error.
 * - stop() drains: no new job is taken, the running ones finish.
 * - With a pool registry, the jobs of a pool whose process died are released at once and every
 *   minute, not after graphile-worker's 4 hours (pool-liveness.ts).
 */
import { EventEmitter } from 'node:events';
import { parseCrontab, run, type Job, type Runner, type Task, type WorkerEvents } from 'graphile-worker';
import type { Logger } from '../platform/logging/logger.js';
import { AppError } from '../platform/errors/app-error.js';
import { TimerError, TimerErrorCode } from './timer-errors.js';
import { graphileLogger } from './worker-log.js';
import {
  RELEASE_DEAD_POOLS_CRONTAB,
  RELEASE_DEAD_POOLS_TASK,
  holdPoolLiveness,
  releaseDeadTimerPools,
  type PoolLiveness,
  type PoolRegistry,
} from './pool-liveness.js';

export type TimerTask = (payload: unknown) => Promise<void>;

export interface TimerWorkerOptions {
  /** The runtime role's connection string (no DDL; the migrations installed and granted the queue). */
  connectionString: string;
  /** The queue's schema (config timers.schema). */
  schema: string;
  concurrency: number;
  pollIntervalMs: number;
  /** Task name -> handler. A handler that throws is retried; it must be safe to run twice. */
  tasks: Record<string, TimerTask>;
  log: Logger;
  /** graphile-worker crontab lines, e.g. `0 3 * * * prune-retention` (real time, the process's time zone). */
  crontab?: string;
  /** Where the pool registers its liveness; without it, a dead pool's jobs wait graphile-worker's 4 hours. */
  registry?: PoolRegistry;
}

/** How long start waits for the pool's first registration before it goes on with a warning. */
const REGISTER_WAIT_MS = 10_000;

export interface TimerWorker {
  /** Takes no new timer, waits for the running ones, closes the pool. */
  stop(): Promise<void>;
}

/** The stable code of what a task threw: an AppError's code, a driver's (SQLSTATE), or ours. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : TimerErrorCode.TASK_FAILED;
}

/** What a failure line says: task, key, attempt, code; the text only of our own typed errors (no personal data). */
function failure(job: Job, error: unknown): Record<string, unknown> {
  return {
    component: 'timers',
    task: job.task_identifier,
    key: job.key,
    jobId: job.id,
    attempt: job.attempts,
    maxAttempts: job.max_attempts,
    errorCode: codeOf(error),
    ...(error instanceof AppError
      ? { error: error.message }
      : { errorType: (error as Error | null)?.name ?? typeof error }),
  };
}

function watchFailures(events: WorkerEvents, log: Logger): void {
  events.on('job:error', ({ job, error }) => {
    if (job.attempts < job.max_attempts) log.warn(failure(job, error), 'timer task failed; it is retried with backoff');
  });
  events.on('job:failed', ({ job, error }) => {
    log.error(
      failure(job, error),
      'timer task failed for the last time and stays failed in the queue: ' +
        'fix the cause, then schedule the timer again (same key)',
    );
  });
}

/** Starts the worker; resolves once it is connected (the queue's schema checked) and taking jobs. */
export async function startTimerWorker(o: TimerWorkerOptions): Promise<TimerWorker> {
  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(o.tasks)) taskList[name] = async (payload) => handler(payload);
  const cronItems = parseCrontab(o.crontab ?? '');
  const unknown = cronItems.filter((c) => !(c.task in taskList)).map((c) => c.task);
  if (unknown.length > 0) {
    throw new TimerError(
      TimerErrorCode.WORKER_START_FAILED,
      `The crontab names tasks the worker does not have: ${unknown.join(', ')}. ` +
        "Add them to the worker's tasks or remove the lines.",
      { tasks: unknown },
    );
  }
  const events: WorkerEvents = new EventEmitter();
  watchFailures(events, o.log);
  let poolId: string | null = null;
  events.on('pool:create', ({ workerPool }) => (poolId = workerPool.id));
  if (o.registry) {
    const registry = o.registry;
    taskList[RELEASE_DEAD_POOLS_TASK] = async () => {
      await releaseDeadTimerPools(registry, o.schema, o.log);
    };
    cronItems.push(...parseCrontab(RELEASE_DEAD_POOLS_CRONTAB));
  }
  let runner: Runner;
  try {
    runner = await run({
      connectionString: o.connectionString,
      schema: o.schema,
      concurrency: o.concurrency,
      // The LISTEN connection and a spare for completing jobs, besides one per running task.
      maxPoolSize: o.concurrency + 2,
      pollInterval: o.pollIntervalMs,
      noHandleSignals: true,
      logger: graphileLogger(o.log),
      events,
      taskList,
      // Always given: graphile-worker would otherwise read a `crontab` file from the working directory.
      parsedCronItems: cronItems,
      // Unbatched, graphile-worker does not await a job's completion before stop() resolves (the
      // job would stay locked for 4 h after an exit); batched with no delay, the shutdown flushes it.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    });
  } catch (err) {
    throw new TimerError(
      TimerErrorCode.WORKER_START_FAILED,
      `The timer worker could not start on schema ${o.schema}: ${(err as Error).message}. Check that the ` +
        'database answers and that the migrations ran (npm run migrate) with the same TIMERS_SCHEMA.',
      { schema: o.schema },
      { cause: err },
    );
  }
  runner.promise.catch((err: unknown) =>
    o.log.error(
      { component: 'timers', errorCode: codeOf(err), err },
      'timer worker stopped on an error; timers wait until it is restarted',
    ),
  );
  const liveness = o.registry && poolId ? holdPoolLiveness(o.connectionString, o.registry, poolId, o.log) : null;
  if (o.registry && !liveness)
    o.log.warn({ component: 'timers' }, 'graphile-worker named no pool id: the pool runs without its liveness');
  if (o.registry && liveness) await startLiveness(o.registry, o.schema, liveness, o.log);
  o.log.info(
    { component: 'timers', schema: o.schema, tasks: Object.keys(taskList), cron: cronItems.length },
    'timer worker started',
  );
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= runner
        .stop()
        .then(() => liveness?.close())
        .then(() => o.log.info({ component: 'timers' }, 'timer worker stopped'));
      return stopping;
    },
  };
}

/** Waits (bounded) for the pool's registration, then releases what dead predecessors left locked. */
async function startLiveness(registry: PoolRegistry, timersSchema: string, live: PoolLiveness, log: Logger) {
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    live.registered.then(() => true),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), REGISTER_WAIT_MS))),
  ]);
  clearTimeout(timer);
  if (!waited) log.warn({ component: 'timers' }, 'the timer pool has not registered its liveness yet; going on');
  await releaseDeadTimerPools(registry, timersSchema, log).catch((err: unknown) =>
    log.warn({ component: 'timers', err }, 'releasing the jobs of dead timer pools failed; the minute job tries again'),
  );
}
