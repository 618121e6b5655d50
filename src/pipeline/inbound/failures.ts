/**
 * What an error while handling one message means for the consumer:
 *
 * - an **outage** (PostgreSQL, the schema registry or Kafka unreachable or refusing for a reason
 *   that passes): nothing is parked, the batch is run again, as often as it takes;
 * - **bad input** (a RejectedInputError, PostgreSQL data and constraint errors, SQLSTATE classes
 *   22 and 23): the message is parked at once with its code;
 * - anything else (a handler that throws a TypeError on a record it cannot map, a value the
 *   database cannot index, a bug): the batch is run again a bounded number of times, then the
 *   message is parked as HANDLER_FAILED, so a partition never stalls on one message.
 *
 * The texts written to dead letters never quote an error's message when the error is not ours:
 * PostgreSQL's and the JavaScript engine's messages may quote the data (personal data).
 */
import { AppError } from '../../platform/errors/app-error.js';
import type { DeadLetterReason } from './dead-letter.js';
import { RejectedInputError } from './rejected-input.js';

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  originalError?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  stack?: unknown;
};

/** The error and its causes (cause, originalError, the errors of an aggregate), at most 8 deep. */
export function errorChain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && out.length < 8) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || out.includes(e as ErrorLike)) continue;
    const x = e as ErrorLike;
    out.push(x);
    queue.push(x.cause, x.originalError);
    if (Array.isArray(x.errors)) queue.push(...x.errors);
  }
  return out;
}

/** SQLSTATEs of a transaction that lost a lock conflict: run it again. */
export function isLockConflict(err: unknown): boolean {
  return errorChain(err).some((e) => e.code === '40001' || e.code === '40P01');
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * PostgreSQL connection exceptions (08), insufficient resources (53), operator intervention and
 * shutdowns (57, statement timeouts included), system errors (58), lock conflicts (40001, 40P01,
 * 40003) and lock_not_available (55P03); a socket that fails; the pool's acquire timeout; the
 * registry unreachable, timing out or answering 5xx/429; any kafkajs error.
 */
export function isOutage(err: unknown): boolean {
  return errorChain(err).some((e) => {
    const code = typeof e.code === 'string' ? e.code : '';
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (/^(08|53|57|58)[0-9A-Z]{3}$/.test(code) || ['40001', '40P01', '40003', '55P03'].includes(code)) return true;
    if (NETWORK_CODES.has(code)) return true;
    if (code === 'REGISTRY_TIMEOUT' || code === 'REGISTRY_UNREACHABLE') return true;
    if (typeof e.status === 'number' && (e.status >= 500 || e.status === 429)) return true;
    if (name === 'KnexTimeoutError' || name.startsWith('KafkaJS')) return true;
    return /Connection terminated|connection timeout|Client has encountered a connection error|socket hang up/i.test(
      message,
    );
  });
}

/** An outage as thrown to kafkajs: retriable, so kafkajs runs the batch again (and restarts the consumer). */
export class InboundOutageError extends AppError {
  readonly retriable = true;
}

export function asOutage(err: unknown, where: string): InboundOutageError {
  if (err instanceof InboundOutageError) return err;
  return new InboundOutageError(
    'INBOUND_OUTAGE',
    `${where}: ${describeError(err)}; the batch is run again, nothing is parked.`,
    {},
    { cause: err },
  );
}

const CONDITIONS: Record<string, string> = {
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22021': 'character_not_in_repertoire',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '54000': 'program_limit_exceeded',
};

/** Where an error was thrown: the first frame in this project's sources, relative to src/. */
function frameOf(e: ErrorLike): string | null {
  if (typeof e.stack !== 'string') return null;
  for (const line of e.stack.split('\n').slice(1)) {
    if (line.includes('node_modules')) continue;
    const m = /\/(src\/[^\s:)]+):(\d+)/.exec(line);
    if (m) return `${m[1]}:${m[2]}`;
  }
  return null;
}

/**
 * An error as a text that names it without quoting data: our own errors (AppError) by code and
 * message (we write those without values); a PostgreSQL error by SQLSTATE, condition, table,
 * column and constraint; any other error by its class and where it was thrown.
 */
export function describeError(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  if (err instanceof AppError) return `${err.code}: ${err.message}`;
  const code = typeof e.code === 'string' ? e.code : null;
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const parts = [`SQLSTATE ${code}${CONDITIONS[code] ? ` ${CONDITIONS[code]}` : ''}`];
    if (typeof e.table === 'string') parts.push(`table ${e.table}`);
    if (typeof e.column === 'string') parts.push(`column ${e.column}`);
    if (typeof e.constraint === 'string') parts.push(`constraint ${e.constraint}`);
    return parts.join(', ');
  }
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const where = frameOf(e);
  return `${name}${code ? ` ${code}` : ''}${where ? ` at ${where}` : ''}`;
}

/** An error and its causes, each described as by {@link describeError}: for log lines. */
export function describeChain(err: unknown): string {
  return errorChain(err).map(describeError).join(' <- ');
}

function reasonOfRejection(err: RejectedInputError): DeadLetterReason {
  const path = (err.details as { path?: unknown }).path;
  return { code: err.code, text: err.message, path: typeof path === 'string' ? path : null };
}

/**
 * Whether a handler's error is about the input (park it now) or not: a RejectedInputError and
 * PostgreSQL data or constraint errors (SQLSTATE classes 22 and 23: a value too long, a NUL
 * character, a broken check) are the input's; null for anything else.
 */
export function inputErrorReason(err: unknown): DeadLetterReason | null {
  if (err instanceof RejectedInputError) return reasonOfRejection(err);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) {
    return {
      code: `DATA_REJECTED_${code}`,
      text: `The database refused the message's data (${describeError(err)}). Fix the sender's data, then replay.`,
    };
  }
  return null;
}

/** The reason of a message whose handling failed `attempts` times, neither for bad input nor for an outage. */
export function handlerFailureReason(err: unknown, attempts: number): DeadLetterReason {
  return {
    code: 'HANDLER_FAILED',
    text:
      `Handling this message failed ${attempts} times (${describeError(err)}); it was set aside so that the ` +
      'partition goes on. Find the cause in the adapter (or the record), fix it, then replay the dead letter.',
  };
}
