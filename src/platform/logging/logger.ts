import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { redactDeep, redactString } from './redact.js';

export type { Logger } from 'pino';

/** `pretty`: coloured lines for a person; `json`: one JSON object a line; `auto`: pretty on a terminal. */
export type LogFormat = 'pretty' | 'json' | 'auto';

/**
 * The one way this project logs: pino, personal data masked in the logged objects
 * (formatters.log) and in message strings (hooks.logMethod). Redaction happens in pino, before a
 * line is serialised, so the pretty format only ever sees the masked JSON line: both formats carry
 * the same redaction. `auto` writes pretty lines when the output is process.stdout on a terminal,
 * JSON otherwise (a pipe, a file, a given destination).
 */
export function createLogger(
  opts: { level?: string; name?: string; destination?: DestinationStream; format?: LogFormat } = {},
): Logger {
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
  const format = opts.format ?? 'json';
  const pretty = format === 'pretty' || (format === 'auto' && !opts.destination && process.stdout.isTTY === true);
  if (pretty) return pino(options, prettyDestination(opts.destination));
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/**
 * A destination that turns each (already masked) JSON line into a pretty one, synchronously, so no
 * line is lost when the process exits right after logging. Colours when the output is a terminal
 * that takes them (NO_COLOR and FORCE_COLOR are honoured).
 */
function prettyDestination(destination?: DestinationStream): DestinationStream {
  const out = destination ?? process.stdout;
  const prettify = prettyFactory({
    colorize: !destination && colorsWanted(),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'service',
    messageFormat: '{service}: {msg}',
    singleLine: false,
  });
  return { write: (line: string) => out.write(prettify(line)) };
}

function colorsWanted(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR) return process.env.FORCE_COLOR !== '0';
  return process.stdout.isTTY === true;
}
