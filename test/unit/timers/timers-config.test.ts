import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config/load.js';

describe('timer and retention configuration', () => {
  it('has defaults: the queue next to the tables, 4 at once, a poll a second; 30/7/7/30 days kept', () => {
    const c = loadConfig({});
    expect(c.timers).toEqual({ schema: 'tvet_timers', concurrency: 4, pollIntervalMs: 1000 });
    expect(c.retention).toEqual({ inboxDays: 30, outboxDays: 7, batchesDays: 7, deadLetterPayloadsDays: 30 });
  });

  it('derives the queue schema from the database schema, so each test file has its own queue', () => {
    expect(loadConfig({ DATABASE_SCHEMA: 't_abc_123456' }).timers.schema).toBe('t_abc_123456_timers');
    expect(loadConfig({ DATABASE_SCHEMA: 't_abc', TIMERS_SCHEMA: 'jobs' }).timers.schema).toBe('jobs');
  });

  it('takes every key from its environment variable', () => {
    const c = loadConfig({
      TIMERS_CONCURRENCY: '8',
      TIMERS_POLL_INTERVAL_MS: '250',
      RETENTION_INBOX_DAYS: '60',
      RETENTION_OUTBOX_DAYS: '3',
      RETENTION_BATCHES_DAYS: '2',
      RETENTION_DEAD_LETTER_PAYLOADS_DAYS: '14',
    });
    expect(c.timers.concurrency).toBe(8);
    expect(c.timers.pollIntervalMs).toBe(250);
    expect(c.retention).toEqual({ inboxDays: 60, outboxDays: 3, batchesDays: 2, deadLetterPayloadsDays: 14 });
  });

  it("refuses a queue schema that is the tables' schema, or not an identifier, naming the variable", () => {
    expect(() => loadConfig({ DATABASE_SCHEMA: 'tvet', TIMERS_SCHEMA: 'tvet' })).toThrow(/TIMERS_SCHEMA.*must differ/);
    expect(() => loadConfig({ TIMERS_SCHEMA: 'Timers-1' })).toThrow(/timers\.schema.*TIMERS_SCHEMA/);
    expect(() => loadConfig({ DATABASE_SCHEMA: 'a'.repeat(60) })).toThrow(/DATABASE_SCHEMA/);
  });

  it('refuses a retention of zero days and a poll interval below 50 ms', () => {
    expect(() => loadConfig({ RETENTION_OUTBOX_DAYS: '0' })).toThrow(/retention\.outboxDays/);
    expect(() => loadConfig({ TIMERS_POLL_INTERVAL_MS: '10' })).toThrow(/timers\.pollIntervalMs/);
  });
});
