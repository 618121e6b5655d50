/**
 * The timer queue's schema on real PostgreSQL: installed by the owner with the migrations, used by
 * the runtime role (rows and functions only, no DDL), and the worker connects as that role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../src/platform/clock/clock.js';
import { migrateToLatest } from '../../../src/platform/db/migrate.js';
import { countPendingTimers, scheduleTimers } from '../../../src/timers/timer-queue.js';
import { startTimerWorker } from '../../../src/timers/worker.js';
import { isolatedConfig } from '../../support/isolation.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { Runs, captureLog, waitFor } from './support.js';

let db: QueriesDb;
const config = isolatedConfig('timers-schema');
const clock = createClock(config.clock);

beforeAll(async () => {
  db = await openQueriesDb('timers-schema');
});
afterAll(() => db.close());

describe('the timer queue schema', () => {
  it('is installed beside the tables by the migrations, and a second run changes nothing', async () => {
    expect(db.timersSchema).toBe(`${db.schema}_timers`);
    const tables = await db
      .owner('information_schema.tables')
      .where({ table_schema: db.timersSchema })
      .pluck('table_name');
    expect(tables).toEqual(
      expect.arrayContaining(['_private_jobs', '_private_tasks', '_private_job_queues', 'migrations', 'jobs']),
    );
    const ctx = {
      schema: db.schema,
      runtimeRole: config.database.runtimeRole,
      runtimePassword: config.database.runtimePassword,
      timersSchema: db.timersSchema,
    };
    expect(await migrateToLatest(db.owner, ctx)).toEqual([]);
  });

  it("refuses DDL to the runtime role: no table, no drop, no change of graphile-worker's migrations", async () => {
    const s = db.timersSchema;
    await expect(db.runtime.raw(`CREATE TABLE ${s}.sneaky (id int)`)).rejects.toThrow(/permission denied/);
    await expect(
      db.runtime.raw(`CREATE FUNCTION ${s}.sneaky() RETURNS int AS 'SELECT 1' LANGUAGE sql`),
    ).rejects.toThrow(/permission denied/);
    await expect(db.runtime.raw(`DROP TABLE ${s}._private_jobs`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(db.runtime.raw(`ALTER TABLE ${s}._private_jobs ADD COLUMN x int`)).rejects.toThrow(
      /must be owner|permission denied/,
    );
    await expect(db.runtime.raw(`DELETE FROM ${s}.migrations`)).rejects.toThrow(/permission denied/);
    const { rows } = await db.runtime.raw(`SELECT count(*)::int AS n FROM ${s}.migrations`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("lets the runtime role add and see jobs through graphile-worker's row level security", async () => {
    await scheduleTimers(db.runtime, db.timersSchema, clock, [
      { task: 'schema-probe', key: 'probe-1', runAt: new Date(clock.now().getTime() + 3_600_000), payload: {} },
    ]);
    expect(await countPendingTimers(db.runtime, db.timersSchema)).toBe(1);
    const { rows: rls } = await db.owner.raw(
      `SELECT relrowsecurity FROM pg_class WHERE oid = '${db.timersSchema}._private_jobs'::regclass`,
    );
    expect(rls[0].relrowsecurity).toBe(true);
    const { rows } = await db.runtime.raw(`SELECT key FROM ${db.timersSchema}._private_jobs`);
    expect(rows).toEqual([{ key: 'probe-1' }]);
  });

  it('runs the worker as the runtime role: every connection of its pool is that role; it completes a job', async () => {
    const appName = `timers-${config.testId}`;
    const url = new URL(db.runtimeUrl);
    url.searchParams.set('application_name', appName);
    const runs = new Runs();
    const { log } = captureLog();
    const worker = await startTimerWorker({
      connectionString: url.toString(),
      schema: db.timersSchema,
      concurrency: 1,
      pollIntervalMs: 100,
      tasks: { 'as-runtime': runs.handler('as-runtime') },
      log,
    });
    try {
      await scheduleTimers(db.runtime, db.timersSchema, clock, [
        { task: 'as-runtime', key: 'rt-1', runAt: clock.now(), payload: { key: 'rt-1' } },
      ]);
      await waitFor('the job to run', () => runs.of('rt-1')[0]);
      const sessions = await db.owner('pg_stat_activity').where({ application_name: appName }).select('usename');
      expect(sessions.length).toBeGreaterThan(0);
      expect(new Set(sessions.map((s) => s.usename))).toEqual(new Set([config.database.runtimeRole]));
      const left = await waitFor('the job to complete', async () => {
        const { rows } = await db.owner.raw(
          `SELECT count(*)::int AS n FROM ${db.timersSchema}._private_jobs WHERE key = 'rt-1'`,
        );
        return rows[0].n === 0 ? rows[0].n : undefined;
      });
      expect(left).toBe(0);
    } finally {
      await worker.stop();
    }
  });

  it('refuses to start the worker on a schema the migrations never installed, saying what to run', async () => {
    const { log } = captureLog();
    const start = startTimerWorker({
      connectionString: db.runtimeUrl,
      schema: `${db.schema}_nowhere`,
      concurrency: 1,
      pollIntervalMs: 100,
      tasks: {},
      log,
    });
    await expect(start).rejects.toMatchObject({
      code: 'TIMER_WORKER_START_FAILED',
      message: expect.stringMatching(/npm run migrate/),
    });
  });
});
