/**
 * reviseOpenApplications on real PostgreSQL: one transaction per application, so a revision holds
 * one application's row at a time (an inbound message for another application is never stalled
 * behind it), and two instances revising at once still revise each application exactly once (the
 * rows one holds the other skips, then waits for, and the core does nothing the second time).
 * Calendar B (2027 made official, Kurban Ait on Monday 17 May) moves the terms of May 2027.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../src/core/calendar/index.js';
import type { AdapterDeps } from '../../../src/pipeline/deps.js';
import { insertApplications } from '../../../src/pipeline/saga/application-queries.js';
import type { TimerSink } from '../../../src/pipeline/saga/timer-sink.js';
import { createClock } from '../../../src/platform/clock/clock.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { reviseOpenApplications } from '../../../src/timers/calendar-revision.js';
import { calendarOf, SHIPPED_CALENDAR_DIR } from '../../support/calendar.js';
import { isolatedConfig } from '../../support/isolation.js';
import { cmd, portalApp } from '../../unit/application/fixtures.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { stateAfter } from '../queries/states.js';

const year = (y: number) => JSON.parse(readFileSync(join(SHIPPED_CALENDAR_DIR, `${y}.json`), 'utf8')) as CalendarYear;
const calB = calendarOf(
  [
    year(2025),
    year(2026),
    {
      ...year(2027),
      status: 'official',
      pending: [],
      publishedMovedDaysOff: undefined,
      kurbanAit: { date: '2027-05-17', basis: 'ANNOUNCED', source: 'test: Kurban Ait announced for 17 May 2027' },
    },
  ],
  undefined,
  '2027-05-06T12:00:00/bbbbbbbbbbbb',
);
const IDS = ['REV-1', 'REV-2', 'REV-3', 'REV-4', 'REV-5'];

let db: QueriesDb;
const config = isolatedConfig('rev-locks');
beforeAll(async () => {
  db = await openQueriesDb('rev-locks');
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('application_events').del();
  await db.runtime('outbox').del();
  await db.runtime('applications').del();
  for (const id of IDS) {
    const submittedAt = '2027-05-05T10:00:00+05:00';
    const app = portalApp({
      applicationId: id,
      submittedAt,
      signature: { kind: 'EDS', reference: 'r', signedAt: submittedAt },
    });
    await db.runtime.transaction((tx) =>
      insertApplications(tx, [{ state: stateAfter(cmd.receive(app)), stageSeq: 1 }]),
    );
  }
});

function depsWith(timers: TimerSink): AdapterDeps {
  const clock = createClock(config.clock);
  return {
    config,
    calendar: calB,
    log: createLogger({ level: 'fatal' }),
    clock,
    now: () => clock.now(),
    newId: () => crypto.randomUUID(),
    timers,
  };
}

/** Whether another transaction holds the row of `applicationId` (FOR UPDATE NOWAIT fails). */
async function isLocked(applicationId: string): Promise<boolean> {
  try {
    await db.runtime.transaction((t) =>
      t.raw('SELECT 1 FROM applications WHERE application_id = ? FOR UPDATE NOWAIT', [applicationId]),
    );
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return true;
    throw err;
  }
}

const revisedCount = async () =>
  Number((await db.runtime('application_events').where({ type: 'DeadlinesRevised' }).count({ n: '*' }))[0]!.n);

describe('reviseOpenApplications: one application at a time', () => {
  it('holds only the row of the application it revises: the ones revised before are free', async () => {
    const done: string[] = [];
    const lockedWhileRevising: string[] = [];
    // The SLA timers of each DeadlinesRevised are written in the transaction of its application.
    const timers: TimerSink = {
      async apply(_tx, steps) {
        for (const { applicationId } of steps) {
          for (const id of done) if (await isLocked(id)) lockedWhileRevising.push(`${id} (while ${applicationId})`);
          done.push(applicationId);
        }
      },
    };
    const out = await reviseOpenApplications(db.runtime, depsWith(timers), calB.version.id, 2);
    expect(out).toEqual({ version: calB.version.id, checked: IDS.length, revised: IDS.length });
    expect(done).toEqual(IDS);
    expect(lockedWhileRevising).toEqual([]);
  });

  it('two instances at once revise each application exactly once', async () => {
    const noTimers: TimerSink = { apply: async () => undefined };
    const [a, b] = await Promise.all([
      reviseOpenApplications(db.runtime, depsWith(noTimers), calB.version.id, 2),
      reviseOpenApplications(db.runtime, depsWith(noTimers), calB.version.id, 2),
    ]);
    expect(a.revised + b.revised).toBe(IDS.length);
    expect(await revisedCount()).toBe(IDS.length);
    const rows = await db.runtime('applications').pluck('calendar_version');
    expect(rows).toEqual(IDS.map(() => calB.version.id));
  });
});
