import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startAdapter, type RunningAdapter } from '../adapter/adapter.js';
import type { AppConfig } from '../platform/config/schema.js';
import { startInfrastructure } from '../local/infra/launcher.js';
import { superviseChild, type ServiceProcess } from '../local/infra/process.js';
import type { Logger } from '../platform/logging/logger.js';
import { infrastructureEnv, withInfrastructure } from './effective-config.js';
import { orderedStopSignals } from './signals.js';

/** The stand-ins `start` runs, each as a process of its own (the systems we do not own). */
const STAND_INS = ['gateway-stub', 'college-simulator', 'courier-simulator'] as const;

/**
 * `start`: the whole system on one machine: the infrastructure (given, containers or local
 * processes), the migrations, the adapter, and the stand-ins (gateway stub, college and courier
 * simulators) as processes of their own. `withStandIns=false` (command `adapter`) runs the
 * adapter alone against the configured services.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops it in order: the adapter drains and stops first, then the
 * stand-ins get SIGTERM and are awaited, then the infrastructure stops (Kafka, the registry,
 * PostgreSQL). The stand-ins and the services run in process groups of their own, so the
 * terminal's Ctrl-C reaches this process alone; nothing is cut off under a client still using it.
 * A signal during the start-up is kept: the system stops once it is up. A second Ctrl-C (a second
 * or more after the first) exits at once; the exit hooks of process.ts kill what still runs.
 */
export async function runStart(config: AppConfig, log: Logger, withStandIns: boolean): Promise<void> {
  const signals = orderedStopSignals((signal) => {
    log.warn({ signal }, 'second signal: not waiting for the ordered stop; killing what still runs');
    process.exit(130);
  });
  let up = false;
  void signals.first.then((signal) => {
    if (!up) log.info({ signal }, 'stop requested: stopping once the system is up');
  });
  const system = await startSystem(config, log, withStandIns);
  up = true;
  const signal = await signals.first;
  log.info({ signal }, 'stopping: the adapter first, then the stand-ins, then the infrastructure');
  await system.stop();
  signals.dispose();
}

/** The system as `start` runs it, up: its effective configuration, the adapter, and the ordered stop. */
export interface RunningSystem {
  readonly config: AppConfig;
  readonly adapter: RunningAdapter;
  /** The adapter, then the stand-ins, then the infrastructure. */
  stop(): Promise<void>;
}

/** Starts what `start` runs (see runStart) and returns once it all runs. */
export async function startSystem(config: AppConfig, log: Logger, withStandIns: boolean): Promise<RunningSystem> {
  const infra = await startInfrastructure(config, log);
  const effective = withSharedClock(withInfrastructure(config, infra));
  const adapter = await startAdapter(effective, log);
  // SIGHUP: read the calendar directory again (as a file change does when calendar.watch is on).
  const onHup = () => adapter.reloadCalendar();
  process.on('SIGHUP', onHup);
  const env = { ...process.env, ...infrastructureEnv(infra), ...clockEnv(effective) };
  const standIns = withStandIns ? STAND_INS.map((name) => spawnStandIn(name, env)) : [];
  log.info(
    {
      mode: infra.mode,
      kafka: infra.kafkaBrokers,
      registry: infra.registryUrl,
      standIns: Object.fromEntries(STAND_INS.map((n, i) => [n, standIns[i]?.child.pid ?? 'not started'])),
    },
    'system running; Ctrl-C stops it',
  );
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    process.off('SIGHUP', onHup);
    await adapter.stop();
    if (standIns.length > 0) {
      await Promise.all(standIns.map((s) => s.stop()));
      log.info({ standIns: standIns.map((s) => s.name) }, 'stand-ins stopped');
    }
    await infra.stop();
    log.info('infrastructure stopped');
  };
  return { config: effective, adapter, stop: () => (stopping ??= stop()) };
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

/**
 * A stand-in in a process group of its own (the terminal's Ctrl-C is for `start`, which sends it
 * SIGTERM in its turn), writing to this terminal. It is killed when this process exits without
 * stopping it, and it stops by itself when the IPC channel to this process closes (this process
 * was killed hard): no orphan either way.
 */
function spawnStandIn(name: string, env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./main.ts', import.meta.url)), name],
    { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true },
  );
  // The channel is only there to tell the child when this process is gone.
  child.channel?.unref();
  return superviseChild(name, child, { graceMs: 10_000 });
}
