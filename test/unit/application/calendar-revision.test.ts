/**
 * ReviseDeadlines: a new calendar version recomputes an application's deadlines; a change is one
 * DeadlinesRevised (stage DEADLINES_REVISED), no change is CalendarAdopted (no stage), the same
 * version again is nothing. Calendar B below is A (the shipped data) with 2027 made official and
 * Kurban Ait announced on Monday 17 May 2027 instead of the expected Sunday 16 May.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeServiceDeadlines } from '../../../src/core/deadlines/index.js';
import { decide } from '../../../src/core/application/workflow/decide.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState } from '../../../src/core/application/workflow/state.js';
import type { CalendarYear } from '../../../src/core/calendar/index.js';
import { stageOf } from '../../../src/core/application/monitoring/stage-of.js';
import { calendarOf, SHIPPED_CALENDAR_DIR } from '../../support/calendar.js';
import { given } from './given.js';
import {
  cmd,
  continueFrom,
  ctx,
  DISPATCH_BACK_ID,
  history,
  ID,
  portalApp,
  pscApp,
  refusedPscApp,
  registerIdOf,
} from './fixtures.js';

const shippedYear = (y: number) =>
  JSON.parse(readFileSync(join(SHIPPED_CALENDAR_DIR, `${y}.json`), 'utf8')) as CalendarYear;
const y2027Official: CalendarYear = {
  ...shippedYear(2027),
  status: 'official',
  pending: [],
  publishedMovedDaysOff: undefined,
  kurbanAit: { date: '2027-05-17', basis: 'ANNOUNCED', source: 'test: Kurban Ait announced for Monday 17 May 2027' },
};
const calA = ctx.calendar;
const calB = calendarOf([shippedYear(2025), shippedYear(2026), y2027Official], undefined, '2027-04-20/bbbbbbbbbbbb');
const ctxB = { calendar: calB, policy: ctx.policy };
const revise = (at: string) => ({ type: 'ReviseDeadlines' as const, applicationId: ID, at });

/** An application submitted on 5 May 2027: its 15-day term runs over 17 May. */
const mayApp = portalApp({
  submittedAt: '2027-05-05T10:00:00+05:00',
  signature: { kind: 'EDS', reference: 'r', signedAt: '2027-05-05T10:00:00+05:00' },
});

