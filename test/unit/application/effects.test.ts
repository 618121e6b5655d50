/**
 * intentsOf: the timers the core decides (identity answer overdue, SLA at risk / breached) and the
 * order of intents (stage, party messages, timers). Timers count from the processing instant.
 */
import { describe, expect, it } from 'vitest';
import { intentsOf, type Intent } from '../../../src/core/application/effects/index.js';
import { decide } from '../../../src/core/application/workflow/decide.js';
import type { ApplicationCommand } from '../../../src/core/application/workflow/commands.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState, type ApplicationState } from '../../../src/core/application/workflow/state.js';
import { identityBackoffMs } from '../../../src/core/application/workflow/identity-backoff.js';
import { at, cmd, ctx3, DISPATCH_BACK_ID, history, policy, portalApp, pscApp, requestNo } from './fixtures.js';

const NOW = '2026-04-06T11:00:00+05:00';
const fx = { now: NOW, policy: ctx3.policy, calendar: ctx3.calendar };
const ms = (iso: string) => Date.parse(iso);

/** The intents of the last command after a history. */
function intentsAfter(past: ApplicationCommand[], last: ApplicationCommand): Intent[] {
  const state: ApplicationState = history(...past).reduce(evolve, initialState);
  const r = decide(state, last, ctx3);
  if (!r.ok) throw new Error(r.rejection.message);
  let s = state;
  return r.events.flatMap((e) => {
    const next = evolve(s, e);
    const out = intentsOf(e, s, next, fx);
    s = next;
    return out;
  });
}
const timers = (xs: Intent[]) => xs.filter((i) => i.type === 'ScheduleTimer' || i.type === 'CancelTimer');

