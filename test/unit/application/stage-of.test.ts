import { describe, expect, it } from 'vitest';
import { stageCodeOf, stageOf, stagesOf } from '../../../src/core/application/monitoring/stage-of.js';
import type { ApplicationEvent } from '../../../src/core/application/workflow/events.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState } from '../../../src/core/application/workflow/state.js';
import {
  at,
  cmd,
  continueFrom,
  DISPATCH_BACK_ID,
  history,
  paths,
  portalApp,
  withHearingHeld,
  refusedPscApp,
} from './fixtures.js';

const TERM_END = '2026-04-27T23:59:59.999+05:00';
const then = (past: ApplicationEvent[], ...c: Parameters<typeof continueFrom>[1][]) => [
  ...past,
  ...continueFrom(past, ...c),
];

/** The stage of the last event of `events`, judged on the state before it. */
function lastStage(events: ApplicationEvent[]) {
  const before = events.slice(0, -1).reduce(evolve, initialState);
  return stageOf(events[events.length - 1]!, before);
}

describe('stageOf: every event reports its monitoring stage (item 64)', () => {
  it('maps each event type to its stage code; the operator retry and the request back are not stages', () => {
    const expected = {
      ApplicationSubmitted: 'SUBMITTED',
      ApplicationAccepted: 'ACCEPTED',
      IntakeRefused: 'INTAKE_REFUSED',
      IdentityVerified: 'IDENTITY_VERIFIED',
      IdentityFailed: 'IDENTITY_FAILED',
      IdentityCheckRetried: null,
      RegisterDispatched: 'REGISTER_DISPATCHED',
      DeliveredToCollege: 'DELIVERED_TO_COLLEGE',
      RegisteredAtCollege: 'REGISTERED_AT_COLLEGE',
      PreliminaryRefusalIssued: 'PRELIMINARY_REFUSAL',
      HearingHeld: 'HEARING_HELD',
      DuplicateIssued: 'DUPLICATE_ISSUED',
      DigitalDiplomaPublished: 'DIGITAL_PUBLISHED',
      ApplicationRefused: 'REFUSED',
      ResultDispatched: 'RESULT_DISPATCHED',
      ResultReady: 'RESULT_READY',
      HandedOver: 'HANDED_OVER',
      ReturnedToCollege: 'RETURNED_TO_COLLEGE',
      ResultRequestedBack: null,
      SlaAtRisk: 'SLA_AT_RISK',
      SlaBreached: 'SLA_BREACHED',
    } as const;
    for (const [type, code] of Object.entries(expected))
      expect(stageCodeOf(type as ApplicationEvent['type'])).toBe(code);
  });

  it('a whole PSC path reports on time, with the term end on every stage', () => {
    const events = then(
      paths.pscRegistered(),
      cmd.issue(at('09')),
      cmd.dispatchResult(at('09', '14:00')),
      cmd.deliverResult(at('10')),
      cmd.handOver(at('15')),
    );
    const reports = stagesOf(events, initialState);
    expect(reports.map((r) => r?.stage)).toEqual([
      'ACCEPTED',
      'IDENTITY_VERIFIED',
      'REGISTER_DISPATCHED',
      'DELIVERED_TO_COLLEGE',
      'REGISTERED_AT_COLLEGE',
      'DUPLICATE_ISSUED',
      'DIGITAL_PUBLISHED',
      'RESULT_DISPATCHED',
      'RESULT_READY',
      'HANDED_OVER',
    ]);
    for (const r of reports) expect(r).toMatchObject({ termEndsAt: TERM_END, slaStatus: 'ON_TIME' });
    expect(reports[0]?.stageDeadline).toBeNull();
    expect(reports[4]?.stageDeadline).toBe('2026-04-06T23:59:59.999+05:00');
  });

  it('a stage after its own deadline is OVERDUE (registration the day after arrival, item 57)', () => {
    expect(lastStage(history(cmd.receive(portalApp()), cmd.register(at('07'))))).toMatchObject({
      stage: 'REGISTERED_AT_COLLEGE',
      slaStatus: 'OVERDUE',
    });
  });

  it('a step towards the result on the working day before the term end or later is AT_RISK; before it ON_TIME', () => {
    // A PSC place: the decision is the last step before the courier (no RESULT_READY in the same step).
    const heard = withHearingHeld(paths.pscRegistered());
    expect(lastStage(then(heard, cmd.issue(at('23'))))).toMatchObject({
      stage: 'DIGITAL_PUBLISHED',
      slaStatus: 'ON_TIME',
    });
    expect(lastStage(then(heard, cmd.issue(at('24'))))).toMatchObject({
      stage: 'DIGITAL_PUBLISHED',
      slaStatus: 'AT_RISK',
    });
    // The decision is due in time for the courier: one day before the term ends (items 58-59).
    expect(lastStage(then(heard, cmd.issue(at('27', '08:00'))))).toMatchObject({ slaStatus: 'OVERDUE' });
    const portalHeard = withHearingHeld(paths.portalRegistered());
    expect(lastStage(then(portalHeard, cmd.issue(at('27', '18:00'))))).toMatchObject({
      stage: 'RESULT_READY',
      slaStatus: 'ON_TIME',
    });
    expect(lastStage(then(portalHeard, cmd.issue(at('28'))))).toMatchObject({
      stage: 'RESULT_READY',
      slaStatus: 'OVERDUE',
    });
  });

  it('an operator retry of the identity check reports no stage', () => {
    const failed = history(
      cmd.receive(portalApp()),
      cmd.identityFailed(at('06', '11:00')),
      cmd.identityRetry(at('28')),
    );
    const report = stagesOf(failed, initialState);
    expect(report[2]).toBeNull();
  });

  it('the result at the PSC is judged on its own deadline, one day before the term end (items 58-59): ON_TIME until it, OVERDUE after', () => {
    const decided = then(
      withHearingHeld(paths.pscRegistered()),
      cmd.issue(at('23')),
      cmd.dispatchResult(at('23', '15:00')),
    );
    const deadline = '2026-04-26T23:59:59.999+05:00';
    expect(lastStage(then(decided, cmd.deliverResult(at('26', '23:00'))))).toMatchObject({
      stage: 'RESULT_READY',
      stageDeadline: deadline,
      slaStatus: 'ON_TIME',
    });
    // The last day of the term is too late for the PSC: the term itself is still met.
    expect(lastStage(then(decided, cmd.deliverResult(at('27', '17:00'))))).toMatchObject({
      stage: 'RESULT_READY',
      stageDeadline: deadline,
      slaStatus: 'OVERDUE',
    });
  });

  it('a late dispatch to the PSC is OVERDUE (one day before the term end, items 58-59)', () => {
    const decided = then(withHearingHeld(paths.pscRegistered()), cmd.issue(at('23')));
    expect(lastStage(then(decided, cmd.dispatchResult(at('27', '09:00'))))).toMatchObject({
      stage: 'RESULT_DISPATCHED',
      slaStatus: 'OVERDUE',
      stageDeadline: '2026-04-26T23:59:59.999+05:00',
    });
  });

  it('after the term is met only the own deadline counts: hand-over after storage end OVERDUE, the way back ON_TIME', () => {
    const ready = then(
      paths.pscRegistered(),
      cmd.issue(at('09')),
      cmd.dispatchResult(at('09', '14:00')),
      cmd.deliverResult(at('10')),
    );
    expect(lastStage(then(ready, cmd.handOver(at('11', '10:00', '05'))))).toMatchObject({
      stage: 'HANDED_OVER',
      slaStatus: 'OVERDUE',
    });
    const back = then(
      ready,
      cmd.returnToCollege(at('11', '10:00', '05')),
      cmd.requestBack(at('01', '10:00', '06')),
      cmd.dispatchResult(at('02', '10:00', '06'), DISPATCH_BACK_ID),
      cmd.deliverResult(at('03', '10:00', '06'), DISPATCH_BACK_ID),
    );
    const reports = stagesOf(back.slice(-4), back.slice(0, -4).reduce(evolve, initialState));
    expect(reports.map((r) => r?.stage ?? null)).toEqual([
      'RETURNED_TO_COLLEGE',
      null,
      'RESULT_DISPATCHED',
      'RESULT_READY',
    ]);
    for (const r of reports.filter((x) => x)) expect(r).toMatchObject({ slaStatus: 'ON_TIME', stageDeadline: null });
  });

  it('an intake refusal is ON_TIME with no stage deadline', () => {
    const refused = history(cmd.receive(refusedPscApp()));
    expect(lastStage(refused)).toEqual({
      stage: 'INTAKE_REFUSED',
      stageDeadline: null,
      termEndsAt: TERM_END,
      slaStatus: 'ON_TIME',
    });
  });

  it('the SLA signals report their own status', () => {
    const risk = then(paths.portalRegistered(), cmd.checkSla(at('24')));
    expect(lastStage(risk)).toEqual({
      stage: 'SLA_AT_RISK',
      stageDeadline: TERM_END,
      termEndsAt: TERM_END,
      slaStatus: 'AT_RISK',
    });
    const breach = then(paths.portalRegistered(), cmd.checkSla(at('28')));
    expect(lastStage(breach)).toMatchObject({ stage: 'SLA_BREACHED', slaStatus: 'OVERDUE' });
  });

  it('null for an event judged on a state without deadlines', () => {
    const [, verified] = history(cmd.receive(portalApp()), cmd.identityOk(at('06', '10:01')));
    expect(stageOf(verified!, initialState)).toBeNull();
  });
});
