/**
 * The launcher's PostgreSQL hands out a least-privilege owner (issue 12 item 9): not the
 * superuser, no default password, yet able to run every migration (it creates the runtime role).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../../src/local/infra/postgres.js';
import { migrateToLatest } from '../../../src/platform/db/migrate.js';
import { connect } from '../../../src/platform/db/connect.js';

let running: RunningPostgres;

beforeAll(async () => {
  running = await startPostgres();
}, 120_000);
afterAll(async () => {
  await running?.stop();
});

describe('the launcher PostgreSQL owner role', () => {
  it('is not a superuser and has a password of its own', async () => {
    const url = new URL(running.url);
    expect(url.username).toBe('tvet_owner');
    expect(['postgres', 'tvet_owner', 'tvet_runtime']).not.toContain(url.password);
    const client = new pg.Client({ connectionString: running.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ rolsuper: boolean; rolcreaterole: boolean }>(
        'SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user',
      );
      expect(rows).toEqual([{ rolsuper: false, rolcreaterole: true }]);
    } finally {
      await client.end();
    }
  });

  it('runs every migration, the runtime role and the timer queue included', async () => {
    const ctx = { schema: 'owner_check', runtimeRole: 'tvet_runtime', runtimePassword: 'owner-check-secret' };
    const owner = connect({ url: running.url, schema: ctx.schema });
    try {
      await migrateToLatest(owner, { ...ctx, timersSchema: 'owner_check_timers' });
      const tables = await owner.raw<{ rows: unknown[] }>(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = 'owner_check' AND table_name = 'applications'",
      );
      expect(tables.rows).toHaveLength(1);
    } finally {
      await owner.destroy();
    }
  });
});
