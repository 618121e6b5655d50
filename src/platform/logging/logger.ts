import pino, { type DestinationStream, type Logger } from 'pino';
import { redactDeep, redactString } from './redact.js';

export type { Logger } from 'pino';

/**
 * The one way this project logs: pino, JSON lines, personal data masked in the logged objects
 * (formatters.log) and in message strings (hooks.logMethod).
 */
export function createLogger(opts: { level?: string; name?: string; destination?: DestinationStream } = {}): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? 'info',
    base: { service: opts.name ?? 'tvet-duplicate-adapter' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (obj) => redactDeep(obj) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const clean = args.map((a) => (typeof a === 'string' ? redactString(a) : a));
        return method.apply(this, clean as Parameters<typeof method>);
      },
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
