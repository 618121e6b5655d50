/**
 * The saga's timer intents as graphile-worker jobs: the steps of a batch in one go, each key's
 * last intent winning (a later step's cancel removes an earlier step's timer, and the reverse).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../../../src/platform/clock/clock.js';
import { queueTimerSink } from '../../../src/timers/timer-sink.js';
import type { TimerSink } from '../../../src/pipeline/saga/timer-sink.js';
import { isolatedConfig } from '../../support/isolation.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';

const config = isolatedConfig('timer-sink');
const clock = createClock(config.clock);
let db: QueriesDb;
let sink: TimerSink;

beforeAll(async () => {
  db = await openQueriesDb('timer-sink');
  sink = queueTimerSink(db.timersSchema, clock);
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.owner.raw(`DELETE FROM ??._private_jobs`, [db.timersSchema]);
});

/** The pending jobs: key -> the task and the real instant it runs at. */
async function jobs(): Promise<Record<string, { task: string; runAt: string }>> {
  const rows = (await db.owner(`${db.timersSchema}.jobs`).select('key', 'task_identifier', 'run_at')) as {
    key: string;
    task_identifier: string;
    run_at: Date;
  }[];
  return Object.fromEntries(rows.map((r) => [r.key, { task: r.task_identifier, runAt: r.run_at.toISOString() }]));
}

const base = clock.now().getTime();
/** An instant `days` after the start of the file, on the adapter's clock. */
const later = (days: number) => new Date(base + days * 86_400_000).toISOString();
/** Where graphile-worker keeps it: on the real clock. */
const real = (at: string) => clock.toReal(new Date(at)).toISOString();

describe('queueTimerSink', () => {
  it('schedules the timers of several applications in one call, one job per application and purpose', async () => {
    await db.runtime.transaction((tx) =>
      sink.apply(tx, [
        {
          applicationId: 'A',
          timers: [{ type: 'ScheduleTimer', purpose: 'SLA_AT_RISK', at: later(3), requestId: null }],
        },
        {
          applicationId: 'B',
          timers: [{ type: 'ScheduleTimer', purpose: 'SLA_BREACH', at: later(5), requestId: null }],
        },
      ]),
    );
    expect(await jobs()).toEqual({
      'A:SLA_AT_RISK': { task: 'sla-check', runAt: real(later(3)) },
      'B:SLA_BREACH': { task: 'sla-check', runAt: real(later(5)) },
    });
  });

  it("a later step's intent for the same timer wins: cancel after schedule removes it, schedule after cancel keeps it", async () => {
    await db.runtime.transaction((tx) =>
      sink.apply(tx, [
        {
          applicationId: 'A',
          timers: [{ type: 'ScheduleTimer', purpose: 'SLA_AT_RISK', at: later(3), requestId: null }],
        },
        { applicationId: 'B', timers: [{ type: 'CancelTimer', purpose: 'SLA_AT_RISK' }] },
        { applicationId: 'A', timers: [{ type: 'CancelTimer', purpose: 'SLA_AT_RISK' }] },
        {
          applicationId: 'B',
          timers: [{ type: 'ScheduleTimer', purpose: 'SLA_AT_RISK', at: later(4), requestId: null }],
        },
      ]),
    );
    expect(await jobs()).toEqual({ 'B:SLA_AT_RISK': { task: 'sla-check', runAt: real(later(4)) } });
  });

  it('within one step a schedule wins over a cancel of the same timer (the old deadline out, the new one in)', async () => {
    await db.runtime.transaction((tx) =>
      sink.apply(tx, [
        {
          applicationId: 'A',
          timers: [{ type: 'ScheduleTimer', purpose: 'SLA_BREACH', at: later(2), requestId: null }],
        },
      ]),
    );
    await db.runtime.transaction((tx) =>
      sink.apply(tx, [
        {
          applicationId: 'A',
          timers: [
            { type: 'ScheduleTimer', purpose: 'SLA_BREACH', at: later(6), requestId: null },
            { type: 'CancelTimer', purpose: 'SLA_BREACH' },
          ],
        },
      ]),
    );
    expect(await jobs()).toEqual({ 'A:SLA_BREACH': { task: 'sla-check', runAt: real(later(6)) } });
  });
});
