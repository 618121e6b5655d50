import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfraError } from './errors.js';

export interface ServiceProcess {
  name: string;
  logFile: string;
  child: ChildProcess;
  /** Sent at exit when the child is still running (SIGKILL unless the service asks otherwise). */
  exitSignal?: NodeJS.Signals;
  stop(): Promise<void>;
}

const running = new Set<ServiceProcess>();
const stoppables = new Set<{ name: string; stop(): Promise<void>; kill?: () => void }>();
let hooksInstalled = false;

/**
 * Something besides a child process to stop on Ctrl-C (e.g. embedded PostgreSQL); `kill`, when
 * given, runs synchronously at process exit (no async work is possible there). Returns an
 * unregister function.
 */
export function registerStoppable(name: string, stop: () => Promise<void>, kill?: () => void): () => void {
  installExitHooks();
  const entry = { name, stop, kill };
  stoppables.add(entry);
  return () => stoppables.delete(entry);
}

/**
 * On exit every child this process started is killed. On Ctrl-C / SIGTERM / SIGHUP, when nobody
 * else handles the signal (the `start` and `infra` commands do, and stop in order), the services
 * are stopped and the process exits with 128 + the signal number. Never on `beforeExit`: the
 * exit code is the caller's (vitest sets it when tests fail).
 */
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const s of running) s.child.kill(s.exitSignal ?? 'SIGKILL');
    for (const s of stoppables) s.kill?.();
  });
  const exitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
  for (const sig of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      if (process.listenerCount(sig) > 1) return;
      const all = [...[...running].map((s) => s.stop()), ...[...stoppables].map((s) => s.stop())];
      void Promise.allSettled(all).then(() => process.exit(exitCodes[sig]));
    };
    process.on(sig, onSignal);
  }
}

export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log written)';
  // Stack frames say little to an operator: keep the messages and 'Caused by' lines.
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^\s+(at |\.\.\. \d+ more)/.test(l))
    .slice(-lines)
    .join('\n');
}

export interface ProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user and group (embedded PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** What stop() sends first (SIGTERM; PostgreSQL: SIGINT, its fast shutdown). */
  stopSignal?: NodeJS.Signals;
  /** What is sent when this process exits without having stopped the child (SIGKILL). */
  exitSignal?: NodeJS.Signals;
}

/**
 * Starts a long-running child with stdout and stderr going to `logFile`, in a process group of its
 * own (`detached`): the terminal's Ctrl-C reaches only this process, which stops its children
 * itself, in order (the adapter before the services it uses). A child is never left behind: it is
 * killed when this process exits, and stopped on a bare signal (installExitHooks).
 */
export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  logFile: string,
  env?: NodeJS.ProcessEnv,
  cwd?: string,
  opts: Omit<ProcessOptions, 'env' | 'cwd'> = {},
): ServiceProcess {
  const out = openSync(logFile, 'a');
  const child = spawn(cmd, args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
    cwd,
    uid: opts.uid,
    gid: opts.gid,
    detached: true,
  });
  return superviseChild(name, child, { ...opts, logFile });
}

/**
 * Takes `child` into the set this process stops on a bare signal and kills at exit; stop() sends
 * `stopSignal`, waits up to `graceMs` for the exit, then SIGKILL.
 */
export function superviseChild(
  name: string,
  child: ChildProcess,
  opts: { logFile?: string; stopSignal?: NodeJS.Signals; exitSignal?: NodeJS.Signals; graceMs?: number } = {},
): ServiceProcess {
  installExitHooks();
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const svc: ServiceProcess = {
    name,
    logFile: opts.logFile ?? '(inherited output)',
    child,
    exitSignal: opts.exitSignal ?? 'SIGKILL',
    async stop() {
      running.delete(svc);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(opts.stopSignal ?? 'SIGTERM');
      // An unref'd timer: a pending grace period must not keep the caller's process alive.
      const done = await Promise.race([exited.then(() => true), sleep(opts.graceMs ?? 15_000, false, { ref: false })]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  running.add(svc);
  void exited.then(() => running.delete(svc));
  return svc;
}

/**
 * Freezes (SIGSTOP) or thaws (SIGCONT) a service started by startProcess, with every process of
 * its group (PostgreSQL's backends are the postmaster's children): for fault tests, a service that
 * keeps its sockets open and answers nothing.
 */
export function signalGroup(svc: ServiceProcess, signal: 'SIGSTOP' | 'SIGCONT'): void {
  const pid = svc.child.pid;
  if (pid === undefined || svc.child.exitCode !== null || svc.child.signalCode !== null) return;
  try {
    process.kill(-pid, signal);
  } catch {
    svc.child.kill(signal);
  }
}

/**
 * Polls `check` until it resolves true. Fails with a clear InfraError (and the log's tail) when the
 * process exits first or the timeout passes.
 */
export async function waitUntilReady(
  svc: ServiceProcess,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (svc.child.exitCode !== null || svc.child.signalCode !== null) {
      throw new InfraError(
        'INFRA_PROCESS_EXITED',
        `${svc.name} exited (code ${svc.child.exitCode ?? svc.child.signalCode}) before it was ready. Its log (${svc.logFile}) ends with:\n${tail(svc.logFile)}`,
        { service: svc.name, logFile: svc.logFile },
      );
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      await svc.stop();
      throw new InfraError(
        'INFRA_START_TIMEOUT',
        `${svc.name} was not ready within ${timeoutMs} ms. Raise INFRA_START_TIMEOUT_MS on a slow machine, or read its log (${svc.logFile}), which ends with:\n${tail(svc.logFile)}`,
        { service: svc.name, logFile: svc.logFile },
      );
    }
    await sleep(250);
  }
}

/** Runs a command to completion; rejects with its output when it fails. */
export function runToCompletion(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(
        new InfraError(
          'INFRA_COMMAND_FAILED',
          `${name}: cannot run ${cmd} (${err.message}). Is it installed and on PATH?`,
          { cmd },
        ),
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          new InfraError(
            'INFRA_COMMAND_FAILED',
            `${name} failed (exit ${code}): ${cmd} ${args.join(' ')}\n${output.split('\n').slice(-30).join('\n')}`,
            { cmd, code },
          ),
        );
    });
  });
}
