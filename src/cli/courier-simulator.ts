/**
 * `courier-simulator`: the courier stand-in as its own process. Answers courier.orders.v1 with
 * PICKED_UP and DELIVERED on courier.events.v1 until SIGINT or SIGTERM, then stops cleanly (events
 * not yet due are sent after the next start: their offsets were not committed). Also runnable
 * directly: `npx tsx src/cli/courier-simulator.ts` (configuration from config/*.json and the
 * environment).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCourierSimulator } from '../local/courier-simulator/simulator.js';
import { loadConfig } from '../platform/config/load.js';
import { createLogger } from '../platform/logging/logger.js';
import { untilSignal } from './signals.js';

export async function runCourierSimulatorCommand(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({
    level: config.log.level,
    format: config.log.format,
    name: `${config.serviceName}-courier-simulator`,
  });
  const sim = await startCourierSimulator(config, log);
  log.info(
    {
      ordersTopic: sim.ordersTopic,
      eventsTopic: sim.eventsTopic,
      clock: config.clock,
      settings: config.courierSimulator,
    },
    'courier simulator ready',
  );
  const signal = await untilSignal();
  log.info({ signal }, 'courier simulator stopping');
  await sim.stop();
  log.info({ stats: sim.stats() }, 'courier simulator stopped');
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCourierSimulatorCommand().then(
    () => process.exit(0),
    (err: unknown) => {
      const e = err as { code?: string; message?: string };
      process.stderr.write(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