describe('ReviseDeadlines (a new calendar version)', () => {
  it('moves the deadlines that the announced Kurban Ait moves: one DeadlinesRevised, term end changed', () => {
    const before = history(cmd.receive(mayApp));
    const { events, after } = given(before)
      .when(revise('2027-04-20T12:00:00+05:00'), ctxB)
      .then([{ type: 'DeadlinesRevised', termEndChanged: true }]);
    const e = events[0] as Extract<(typeof events)[0], { type: 'DeadlinesRevised' }>;
    expect(e.previous.deadlines.termEndDate).toBe(calA.addWorkingDays('2027-05-05', 15));
    expect(e.revised.deadlines.termEndDate).toBe(calB.addWorkingDays('2027-05-05', 15));
    expect(e.revised.deadlines.termEndDate > e.previous.deadlines.termEndDate).toBe(true);
    expect(e.previousCalendar).toEqual({ calendarVersion: calA.version.id, provisional: true });
    expect(e.calendar).toEqual({ calendarVersion: '2027-04-20/bbbbbbbbbbbb', provisional: false });
    expect(after.deadlines).toEqual(
      computeServiceDeadlines(calB, { channel: 'PORTAL', submittedAt: mayApp.submittedAt }),
    );
    expect(after.calendar).toEqual(e.calendar);
    expect(stageOf(e, before.reduce(evolve, initialState))).toMatchObject({
      stage: 'DEADLINES_REVISED',
      stageDeadline: null,
    });
  });

  it('does nothing the second time on the same version (exactly once per application and version)', () => {
    const before = history(cmd.receive(mayApp));
    const { events } = given(before)
      .when(revise('2027-04-20T12:00:00+05:00'), ctxB)
      .then([{ type: 'DeadlinesRevised' }]);
    given([...before, ...events])
      .when(revise('2027-04-20T12:05:00+05:00'), ctxB)
      .then([]);
  });

  it('does nothing on the version the deadlines already rest on', () => {
    given(history(cmd.receive(portalApp())))
      .when(revise('2026-04-07T09:00:00+05:00'))
      .then([]);
  });

  it('never takes an application back to an older version (a stale instance that restarted with old files)', () => {
    const before = history(cmd.receive(mayApp));
    const { events } = given(before)
      .when(revise('2027-04-20T12:00:00+05:00'), ctxB)
      .then([{ type: 'DeadlinesRevised' }]);
    // calA (the shipped files, published 2026-12-01) is older than B (2027-04-20): nothing happens.
    given([...before, ...events])
      .when(revise('2027-04-20T12:10:00+05:00'))
      .then([]);
    // The same day, an earlier time: older too.
    const morning = calendarOf([shippedYear(2025), shippedYear(2026)], undefined, '2027-04-20T09:00:00/aaaaaaaaaaaa');
    const evening = calendarOf(
      [shippedYear(2025), shippedYear(2026), y2027Official],
      undefined,
      '2027-04-20T18:00:00/bbbbbbbbbbbb',
    );
    const onEvening = given(before)
      .when(revise('2027-04-20T18:05:00+05:00'), { ...ctxB, calendar: evening })
      .then([{}]);
    given([...before, ...onEvening.events])
      .when(revise('2027-04-20T18:10:00+05:00'), { ...ctxB, calendar: morning })
      .then([]);
  });

  it('adopts a version that moves nothing without a stage (an April 2026 term is not touched by 2027)', () => {
    const { events } = given(history(cmd.receive(portalApp())))
      .when(revise('2026-04-07T09:00:00+05:00'), ctxB)
      .then([
        { type: 'CalendarAdopted', calendar: { calendarVersion: '2027-04-20/bbbbbbbbbbbb', provisional: false } },
      ]);
    expect(stageOf(events[0]!, history(cmd.receive(portalApp())).reduce(evolve, initialState))).toBeNull();
  });

  it('recomputes the review deadline of a registered application', () => {
    const app = pscApp({ submittedAt: '2027-05-10T10:00:00+05:00' });
    const before = history(
      cmd.receive(app),
      cmd.identityOk('2027-05-10T10:01:00+05:00'),
      cmd.dispatchRegister('2027-05-11T13:00:00+05:00', registerIdOf(app)),
      cmd.deliverRegister('2027-05-11T15:00:00+05:00', registerIdOf(app)),
      cmd.register('2027-05-11T15:30:00+05:00'),
    );
    const { after } = given(before)
      .when(revise('2027-05-12T09:00:00+05:00'), ctxB)
      .then([{ type: 'DeadlinesRevised' }]);
    // Five working days after Tue 11 May 2027: 12, 13, 14, (17 off in B), 18, 19.
    expect(after.college?.reviewDeadline).toBe('2027-05-19');
  });

  it('leaves alone an application whose result is at its place: the term was met (no stage, no notice)', () => {
    const ready = history(
      cmd.receive(mayApp),
      cmd.identityOk('2027-05-05T10:01:00+05:00'),
      cmd.register('2027-05-05T11:00:00+05:00'),
      cmd.issue('2027-05-06T10:00:00+05:00'),
    );
    const { after } = given(ready).when(revise('2027-06-20T12:00:00+05:00'), ctxB).then([]);
    expect(after.phase).toBe('READY');
    // Returned to the college after its month at the PSC, and on its way back: the term was met too.
    const app = pscApp({ submittedAt: '2027-05-10T10:00:00+05:00' });
    const returned = history(
      cmd.receive(app),
      cmd.identityOk('2027-05-10T10:01:00+05:00'),
      cmd.register('2027-05-11T15:30:00+05:00'),
      cmd.issue('2027-05-12T10:00:00+05:00'),
      cmd.deliverResult('2027-05-13T10:00:00+05:00'),
      cmd.returnToCollege('2027-06-14T10:00:00+05:00'),
    );
    given(returned).when(revise('2027-06-20T12:00:00+05:00'), ctxB).then([]);
    const onItsWayBack = [
      ...returned,
      ...continueFrom(
        returned,
        cmd.requestBack('2027-06-15T10:00:00+05:00'),
        cmd.dispatchResult('2027-06-16T10:00:00+05:00', DISPATCH_BACK_ID),
      ),
    ];
    expect(given(onItsWayBack).state.phase).toBe('RESULT_IN_TRANSIT');
    given(onItsWayBack).when(revise('2027-06-20T12:00:00+05:00'), ctxB).then([]);
  });

  it('still revises a PSC result decided but not yet at the PSC (the term runs until it arrives)', () => {
    const app = pscApp({ submittedAt: '2027-05-10T10:00:00+05:00' });
    const decided = history(
      cmd.receive(app),
      cmd.identityOk('2027-05-10T10:01:00+05:00'),
      cmd.register('2027-05-11T15:30:00+05:00'),
      cmd.issue('2027-05-12T10:00:00+05:00'),
    );
    given(decided)
      .when(revise('2027-05-12T12:00:00+05:00'), ctxB)
      .then([{ type: 'DeadlinesRevised', termEndChanged: true }]);
  });

  it('a term moved later withdraws an SLA signal that is premature on the new deadlines, and the new timers report it again', () => {
    const submitted = history(cmd.receive(mayApp));
    const onA = submitted.reduce(evolve, initialState);
    const oldAtRisk = `${onA.atRiskFrom}T09:00:00+05:00`;
    // At risk on calendar A (the working day before the term's last day), reported once.
    // (The registration step, due on 5 May, is reported breached with it.)
    const risked = [
      ...submitted,
      ...given(submitted)
        .when(cmd.checkSla(oldAtRisk))
        .then([{ type: 'SlaBreached', scope: 'STAGE' }, { type: 'SlaAtRisk' }]).events,
    ];
    const { events, after } = given(risked)
      .when(revise(`${onA.atRiskFrom}T12:00:00+05:00`), ctxB)
      .then([{ type: 'DeadlinesRevised', termEndChanged: true }]);
    // Kurban Ait on Monday 17 May moves the term a working day later: the at-risk day is not reached yet.
    expect(after.atRiskFrom! > onA.atRiskFrom!).toBe(true);
    expect(after.sla.atRiskReportedAt).toBeNull();
    // What monitoring sees: DEADLINES_REVISED with the new term end and ON_TIME (the risk withdrawn).
    expect(stageOf(events[0]!, risked.reduce(evolve, initialState))).toMatchObject({
      stage: 'DEADLINES_REVISED',
      termEndsAt: after.deadlines!.termEndsAt,
      slaStatus: 'ON_TIME',
    });
    const revised = [...risked, ...events];
    given(revised)
      .when(cmd.checkSla(`${onA.atRiskFrom}T23:00:00+05:00`), ctxB)
      .then([]);
    given(revised)
      .when(cmd.checkSla(`${after.atRiskFrom}T00:00:00+05:00`), ctxB)
      .then([{ type: 'SlaAtRisk', termEndsAt: after.deadlines!.termEndsAt }]);
  });

  it('a breach reported before the revised term end is withdrawn too; a signal still true on the new deadlines stands', () => {
    const submitted = history(cmd.receive(mayApp));
    const onA = submitted.reduce(evolve, initialState);
    const justAfterEnd = new Date(Date.parse(onA.deadlines!.termEndsAt) + 60_000).toISOString();
    const breached = [
      ...submitted,
      ...given(submitted)
        .when(cmd.checkSla(justAfterEnd))
        .then([
          { type: 'SlaBreached', scope: 'STAGE' },
          { type: 'SlaBreached', scope: 'TERM' },
        ]).events,
    ];
    const { events, after } = given(breached)
      .when(revise(justAfterEnd), ctxB)
      .then([{ type: 'DeadlinesRevised' }]);
    expect(after.sla.breachedReportedAt).toBeNull();
    // On the new deadlines the revision instant falls on the at-risk day: the stage says so.
    expect(stageOf(events[0]!, breached.reduce(evolve, initialState))).toMatchObject({ slaStatus: 'AT_RISK' });
    const afterEnd = new Date(Date.parse(after.deadlines!.termEndsAt) + 60_000).toISOString();
    given([...breached, ...events])
      .when(cmd.checkSla(afterEnd), ctxB)
      .then([{ type: 'SlaBreached', scope: 'TERM', termEndsAt: after.deadlines!.termEndsAt }]);

    // A term moved later but a risk reported on the new at-risk day or after it: the signal stands.
    const lateRisk = `${after.atRiskFrom}T09:00:00+05:00`;
    const risked = [
      ...submitted,
      ...given(submitted)
        .when(cmd.checkSla(lateRisk))
        .then([{ type: 'SlaBreached', scope: 'STAGE' }, { type: 'SlaAtRisk' }]).events,
    ];
    const kept = given(risked)
      .when(revise(lateRisk), ctxB)
      .then([{ type: 'DeadlinesRevised' }]).after;
    expect(kept.sla.atRiskReportedAt).toBe(lateRisk);
  });

  it('is refused for a closed application (intake refused)', () => {
    const refused = history(cmd.receive(refusedPscApp()));
    expect(refused[0]!.type).toBe('IntakeRefused');
    given(refused).when(revise('2027-04-20T12:00:00+05:00'), ctxB).then({ error: 'APPLICATION_CLOSED' });
  });

  it('property: a revision never moves a deadline without a DeadlinesRevised, and leaves the deadlines of the new version', () => {
    const day0 = Date.UTC(2026, 10, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 8 * 60, max: 20 * 60 }), (dayOffset, minute) => {
        const d = new Date(day0 + dayOffset * 86_400_000).toISOString().slice(0, 10);
        const submittedAt = `${d}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+05:00`;
        const app = portalApp({ submittedAt, signature: { kind: 'EDS', reference: 'r', signedAt: submittedAt } });
        const state = history(cmd.receive(app)).reduce(evolve, initialState);
        const r = decide(state, revise(submittedAt), ctxB);
        if (!r.ok) return false;
        const onB = computeServiceDeadlines(calB, { channel: 'PORTAL', submittedAt });
        const moved =
          JSON.stringify(onB) !== JSON.stringify(state.deadlines) ||
          calB.subtractWorkingDays(onB.termEndDate, 1) !== state.atRiskFrom;
        expect(r.events.map((e) => e.type)).toEqual([moved ? 'DeadlinesRevised' : 'CalendarAdopted']);
        const after = r.events.reduce(evolve, state);
        expect(after.deadlines).toEqual(onB);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
