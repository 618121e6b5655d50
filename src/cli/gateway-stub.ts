/**
 * `gateway-stub`: the e-government gateway stub as its own process. Answers identity requests
 * until SIGINT or SIGTERM, then stops cleanly. Also runnable directly:
 * `npx tsx src/cli/gateway-stub.ts` (configuration from config/*.json and the environment).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../platform/config/load.js';
import { startGatewayStub } from '../local/gateway-stub/stub.js';
import { createLogger } from '../platform/logging/logger.js';
import { untilSignal } from './signals.js';

export async function runGatewayStubCommand(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({
    level: config.log.level,
    format: config.log.format,
    name: `${config.serviceName}-gateway-stub`,
  });
  const stub = await startGatewayStub(config, log);
  const g = config.gatewayStub;
  log.info(
    {
      requestsTopic: stub.requestsTopic,
      responsesTopic: stub.responsesTopic,
      populationSize: g.populationSize,
      populationSeed: g.populationSeed,
      latencyMs: g.latencyMs,
      errorRate: g.errorRate,
      notFoundRate: g.notFoundRate,
      outages: g.outages,
    },
    'gateway stub ready',
  );
  const signal = await untilSignal();
  log.info({ signal }, 'gateway stub stopping');
  await stub.stop();
  log.info({ stats: stub.stats() }, 'gateway stub stopped');
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
  runGatewayStubCommand().then(
    () => process.exit(0),
    (err: unknown) => {
      const e = err as { code?: string; message?: string };
      process.stderr.write(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
