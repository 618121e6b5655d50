/**
 * `college-simulator`: the college stand-in as its own process. Answers college.applications.v1
 * with decisions on college.decisions.v1 until SIGINT or SIGTERM, then stops cleanly (answers not
 * yet due are answered after the next start: their offsets were not committed). Also runnable
 * directly: `npx tsx src/cli/college-simulator.ts` (configuration from config/*.json and the
 * environment).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCollegeSimulator } from '../local/college-simulator/simulator.js';
import { loadConfig } from '../platform/config/load.js';
import { createLogger } from '../platform/logging/logger.js';
import { untilSignal } from './signals.js';

export async function runCollegeSimulatorCommand(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({
    level: config.log.level,
    format: config.log.format,
    name: `${config.serviceName}-college-simulator`,
  });
  const sim = await startCollegeSimulator(config, log);
  log.info(
    {
      applicationsTopic: sim.applicationsTopic,
      decisionsTopic: sim.decisionsTopic,
      clock: config.clock,
      settings: config.collegeSimulator,
    },
    'college simulator ready',
  );
  const signal = await untilSignal();
  log.info({ signal }, 'college simulator stopping');
  await sim.stop();
  log.info({ stats: sim.stats() }, 'college simulator stopped');
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
  runCollegeSimulatorCommand().then(
    () => process.exit(0),
    (err: unknown) => {
      const e = err as { code?: string; message?: string };
      process.stderr.write(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
