/**
 * The prune-retention task on real PostgreSQL: the periods of config.retention counted back from
 * real time (injected here), one info line with the counts, and the task run by the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../src/platform/clock/clock.js';
import { loadConfig } from '../../../src/platform/config/load.js';
import {
  PRUNE_RETENTION_TASK,
  RETENTION_CRONTAB,
  pruneRetention,
  retentionTasks,
} from '../../../src/timers/retention.js';
import { scheduleTimers } from '../../../src/timers/timer-queue.js';
import { startTimerWorker } from '../../../src/timers/worker.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { captureLog, waitFor } from './support.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('retention');
});
afterAll(() => db.close());

const NOW = Date.parse('2030-03-01T00:00:00Z');
const daysAgo = (d: number, plusMs = 0) => new Date(NOW - d * 86_400_000 + plusMs).toISOString();
const periods = loadConfig({}).retention;

async function seed(): Promise<void> {
  await db.runtime('inbox').insert([
    { message_id: 'in-old', topic: 't', partition: 0, offset: 1, received_at: daysAgo(30, -1) },
    { message_id: 'in-kept', topic: 't', partition: 0, offset: 2, received_at: daysAgo(30, 1000) },
  ]);
  await db.runtime('outbox').insert([
    { topic: 't', message_key: 'out-old', value: '{}', published_at: daysAgo(7, -1) },
    { topic: 't', message_key: 'out-kept', value: '{}', published_at: daysAgo(6) },
    { topic: 't', message_key: 'out-unpublished', value: '{}', created_at: daysAgo(400), published_at: null },
  ]);
  await db.runtime('outbox_batches').insert([
    { seq: 1, ids: [1], created_at: daysAgo(9) },
    { seq: 2, ids: [2], created_at: daysAgo(8) },
  ]);
  const payload = (offset: number, storedAt: string) => ({
    original_topic: 't',
    partition: 0,
    offset,
    original_value: Buffer.from('{}'),
    headers: Buffer.from('[]'),
    stored_at: storedAt,
  });
  await db.runtime('dead_letter_payloads').insert([payload(1, daysAgo(30, -1)), payload(2, daysAgo(29))]);
}

describe('pruneRetention', () => {
  it('prunes each table by its own period (30/7/7/30 days by default) and logs one line with the counts', async () => {
    await seed();
    const { log, lines } = captureLog();
    const pruned = await pruneRetention({ db: db.runtime, periods, log, realNow: () => NOW });
    expect(pruned).toEqual({ inbox: 1, outbox: 1, batches: 1, deadLetterPayloads: 1 });
    expect(await db.runtime('dead_letter_payloads').pluck('offset')).toEqual([2]);
    expect(await db.runtime('inbox').pluck('message_id')).toEqual(['in-kept']);
    expect((await db.runtime('outbox').pluck('message_key')).sort()).toEqual(['out-kept', 'out-unpublished']);
    expect(await db.runtime('outbox_batches').pluck('seq')).toEqual([2]);
    const info = lines().filter((l) => l.level === 'info');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      component: 'retention',
      inbox: 1,
      outbox: 1,
      batches: 1,
      deadLetterPayloads: 1,
      days: { inboxDays: 30, outboxDays: 7, batchesDays: 7, deadLetterPayloadsDays: 30 },
    });
  });

  it('runs as the prune-retention timer task in the worker, which accepts the daily crontab', async () => {
    await db
      .runtime('outbox')
      .insert([{ topic: 't', message_key: 'out-older', value: '{}', published_at: daysAgo(20) }]);
    const { log, lines } = captureLog();
    const clock = createClock({ startAt: '', anchorAt: '', speed: 1 });
    const worker = await startTimerWorker({
      connectionString: db.runtimeUrl,
      schema: db.timersSchema,
      concurrency: 1,
      pollIntervalMs: 100,
      tasks: retentionTasks({ db: db.runtime, periods, log, realNow: () => NOW }),
      log,
      crontab: RETENTION_CRONTAB,
    });
    try {
      expect(RETENTION_CRONTAB).toBe(`0 3 * * * ${PRUNE_RETENTION_TASK}`);
      await scheduleTimers(db.runtime, db.timersSchema, clock, [
        { task: PRUNE_RETENTION_TASK, key: 'retention-now', runAt: clock.now(), payload: {} },
      ]);
      const line = await waitFor('the retention line', () => lines().find((l) => l.component === 'retention'));
      expect(line).toMatchObject({ level: 'info', outbox: 1 });
      expect(await db.runtime('outbox').where({ message_key: 'out-older' })).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