describe('intentsOf: timers and order', () => {
  it('a portal submission: stage, ACCEPTED notice, identity request, then the identity and SLA timers', () => {
    const xs = intentsAfter([], cmd.receive(portalApp()));
    expect(xs.map((i) => i.type)).toEqual([
      'ReportStage',
      'NotifyPortal',
      'RequestIdentity',
      'ScheduleTimer',
      'ScheduleTimer',
      'ScheduleTimer',
      'ScheduleTimer',
    ]);
    expect(timers(xs)).toEqual([
      { type: 'ScheduleTimer', purpose: 'IDENTITY_OVERDUE', at: expect.any(String), requestId: requestNo(1) },
      // At risk from the start of Fri 24 April (the working day before the term's last day, Mon 27 April).
      { type: 'ScheduleTimer', purpose: 'SLA_AT_RISK', at: '2026-04-24T00:00:00.000+05:00', requestId: null },
      { type: 'ScheduleTimer', purpose: 'SLA_BREACH', at: '2026-04-28T00:00:00.000+05:00', requestId: null },
      // The step awaited next: registration at the college, due by the end of the registration day (item 57).
      { type: 'ScheduleTimer', purpose: 'STAGE_DEADLINE', at: '2026-04-07T00:00:00.000+05:00', requestId: null },
    ]);
    expect(ms((xs[3] as { at: string }).at)).toBe(ms(NOW) + policy.identity.responseTimeoutMs);
  });

  it('an intake refusal sets no timer', () => {
    const xs = intentsAfter([], cmd.receive(pscApp({ presentedDocuments: [{ type: 'APPLICATION_FORM' }] })));
    expect(timers(xs)).toEqual([]);
  });

  it('an overdue request is repeated with its timer after the timeout plus a backoff', () => {
    const xs = intentsAfter([cmd.receive(portalApp())], cmd.identityOverdue(at('06', '10:20')));
    expect(xs.map((i) => i.type)).toEqual(['RequestIdentity', 'ScheduleTimer']);
    expect(xs[0]).toMatchObject({ requestId: requestNo(1), attempt: 2 });
    const wait = policy.identity.responseTimeoutMs + identityBackoffMs(requestNo(1), 1, ctx3.policy.identity);
    expect(ms((xs[1] as { at: string }).at)).toBe(ms(NOW) + wait);
  });

  it('an ERROR answer waits a backoff before the next request; no message now', () => {
    const xs = intentsAfter([cmd.receive(portalApp())], cmd.identityError(at('06', '10:02')));
    expect(xs.map((i) => i.type)).toEqual(['ScheduleTimer']);
    expect(ms((xs[0] as { at: string }).at)).toBe(ms(NOW) + identityBackoffMs(requestNo(1), 1, ctx3.policy.identity));
  });

  it('an ERROR once the request was repeated leaves the repetition its own timeout (it may be a late ERROR to an earlier request)', () => {
    // Attempt 2 is out; an ERROR arrives. The repetitions share one request id and the gateway echoes
    // nothing else of the request, so it cannot be told from a late ERROR to attempt 1: it is recorded,
    // and the timer of attempt 2 (timeout plus backoff) is not replaced by a shorter one.
    let s: ApplicationState = history(cmd.receive(portalApp())).reduce(evolve, initialState);
    const repeated = decide(s, cmd.identityOverdue(at('06', '10:20')), ctx3);
    expect(repeated.ok && repeated.events).toMatchObject([{ type: 'IdentityRequestRepeated', attempt: 2 }]);
    s = repeated.ok ? repeated.events.reduce(evolve, s) : s;
    const r = decide(s, cmd.identityError(at('06', '10:21')), ctx3);
    expect(r.ok && r.events).toMatchObject([{ type: 'IdentityAnswerErrored', attempt: 2 }]);
    const e = r.ok ? r.events[0]! : null;
    expect(intentsOf(e!, s, evolve(s, e!), fx)).toEqual([]);
  });

  it('an answer cancels the identity timer', () => {
    expect(timers(intentsAfter([cmd.receive(portalApp())], cmd.identityOk(at('06', '10:05'))))).toEqual([
      { type: 'CancelTimer', purpose: 'IDENTITY_OVERDUE' },
    ]);
    expect(
      timers(intentsAfter([cmd.receive(portalApp())], cmd.identityFailed(at('06', '10:05'), 'NOT_FOUND'))),
    ).toEqual([{ type: 'CancelTimer', purpose: 'IDENTITY_OVERDUE' }]);
  });

  it('a duplicate held for the identity check tells no one; the verification then does what an issue does', () => {
    const past = [cmd.receive(pscApp()), cmd.register(at('06', '15:00'))];
    // No message: only the step awaited moves from the college's decision to the gateway's answer.
    expect(intentsAfter(past, cmd.issue(at('07', '12:00')))).toEqual([
      { type: 'ScheduleTimer', purpose: 'STAGE_DEADLINE', at: '2026-04-07T00:00:00.000+05:00', requestId: null },
    ]);
    const after = intentsAfter([...past, cmd.issue(at('07', '12:00'))], cmd.identityOk(at('08', '09:00'))).map((i) =>
      i.type === 'ReportStage' ? `${i.type}:${i.stage}` : i.type,
    );
    expect(after).toEqual(
      expect.arrayContaining([
        'ReportStage:IDENTITY_VERIFIED',
        'ReportStage:DUPLICATE_ISSUED',
        'ReportStage:DIGITAL_PUBLISHED',
        'PublishDigitalDiploma',
        'OrderResultDispatch',
      ]),
    );
    expect(after.indexOf('ReportStage:IDENTITY_VERIFIED')).toBeLessThan(after.indexOf('ReportStage:DUPLICATE_ISSUED'));
  });

  it('the result at its place cancels the SLA timers (the term is met)', () => {
    const past = [cmd.receive(portalApp()), cmd.identityOk(at('06', '10:01')), cmd.register(at('06', '11:00'))];
    // A portal place: ready at the college office with the decision.
    expect(timers(intentsAfter(past, cmd.issue(at('07'))))).toEqual([
      // After the decision no step of the term is awaited: its timer goes; the result at its place: the term's.
      { type: 'CancelTimer', purpose: 'STAGE_DEADLINE' },
      { type: 'CancelTimer', purpose: 'SLA_AT_RISK' },
      { type: 'CancelTimer', purpose: 'SLA_BREACH' },
    ]);
  });

  it('the way back after storage arms no STAGE_DEADLINE: the term was met, item 62 gives that way no term', () => {
    const requestedBack = [
      cmd.receive(pscApp()),
      cmd.identityOk(at('06', '10:01')),
      cmd.dispatchRegister(at('06', '13:00')),
      cmd.deliverRegister(at('06', '15:00')),
      cmd.register(at('06', '15:30')),
      cmd.issue(at('09')),
      cmd.dispatchResult(at('09', '14:00')),
      cmd.deliverResult(at('10', '11:00')),
      cmd.returnToCollege(at('11', '10:00', '05')),
      cmd.requestBack(at('02', '10:00', '06')),
    ];
    const back = cmd.dispatchResult(at('03', '10:00', '06'), DISPATCH_BACK_ID);
    expect(timers(intentsAfter(requestedBack, back))).toEqual([]);
    expect(
      timers(intentsAfter([...requestedBack, back], cmd.deliverResult(at('04', '10:00', '06'), DISPATCH_BACK_ID))),
    ).toEqual([
      { type: 'CancelTimer', purpose: 'SLA_AT_RISK' },
      { type: 'CancelTimer', purpose: 'SLA_BREACH' },
      { type: 'ScheduleTimer', purpose: 'STORAGE_ELAPSED', at: expect.any(String), requestId: null },
    ]);
  });
});
