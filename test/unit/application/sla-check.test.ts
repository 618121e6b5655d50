import { describe, expect, it } from 'vitest';
import { slaCheck } from '../../../src/core/application/monitoring/sla-check.js';
import type { ApplicationEvent } from '../../../src/core/application/workflow/events.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState } from '../../../src/core/application/workflow/state.js';
import { given } from './given.js';
import { at, cmd, continueFrom, history, paths, pscApp, refusedPscApp } from './fixtures.js';

const state = (events: ApplicationEvent[]) => events.reduce(evolve, initialState);
const then = (past: ApplicationEvent[], ...c: Parameters<typeof continueFrom>[1][]) => [
  ...past,
  ...continueFrom(past, ...c),
];
const TERM_END = '2026-04-27T23:59:59.999+05:00';

describe('slaCheck(state, now): whole-term signals, once per application (item 63)', () => {
  it('nothing before the working day before the term end', () => {
    expect(slaCheck(state(paths.portalRegistered()), at('23', '23:59'))).toBeNull();
    expect(slaCheck(initialState, at('28'))).toBeNull();
  });

  it('SLA_AT_RISK from the working day before the last one; SLA_BREACHED after the term end', () => {
    const s = state(paths.portalRegistered());
    expect(slaCheck(s, at('24', '00:00'))).toBe('SLA_AT_RISK');
    expect(slaCheck(s, at('26'))).toBe('SLA_AT_RISK');
    expect(slaCheck(s, TERM_END)).toBe('SLA_AT_RISK');
    expect(slaCheck(s, at('28', '00:00'))).toBe('SLA_BREACHED');
  });

  it('never twice: the state remembers each signal, and a breach supersedes the risk', () => {
    const risked = then(paths.portalRegistered(), cmd.checkSla(at('24')));
    expect(slaCheck(state(risked), at('25'))).toBeNull();
    expect(slaCheck(state(risked), at('28'))).toBe('SLA_BREACHED');
    const breached = then(risked, cmd.checkSla(at('28')));
    expect(slaCheck(state(breached), at('29'))).toBeNull();
    const breachedOnly = then(paths.portalRegistered(), cmd.checkSla(at('28')));
    expect(slaCheck(state(breachedOnly), at('29'))).toBeNull();
  });

  it('nothing once the result is at the place of receipt, nor for closed applications', () => {
    const ready = then(paths.portalRegistered(), cmd.issue(at('09')));
    expect(slaCheck(state(ready), at('28'))).toBeNull();
    const refused = history(cmd.receive(refusedPscApp()));
    expect(slaCheck(state(refused), at('28'))).toBeNull();
  });

  it('the CheckSla command emits the signal as an event, then nothing', () => {
    // Registered on 6 April: the review's decision is due by 13 April (5 working days): on 24 April it is late too.
    const { after } = given(paths.portalRegistered())
      .when(cmd.checkSla(at('24', '09:00')))
      .then([
        {
          type: 'SlaBreached',
          scope: 'STAGE',
          step: 'DECISION@2026-04-13T23:59:59.999+05:00',
          stageDeadline: '2026-04-13T23:59:59.999+05:00',
        },
        { type: 'SlaAtRisk', at: at('24', '09:00'), termEndsAt: TERM_END, stageDeadline: TERM_END },
      ]);
    expect(after.sla).toEqual({
      atRiskReportedAt: at('24', '09:00'),
      breachedReportedAt: null,
      stageBreaches: ['DECISION@2026-04-13T23:59:59.999+05:00'],
    });
    given(then(paths.portalRegistered(), cmd.checkSla(at('24', '09:00'))))
      .when(cmd.checkSla(at('24', '10:00')))
      .then([]);
    given(then(paths.portalRegistered(), cmd.checkSla(at('24', '09:00'))))
      .when(cmd.checkSla(at('28')))
      .then([{ type: 'SlaBreached', scope: 'TERM', termEndsAt: TERM_END }]);
    given(paths.portalRegistered())
      .when(cmd.checkSla(at('10')))
      .then([]);
  });

  it('a step past its own deadline is reported once, SLA_BREACHED with that deadline (registration due on arrival)', () => {
    const received = paths.portalReceived();
    const { events } = given(received)
      .when(cmd.checkSla(at('07', '00:00')))
      .then([{ type: 'SlaBreached', scope: 'STAGE', step: 'REGISTERED_AT_COLLEGE@2026-04-06T23:59:59.999+05:00' }]);
    given([...received, ...events])
      .when(cmd.checkSla(at('07', '01:00')))
      .then([]);
    given(received)
      .when(cmd.checkSla(at('06', '23:00')))
      .then([]);
  });

  it('a duplicate held for the identity check awaits the gateway, not the college: no DECISION breach', () => {
    // PSC: registered 6 April, review due 13 April; the college issued on the 7th, the answer is late.
    const held = history(cmd.receive(pscApp()), cmd.register(at('06', '15:00')), cmd.issue(at('07', '12:00')));
    const { events } = given(held)
      .when(cmd.checkSla(at('14', '10:00')))
      .then([{ type: 'SlaBreached', scope: 'STAGE', step: 'IDENTITY_VERIFIED@2026-04-06T23:59:59.999+05:00' }]);
    expect(JSON.stringify(events)).not.toContain('DECISION@');
  });
});
