#!/usr/bin/env node
import { loadConfig } from '../config/load.js';
import { createLogger } from '../logging/logger.js';
import { runInfra } from './infra.js';

const commands: Record<string, { help: string; run: (args: string[]) => Promise<void> }> = {
  infra: {
    help: 'start Kafka, the schema registry and PostgreSQL in the foreground and print their connection strings',
    run: async () => {
      const config = loadConfig();
      await runInfra(config, createLogger({ level: config.log.level }));
    },
  },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write(`usage: tvet-adapter <command>\n\n${Object.entries(commands).map(([n, c]) => `  ${n.padEnd(16)} ${c.help}`).join('\n')}\n`);
    process.exit(name ? 2 : 0);
  }
  await cmd.run(args);
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  process.stderr.write(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}\n`);
  process.exit(1);
});
