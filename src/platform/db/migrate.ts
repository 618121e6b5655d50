import type { Knex } from 'knex';
import * as m001 from './migrations/001_schema_and_roles.js';
import * as m002 from './migrations/002_saga_inbox_outbox.js';
import * as m003 from './migrations/003_identity_and_relay.js';
import * as m004 from './migrations/004_calendar_version.js';
import * as m005 from './migrations/005_event_log.js';
import * as m006 from './migrations/006_identity_in_state.js';
import * as m007 from './migrations/007_register_of_application.js';
import * as m008 from './migrations/008_dead_letter_payloads.js';
import * as m009 from './migrations/009_outbox_failed_rows.js';
import * as m010 from './migrations/010_inbox_digest.js';
import * as m011 from './migrations/011_term_met_of_application.js';
import * as m012 from './migrations/012_timer_pools.js';
import { installTimerQueue } from './timer-queue-schema.js';

export interface MigrationContext {
  schema: string;
  runtimeRole: string;
  runtimePassword: string;
  /** Schema of the durable timer queue (config timers.schema); default `<schema>_timers`. */
  timersSchema?: string;
}

type Step = (ctx: MigrationContext) => (knex: Knex) => Promise<void>;

/** Numbered, forward-only: append a file, never edit or remove one that has shipped. */
const MIGRATIONS: ReadonlyArray<[string, Step]> = [
  ['001_schema_and_roles', m001.up],
  ['002_saga_inbox_outbox', m002.up],
  ['003_identity_and_relay', m003.up],
  ['004_calendar_version', m004.up],
  ['005_event_log', m005.up],
  ['006_identity_in_state', m006.up],
  ['007_register_of_application', m007.up],
  ['008_dead_letter_payloads', m008.up],
  ['009_outbox_failed_rows', m009.up],
  ['010_inbox_digest', m010.up],
  ['011_term_met_of_application', m011.up],
  ['012_timer_pools', m012.up],
];

class ListSource implements Knex.MigrationSource<[string, Step]> {
  constructor(private readonly ctx: MigrationContext) {}
  getMigrations() {
    return Promise.resolve([...MIGRATIONS]);
  }
  getMigrationName(m: [string, Step]) {
    return m[0];
  }
  getMigration(m: [string, Step]) {
    const run = m[1](this.ctx);
    return Promise.resolve({
      up: run,
      down: () =>
        Promise.reject(new Error('migrations are forward-only: restore from backup or write a new migration')),
    });
  }
}

/**
 * Creates the schema if needed and applies every pending migration, then installs or upgrades the
 * timer queue (graphile-worker's own numbered migrations, see timer-queue-schema.ts). Returns the
 * names applied, with `timer_queue@<revision>` when the queue's schema changed.
 */
export async function migrateToLatest(knex: Knex, ctx: MigrationContext): Promise<string[]> {
  await knex.raw(`CREATE SCHEMA IF NOT EXISTS ${ctx.schema}`);
  const [, applied] = (await knex.migrate.latest({
    migrationSource: new ListSource(ctx),
    schemaName: ctx.schema,
    tableName: 'knex_migrations',
  })) as [number, string[]];
  const revision = await installTimerQueue(knex, { schema: timersSchemaOf(ctx), runtimeRole: ctx.runtimeRole });
  return revision === null ? applied : [...applied, `timer_queue@${revision}`];
}

/** The timer queue's schema of a migration context. */
export function timersSchemaOf(ctx: MigrationContext): string {
  return ctx.timersSchema || `${ctx.schema}_timers`;
}

export const migrationNames = MIGRATIONS.map(([n]) => n);
