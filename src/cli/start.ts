import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startAdapter } from '../adapter/adapter.js';
import type { AppConfig } from '../platform/config/schema.js';
import { startInfrastructure } from '../local/infra/launcher.js';
import type { Logger } from '../platform/logging/logger.js';
import { infrastructureEnv, withInfrastructure } from './effective-config.js';
import { untilSignal } from './signals.js';

/** The stand-ins `start` runs, each as a process of its own (the systems we do not own). */
const STAND_INS = ['gateway-stub', 'college-simulator', 'courier-simulator'] as const;

/**
 * `start`: the whole system on one machine: the infrastructure (given, containers or local
 * processes), the migrations, the adapter, and the stand-ins (gateway stub, college and courier
 * simulators) as processes of their own. `withStandIns=false` (command `adapter`) runs the
 * adapter alone against the configured services.
 */
export async function runStart(config: AppConfig, log: Logger, withStandIns: boolean): Promise<void> {
  const infra = await startInfrastructure(config, log);
  const effective = withSharedClock(withInfrastructure(config, infra));
  const adapter = await startAdapter(effective, log);
  // SIGHUP: read the calendar directory again (as a file change does when calendar.watch is on).
  const onHup = () => adapter.reloadCalendar();
  process.on('SIGHUP', onHup);
  const env = { ...process.env, ...infrastructureEnv(infra), ...clockEnv(effective) };
  const children = withStandIns ? STAND_INS.map((name) => spawnCommand(name, env)) : [];
  log.info(
    {
      mode: infra.mode,
      kafka: infra.kafkaBrokers,
      registry: infra.registryUrl,
      standIns: Object.fromEntries(STAND_INS.map((n, i) => [n, children[i]?.pid ?? 'not started'])),
    },
    'system running; Ctrl-C stops it',
  );
  const signal = await untilSignal();
  log.info({ signal }, 'stopping');
  process.off('SIGHUP', onHup);
  const exited = Promise.all(children.map(untilExit));
  for (const child of children) child.kill('SIGTERM');
  await adapter.stop();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
  await infra.stop();
}

/**
 * A shifted or accelerated clock must start at the same real instant in every process of the run,
 * or the simulators answer on a clock that disagrees with the adapter's: without CLOCK_ANCHOR_AT
 * the anchor is now, for the adapter and the children alike.
 */
function withSharedClock(config: AppConfig): AppConfig {
  const { startAt, speed, anchorAt } = config.clock;
  if ((!startAt && speed === 1) || anchorAt) return config;
  return { ...config, clock: { ...config.clock, anchorAt: new Date().toISOString() } };
}

function clockEnv(config: AppConfig): Record<string, string> {
  return config.clock.anchorAt ? { CLOCK_ANCHOR_AT: config.clock.anchorAt } : {};
}

function spawnCommand(name: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL('./main.ts', import.meta.url)), name], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function untilExit(child: ChildProcess): Promise<unknown> {
  return child.exitCode === null && child.signalCode === null
    ? new Promise((r) => child.once('exit', r))
    : Promise.resolve();
}
