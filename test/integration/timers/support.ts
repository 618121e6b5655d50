/**
 * Shared by the timer tests: a captured pino logger, a bounded wait, and a recorder of task runs.
 * Each test file opens its own database schema (openQueriesDb), and so its own timer queue schema.
 */
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, type Logger } from '../../../src/platform/logging/logger.js';

export interface CapturedLog {
  log: Logger;
  lines(): Array<Record<string, unknown>>;
  text(): string;
}

export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  const text = () => chunks.join('');
  return {
    log: createLogger({ level: 'debug', name: 'timers-test', destination }),
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

export interface Run {
  task: string;
  payload: Record<string, unknown>;
  /** Real time when the handler started. */
  at: number;
}

/** Task handlers that record their runs; `key` of a run is its payload's `key`. */
export class Runs {
  readonly all: Run[] = [];
  handler(task: string, body?: (payload: Record<string, unknown>) => Promise<void>) {
    return async (payload: unknown) => {
      this.all.push({ task, payload: payload as Record<string, unknown>, at: Date.now() });
      await body?.(payload as Record<string, unknown>);
    };
  }
  of(key: string): Run[] {
    return this.all.filter((r) => r.payload.key === key);
  }
}
