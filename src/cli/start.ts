import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startAdapter } from '../adapter/adapter.js';
import type { AppConfig } from '../platform/config/schema.js';
import { startInfrastructure } from '../local/infra/launcher.js';
import type { Logger } from '../platform/logging/logger.js';
import { infrastructureEnv, withInfrastructure } from './effective-config.js';
import { untilSignal } from './signals.js';

/**
 * `start`: the whole system on one machine: the infrastructure (given, containers or local
 * processes), the migrations, the adapter, and the gateway stub as a process of its own.
 * `withStub=false` (command `adapter`) runs the adapter alone against the configured services.
 */
export async function runStart(config: AppConfig, log: Logger, withStub: boolean): Promise<void> {
  const infra = await startInfrastructure(config, log);
  const effective = withInfrastructure(config, infra);
  const adapter = await startAdapter(effective, log);
  // SIGHUP: read the calendar directory again (as a file change does when calendar.watch is on).
  const onHup = () => adapter.reloadCalendar();
  process.on('SIGHUP', onHup);
  const stub = withStub
    ? spawn(
        process.execPath,
        [...process.execArgv, fileURLToPath(new URL('./main.ts', import.meta.url)), 'gateway-stub'],
        {
          env: { ...process.env, ...infrastructureEnv(infra) },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      )
    : null;
  log.info(
    {
      mode: infra.mode,
      kafka: infra.kafkaBrokers,
      registry: infra.registryUrl,
      gatewayStub: stub ? stub.pid : 'not started',
    },
    'system running; Ctrl-C stops it',
  );
  const signal = await untilSignal();
  log.info({ signal }, 'stopping');
  process.off('SIGHUP', onHup);
  const stubExited = stub && stub.exitCode === null ? new Promise((r) => stub.once('exit', r)) : Promise.resolve();
  stub?.kill('SIGTERM');
  await adapter.stop();
  await Promise.race([stubExited, new Promise((r) => setTimeout(r, 10_000).unref())]);
  await infra.stop();
}
