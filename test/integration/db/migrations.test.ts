import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { connect, runtimeUrl } from '../../../src/platform/db/connect.js';
import { migrateToLatest, migrationNames } from '../../../src/platform/db/migrate.js';
import { isolatedConfig } from '../../support/isolation.js';

const config = isolatedConfig('migrations');
const ctx = {
  schema: config.database.schema,
  runtimeRole: config.database.runtimeRole,
  runtimePassword: config.database.runtimePassword,
};
let owner: Knex;
let runtime: Knex;

beforeAll(() => {
  owner = connect({ url: config.database.url, schema: config.database.schema });
  runtime = connect({
    url: runtimeUrl(config.database.url, ctx.runtimeRole, ctx.runtimePassword),
    schema: config.database.schema,
  });
});
afterAll(async () => {
  await runtime.destroy();
  await owner.raw(`DROP SCHEMA IF EXISTS ${config.database.schema}, ${config.timers.schema} CASCADE`);
  await owner.destroy();
});

describe('migrations on real PostgreSQL', () => {
  it('apply every migration, in order, on an empty schema, and are a no-op the second time', async () => {
    expect(await migrateToLatest(owner, ctx)).toEqual([...migrationNames, expect.stringMatching(/^timer_queue@\d+$/)]);
    expect(await migrateToLatest(owner, ctx)).toEqual([]);
    const tables = await owner('information_schema.tables')
      .where({ table_schema: config.database.schema })
      .pluck('table_name');
    expect(tables).toEqual(expect.arrayContaining(['applications', 'inbox', 'outbox', 'knex_migrations']));
  });

  it('let the runtime role write and read rows: an application row round-trips', async () => {
    const state = { status: 'SUBMITTED', deadlines: { termEndDate: '2026-03-24' }, findings: [{ code: 'X' }] };
    await runtime('applications').insert({
      application_id: 'APP-1',
      channel: 'PORTAL',
      college_bin: '991240001234',
      status: 'SUBMITTED',
      state,
      term_end_date: '2026-03-24',
      term_ends_at: '2026-03-24T23:59:59.999+05:00',
    });
    const row = await runtime('applications').where({ application_id: 'APP-1' }).first();
    expect(row.state).toEqual(state);
    expect(row.channel).toBe('PORTAL');
    expect(new Date(row.term_ends_at).toISOString()).toBe('2026-03-24T18:59:59.999Z');
    expect(row.stage_seq).toBe(0);
  });

  it('refuse DDL to the runtime role', async () => {
    await expect(runtime.raw('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
    await expect(runtime.raw('DROP TABLE applications')).rejects.toThrow(/must be owner|permission denied/);
  });

  it('reject a row that breaks a constraint (unknown channel)', async () => {
    await expect(
      runtime('applications').insert({
        application_id: 'APP-2',
        channel: 'FAX',
        college_bin: '991240001234',
        status: 'X',
        state: {},
      }),
    ).rejects.toThrow(/check constraint/);
  });
});
