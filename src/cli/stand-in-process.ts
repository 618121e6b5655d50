/**
 * What every stand-in process does (gateway stub, college and courier simulators): load the
 * configuration, start, log `<name> ready` with what it listens to, run until SIGINT or SIGTERM,
 * stop cleanly and log its counts. Also how each file runs when it is the process's entry.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../platform/config/schema.js';
import { loadConfig } from '../platform/config/load.js';
import { createLogger, type Logger } from '../platform/logging/logger.js';
import { untilSignal } from './signals.js';

export interface StandIn {
  stop(): Promise<void>;
  stats(): unknown;
}

export async function runStandIn<S extends StandIn>(
  name: string,
  start: (config: AppConfig, log: Logger) => Promise<S>,
  readyFields: (config: AppConfig, standIn: S) => Record<string, unknown>,
): Promise<void> {
  const config = loadConfig();
  const log = createLogger({
    level: config.log.level,
    format: config.log.format,
    name: `${config.serviceName}-${name.replaceAll(' ', '-')}`,
  });
  const standIn = await start(config, log);
  log.info(readyFields(config, standIn), `${name} ready`);
  const signal = await untilSignal();
  log.info({ signal }, `${name} stopping`);
  await standIn.stop();
  log.info({ stats: standIn.stats() }, `${name} stopped`);
}

function isEntryModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Runs `command` when the file at `moduleUrl` is the process's entry (`npx tsx src/cli/<file>.ts`). */
export function runIfEntry(moduleUrl: string, command: () => Promise<void>): void {
  if (!isEntryModule(moduleUrl)) return;
  command().then(
    () => process.exit(0),
    (err: unknown) => {
      const e = err as { code?: string; message?: string };
      process.stderr.write(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
