/**
 * The durable timer queue's schema: graphile-worker's own tables and functions, installed by the
 * owner role as a step of the migrations, and the runtime role's rights on them.
 *
 * Why a step and not a numbered file: graphile-worker numbers and applies its own forward-only
 * migrations (its `migrations` table). Run on every migrateToLatest, an upgrade of the library
 * brings its new migrations in with the owner role; a numbered file would run them once, and the
 * worker (runtime role, no DDL) would then fail on the next upgrade.
 *
 * Why policies: graphile-worker enables row level security on its tables (so that an API layer
 * over the database cannot read jobs). The owner bypasses it; the runtime role sees and writes
 * rows only through a policy naming it.
 */
import type { Knex } from 'knex';
import pg from 'pg';
import { Logger as GraphileLogger, runMigrations } from 'graphile-worker';
import { AppError } from '../errors/app-error.js';

export interface TimerQueueSchema {
  /** Schema of the queue, e.g. `tvet_timers`. */
  schema: string;
  /** The role the worker and the adapter's transactions run as. */
  runtimeRole: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** graphile-worker's migration messages are debug detail; the worker logs a version mismatch itself. */
const quiet = new GraphileLogger(() => () => undefined);

/** The owner's connection settings, for graphile-worker's own pool (it migrates on its own client). */
function ownerConnection(owner: Knex): pg.PoolConfig {
  const conn = (owner.client as { config: Knex.Config }).config.connection;
  if (typeof conn === 'string') return { connectionString: conn, max: 1 };
  // knex keeps the password as a non-enumerable property (out of logs): copy it by name.
  if (conn && typeof conn === 'object')
    return { ...(conn as pg.PoolConfig), password: (conn as pg.PoolConfig).password, max: 1 };
  throw new AppError(
    'TIMER_QUEUE_INSTALL_FAILED',
    'The migration connection has no connection string or settings to install the timer queue with; ' +
      'connect with a postgres:// URL (DATABASE_URL).',
  );
}

/** The highest graphile-worker migration applied in `schema`, or null before the first. */
async function selectQueueRevision(owner: Knex, schema: string): Promise<number | null> {
  try {
    const { rows } = await owner.raw<{ rows: Array<{ id: number | null }> }>(
      'SELECT max(id) AS id FROM ??.migrations',
      [schema],
    );
    return rows[0]?.id ?? null;
  } catch (err) {
    // 3F000 no such schema, 42P01 no such table: nothing installed yet.
    if (['3F000', '42P01'].includes((err as { code?: string }).code ?? '')) return null;
    throw err;
  }
}

/**
 * The runtime role's rights, granted again after every install (idempotent): USAGE on the schema,
 * DML on the tables and a policy on each one with row level security, SELECT only on graphile-
 * worker's migrations table and on views, USAGE on the sequences (identity columns), EXECUTE on
 * the functions (add_jobs, remove_job, complete_jobs...). No CREATE: the role cannot do DDL there.
 */
function grantsSql(schema: string, role: string): string {
  return `
    DO $$
    DECLARE r record;
    BEGIN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', '${schema}', '${role}');
      EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', '${schema}', '${role}');
      FOR r IN SELECT c.relname, c.relkind, c.relrowsecurity FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = '${schema}' AND c.relkind IN ('r', 'v') LOOP
        IF r.relkind = 'v' OR r.relname = 'migrations' THEN
          EXECUTE format('GRANT SELECT ON %I.%I TO %I', '${schema}', r.relname, '${role}');
        ELSE
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I', '${schema}', r.relname, '${role}');
        END IF;
        IF r.relrowsecurity AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = '${schema}'
            AND p.tablename = r.relname AND p.policyname = '${role}_rows') THEN
          EXECUTE format('CREATE POLICY %I ON %I.%I TO %I USING (true) WITH CHECK (true)',
                         '${role}_rows', '${schema}', r.relname, '${role}');
        END IF;
      END LOOP;
      EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', '${schema}', '${role}');
      EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', '${schema}', '${role}');
    END $$;`;
}

/**
 * Installs or upgrades graphile-worker's schema as the owner role and grants the runtime role
 * what the worker and add_jobs need. Returns the queue's revision when this call changed it,
 * null when it was already current. Safe from several processes at once (graphile-worker's
 * migrations detect a concurrent install; the grants run under a transaction lock).
 */
export async function installTimerQueue(owner: Knex, q: TimerQueueSchema): Promise<number | null> {
  for (const [what, id] of [
    ['timers.schema', q.schema],
    ['database.runtimeRole', q.runtimeRole],
  ] as const) {
    if (!IDENTIFIER.test(id)) {
      throw new AppError(
        'TIMER_QUEUE_INSTALL_FAILED',
        `${what} "${id}" is not a lower-case SQL identifier; fix the configuration.`,
        { key: what },
      );
    }
  }
  const before = await selectQueueRevision(owner, q.schema);
  const pool = new pg.Pool(ownerConnection(owner));
  // graphile-worker wants handlers on a pool it is given; its errors surface through runMigrations.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await runMigrations({ pgPool: pool, schema: q.schema, logger: quiet });
  } catch (err) {
    throw new AppError(
      'TIMER_QUEUE_INSTALL_FAILED',
      `Installing the timer queue (graphile-worker) in schema ${q.schema} failed: ${(err as Error).message}. ` +
        'The migration role needs CREATE on the database; check it, then run the migrations again.',
      { schema: q.schema },
      { cause: err },
    );
  } finally {
    await pool.end();
  }
  await owner.transaction(async (tx) => {
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`timer-queue-grants:${q.schema}`]);
    await tx.raw(grantsSql(q.schema, q.runtimeRole));
  });
  const after = await selectQueueRevision(owner, q.schema);
  return after !== before ? after : null;
}
