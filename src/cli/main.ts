#!/usr/bin/env node
import { loadConfig } from '../platform/config/load.js';
import { createLogger } from '../platform/logging/logger.js';
import { startTracing, type Tracing } from '../platform/observability/tracing.js';
async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  // The adapter's traces start before any module that loads pg (the command table does): the pg
  // instrumentation patches pg as it is loaded.
  const traced = name === 'start' || name === 'adapter';
  const early = traced ? loadConfig() : null;
  const tracing: Tracing | null = early ? startTracing(early) : null;
  const { commands } = await import('./command-table.js');
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write(
      `usage: npm run cli -- <command> [args]\n\n${Object.entries(commands)
        .map(([n, c]) => `  ${n.padEnd(24)} ${c.help}`)
        .join('\n')}\n`,
    );
    process.exit(name ? 2 : 0);
  }
  const config = early ?? loadConfig();
  const log = createLogger({
    level: config.log.level,
    format: config.log.format,
    name: `${config.serviceName}${traced ? '' : `-${name}`}`,
  });
  try {
    await cmd.run(config, log, args);
  } finally {
    // The spans still buffered are sent before the process exits.
    await tracing?.shutdown().catch((err: unknown) => log.warn({ err }, 'traces could not be flushed'));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const e = err as { code?: string; message?: string };
    process.stderr.write(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}\n`);
    process.exit(1);
  },
);
