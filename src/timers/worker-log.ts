/**
 * graphile-worker's logger (@graphile/logger) on our pino logger. graphile-worker passes the job
 * (its payload included) and whole option objects as log metadata: none of that is logged. A line
 * keeps the message (pino masks IIN-, phone- and e-mail-shaped text in it) and a few scalar facts.
 */
import { Logger as GraphileLogger, type LogFunctionFactory, type LogLevel } from 'graphile-worker';
import type { Logger } from '../platform/logging/logger.js';

type LogScope = Parameters<LogFunctionFactory>[0];
type PinoLevel = 'error' | 'warn' | 'info' | 'debug';

const LEVELS: Record<LogLevel, PinoLevel> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };

/** What a line may carry: scope ids and the job's numbers, never its payload. */
export function safeMeta(scope: LogScope, meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (scope.label) out.label = scope.label;
  if (scope.workerId) out.workerId = scope.workerId;
  if (scope.taskIdentifier) out.task = scope.taskIdentifier;
  if (scope.jobId) out.jobId = scope.jobId;
  const job = meta.job as
    { id?: unknown; task_identifier?: unknown; key?: unknown; attempts?: unknown; max_attempts?: unknown } | undefined;
  if (job && typeof job === 'object') {
    out.jobId = job.id;
    out.task = job.task_identifier;
    if (job.key) out.key = job.key;
    out.attempts = job.attempts;
    out.maxAttempts = job.max_attempts;
  }
  const error = meta.error as { code?: unknown; name?: unknown } | undefined;
  if (error && typeof error === 'object') out.errorCode = error.code ?? error.name;
  for (const k of ['duration', 'attempts', 'max', 'concurrency'] as const) {
    if (typeof meta[k] === 'number') out[k] = meta[k];
  }
  return out;
}

/**
 * A graphile-worker Logger writing to `log`. Its per-attempt "Failed task" line is dropped (with
 * the error's text and stack in it): the worker logs each failure itself with the task, key and
 * code (worker.ts). "Completed task" lines, one per timer, go to debug.
 */
export function graphileLogger(log: Logger): GraphileLogger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    if (meta?.failure === true) return;
    const pinoLevel: PinoLevel = meta?.success === true ? 'debug' : (LEVELS[level] ?? 'info');
    log[pinoLevel]({ component: 'timers', ...safeMeta(scope, meta ?? {}) }, message);
  };
  return new GraphileLogger(factory);
}
