/**
 * One isolated schema per test file, migrated by the owner role and used through the runtime role
 * (the role the adapter runs with: rows only, no DDL). `close()` drops the schema.
 */
import type { Knex } from 'knex';
import { connect, runtimeUrl } from '../../../src/platform/db/connect.js';
import { migrateToLatest } from '../../../src/platform/db/migrate.js';
import { isolatedConfig } from '../../support/isolation.js';

export interface QueriesDb {
  /** The runtime role, search_path = the file's schema. */
  runtime: Knex;
  /** The owner role (migrations, cleanup). */
  owner: Knex;
  schema: string;
  /** The file's timer queue schema (`<schema>_timers`), installed by the migrations. */
  timersSchema: string;
  /** The runtime role's connection string (for the timer worker's own pool). */
  runtimeUrl: string;
  close(): Promise<void>;
}

export async function openQueriesDb(label: string): Promise<QueriesDb> {
  const config = isolatedConfig(label);
  const ctx = {
    schema: config.database.schema,
    runtimeRole: config.database.runtimeRole,
    runtimePassword: config.database.runtimePassword,
    timersSchema: config.timers.schema,
  };
  const owner = connect({ url: config.database.url, schema: ctx.schema });
  await migrateToLatest(owner, ctx);
  const runtimeDbUrl = runtimeUrl(config.database.url, ctx.runtimeRole, ctx.runtimePassword);
  const runtime = connect({ url: runtimeDbUrl, schema: ctx.schema });
  return {
    runtime,
    owner,
    schema: ctx.schema,
    timersSchema: ctx.timersSchema,
    runtimeUrl: runtimeDbUrl,
    async close() {
      await runtime.destroy();
      await owner.raw(`DROP SCHEMA IF EXISTS ${ctx.schema}, ${ctx.timersSchema} CASCADE`);
      await owner.destroy();
    },
  };
}

/** Whether a promise is still pending after `ms` (it keeps running either way). */
export async function stillPendingAfter(p: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  const winner = await Promise.race([
    p.then(
      () => null,
      () => null,
    ),
    new Promise((r) => setTimeout(() => r(pending), ms)),
  ]);
  return winner === pending;
}

/**
 * Retries `read` until `accept` holds or `timeoutMs` passes; returns the last value. For reads whose
 * answer depends on transactions of other sessions of the shared server ending (snapshot xmin).
 */
export async function eventually<T>(read: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (accept(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
