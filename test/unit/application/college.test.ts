import { describe, expect, it } from 'vitest';
import { given } from './given.js';
import {
  at,
  cmd,
  continueFrom,
  history,
  officeApp,
  paths,
  portalApp,
  pscApp,
  registerIdOf,
  withHearingHeld,
  DISPATCH_ID,
} from './fixtures.js';

import { OBJECTION_SUMMARY_NOT_GIVEN } from '../../../src/core/application/workflow/decide-college.js';

const endOf = (d: string) => `${d}T23:59:59.999+05:00`;

describe('registration at the college (item 57)', () => {
  it('a portal application is registered the day it arrives; the 5-day review runs from it (item 58)', () => {
    const { after } = given(paths.portalReceived())
      .when(cmd.register(at('06', '11:00')))
      .then([
        {
          type: 'RegisteredAtCollege',
          registrationNumber: 'C-77',
          registeredOn: '2026-04-06',
          reviewDeadline: '2026-04-13',
          stageDeadline: endOf('2026-04-06'),
        },
      ]);
    expect(after.phase).toBe('UNDER_REVIEW');
  });

  it('a PSC application is due for registration on the delivery day (next working day after a Saturday)', () => {
    const app = pscApp({ submittedAt: at('11', '12:00') });
    const sat = history(
      cmd.receive(app),
      cmd.dispatchRegister(at('11', '13:00'), registerIdOf(app)),
      cmd.deliverRegister(at('11', '15:00'), registerIdOf(app)),
    );
    given(sat)
      .when(cmd.register(at('13', '09:10')))
      .then([{ type: 'RegisteredAtCollege', stageDeadline: endOf('2026-04-13') }]);
  });

  it('out of order: a PSC application registered before the courier reports the delivery was delivered', () => {
    given(paths.pscAccepted())
      .when(cmd.register(at('06', '15:00')))
      .then([
        { type: 'RegisterDispatched' },
        { type: 'DeliveredToCollege', at: at('06', '15:00') },
        { type: 'RegisteredAtCollege' },
      ]);
  });

  it('rejects a decision from another college', () => {
    given(paths.portalReceived())
      .when({ ...cmd.register(at('06', '15:00')), collegeBin: '991240018472' })
      .then({ error: 'COLLEGE_MISMATCH' });
    given(paths.portalReceived())
      .when({ ...cmd.register(at('06', '15:00')), collegeBin: '040740005191' })
      .then([{ type: 'RegisteredAtCollege' }]);
  });

  it('rejects a second registration and a malformed one', () => {
    given(paths.portalRegistered())
      .when(cmd.register(at('06', '15:00')))
      .then({ error: 'INVALID_TRANSITION' });
    given(paths.portalReceived())
      .when({ ...cmd.register(at('06', '15:00')), registrationNumber: ' ' })
      .then({ error: 'INVALID_COMMAND' });
  });
});

describe('preliminary refusal and hearing (item 58)', () => {
  it('notice with ground, motivation, hearing time and place, channel; deadlines of the hearing and the objection', () => {
    const { after } = given(paths.portalRegistered())
      .when(cmd.preliminary(at('08'), at('10', '11:00')))
      .then([
        {
          type: 'PreliminaryRefusalIssued',
          ground: 'G1_UNRELIABLE_DATA',
          noticeChannel: 'SMS',
          noticeDate: '2026-04-08',
          noticeReceivedOn: '2026-04-08',
          hearingLatest: '2026-04-10',
          objectionWindowEnd: '2026-04-10',
          hearing: { at: at('10', '11:00'), venue: { kind: 'PLACE' } },
          findings: [],
          stageDeadline: endOf('2026-04-22'),
        },
      ]);
    expect(after.phase).toBe('HEARING_PENDING');
  });

  it('a registered letter received later moves the objection window; the hearing may be held by another way', () => {
    given(paths.portalRegistered())
      .when(
        cmd.preliminary(at('08'), at('10', '11:00'), {
          noticeChannel: 'REGISTERED_LETTER',
          noticeReceivedOn: '2026-04-09',
          hearing: { at: at('10', '11:00'), venue: { kind: 'WAY', description: 'video call' } },
        }),
      )
      .then([{ type: 'PreliminaryRefusalIssued', noticeReceivedOn: '2026-04-09', objectionWindowEnd: '2026-04-13' }]);
  });

  it('a late notice and a hearing set too far are accepted with findings (the notice already went out)', () => {
    given(paths.portalRegistered())
      .when(cmd.preliminary(at('23'), at('28')))
      .then([
        {
          type: 'PreliminaryRefusalIssued',
          findings: [{ code: 'HEARING_NOTICE_LATE' }, { code: 'HEARING_SCHEDULED_TOO_LATE' }],
        },
      ]);
  });

  it('rejects a hearing before the notice, a bad ground or channel, a missing motivation or venue, a receipt before the notice', () => {
    const reg = paths.portalRegistered();
    given(reg)
      .when(cmd.preliminary(at('08'), at('07')))
      .then({ error: 'HEARING_BEFORE_NOTICE' });
    given(reg)
      .when(cmd.preliminary(at('08'), at('10'), { ground: 'G9' as never }))
      .then({ error: 'INVALID_COMMAND' });
    given(reg)
      .when(cmd.preliminary(at('08'), at('10'), { noticeChannel: 'PIGEON' as never }))
      .then({ error: 'INVALID_COMMAND' });
    given(reg)
      .when(cmd.preliminary(at('08'), at('10'), { motivation: { kk: '', ru: 'текст' } }))
      .then({ error: 'INVALID_COMMAND' });
    given(reg)
      .when(cmd.preliminary(at('08'), at('10'), { hearing: { at: at('10'), venue: { kind: 'PLACE', address: '' } } }))
      .then({ error: 'INVALID_COMMAND' });
    given(reg)
      .when(cmd.preliminary(at('08'), at('10'), { noticeReceivedOn: '2026-04-07' }))
      .then({ error: 'INVALID_COMMAND' });
    given(reg)
      .when(cmd.preliminary(at('08'), at('10'), { noticeReceivedOn: '9 April' }))
      .then({ error: 'INVALID_COMMAND' });
  });

  it('rejects a preliminary refusal before registration and a second one', () => {
    given(paths.portalReceived())
      .when(cmd.preliminary(at('08'), at('10')))
      .then({ error: 'INVALID_TRANSITION' });
    const pending = [
      ...paths.portalRegistered(),
      ...continueFrom(paths.portalRegistered(), cmd.preliminary(at('08'), at('10'))),
    ];
    given(pending)
      .when(cmd.preliminary(at('09'), at('10')))
      .then({ error: 'INVALID_TRANSITION' });
  });

  const pending = () => [
    ...paths.portalRegistered(),
    ...continueFrom(paths.portalRegistered(), cmd.preliminary(at('08'), at('10', '11:00'))),
  ];

  it('hearing held with an objection received in the window', () => {
    const objection = { receivedOn: '2026-04-09', summary: 'The archive has the wrong year.' };
    const { after } = given(pending())
      .when(cmd.hearing(at('10', '11:30'), objection))
      .then([{ type: 'HearingHeld', objection, findings: [], stageDeadline: endOf('2026-04-10') }]);
    expect(after.phase).toBe('AWAITING_DECISION');
  });

  it('an objection the college reported without a summary is recorded with the default summary', () => {
    const { after } = given(pending())
      .when(cmd.hearing(at('10', '11:30'), { receivedOn: '2026-04-09', summary: null }))
      .then([
        {
          type: 'HearingHeld',
          objection: { receivedOn: '2026-04-09', summary: OBJECTION_SUMMARY_NOT_GIVEN },
          findings: [],
        },
      ]);
    expect(after.phase).toBe('AWAITING_DECISION');
  });

  it('hearing held with no objection within the window', () => {
    given(pending())
      .when(cmd.hearing(at('10', '11:30')))
      .then([{ type: 'HearingHeld', objection: null, findings: [] }]);
  });

  it('a late hearing and a late objection are recorded with findings', () => {
    given(pending())
      .when(cmd.hearing(at('14'), { receivedOn: '2026-04-13', summary: 'late' }))
      .then([{ type: 'HearingHeld', findings: [{ code: 'HEARING_HELD_LATE' }, { code: 'OBJECTION_AFTER_WINDOW' }] }]);
  });

  it('rejects a hearing without a preliminary refusal, an objection before the notice, an empty objection', () => {
    given(paths.portalRegistered())
      .when(cmd.hearing(at('10')))
      .then({ error: 'INVALID_TRANSITION' });
    given(pending())
      .when(cmd.hearing(at('10'), { receivedOn: '2026-04-07', summary: 'x' }))
      .then({ error: 'INVALID_COMMAND' });
    given(pending())
      .when(cmd.hearing(at('10'), { receivedOn: '2026-04-09', summary: '' }))
      .then({ error: 'INVALID_COMMAND' });
  });
});

describe('decision (items 58-60)', () => {
  it('duplicate issued without a hearing: paper and digital (R17), due within the 5-day review', () => {
    const { after } = given(paths.portalRegistered())
      .when(cmd.issue(at('09')))
      .then([
        {
          type: 'DuplicateIssued',
          series: 'TKB',
          number: '0012345',
          issuedOn: '2026-04-09',
          requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
          afterHearing: false,
          stageDeadline: endOf('2026-04-13'),
        },
        {
          type: 'DigitalDiplomaPublished',
          applicantIin: '900101400122',
          series: 'TKB',
          number: '0012345',
          stageDeadline: endOf('2026-04-13'),
        },
        // The portal place: the paper duplicate waits at the college office from the decision (item 58).
        {
          type: 'ResultReady',
          place: { kind: 'PORTAL' },
          outcome: 'DUPLICATE',
          readyOn: '2026-04-09',
          storageEnd: null,
        },
      ]);
    expect(after.phase).toBe('READY');
    expect(after.decision).toMatchObject({ outcome: 'DUPLICATE_ISSUED', digitalPublishedAt: at('09') });
    expect(after.result).toMatchObject({
      outcome: 'DUPLICATE',
      place: { kind: 'PORTAL' },
      firstReadyAt: at('09'),
      plannedDispatch: null,
    });
  });

  it("the digital diploma carries the duplicate's date of issue, not the day the college reported it (items 59-60)", () => {
    given(paths.portalRegistered())
      .when({ ...cmd.issue(at('09')), issuedOn: '2026-04-08' })
      .then([
        { type: 'DuplicateIssued', issuedOn: '2026-04-08' },
        { type: 'DigitalDiplomaPublished', issuedOn: '2026-04-08' },
        { type: 'ResultReady' },
      ]);
  });

  it('duplicate issued after the hearing; for a PSC place it is due one day before the term ends', () => {
    given(withHearingHeld(paths.pscRegistered()))
      .when(cmd.issue(at('13')))
      .then([
        { type: 'DuplicateIssued', afterHearing: true, stageDeadline: '2026-04-26T23:59:59.999+05:00' },
        { type: 'DigitalDiplomaPublished' },
      ]);
    // A PSC place: the result waits for its courier order, planned with the decision.
    const decided = [
      ...withHearingHeld(paths.pscRegistered()),
      ...continueFrom(withHearingHeld(paths.pscRegistered()), cmd.issue(at('13'))),
    ];
    expect(given(decided).state.result?.plannedDispatch).toEqual({
      dispatchId: DISPATCH_ID,
      deliverBy: '2026-04-26T23:59:59.999+05:00',
    });
  });

  it('motivated refusal after the hearing, in Kazakh and Russian', () => {
    const { after } = given(withHearingHeld(paths.portalRegistered()))
      .when(cmd.refuse(at('13')))
      .then([
        {
          type: 'ApplicationRefused',
          ground: 'G1_UNRELIABLE_DATA',
          motivation: { kk: 'Деректер расталмады.', ru: 'Сведения не подтверждены.' },
          stageDeadline: endOf('2026-04-27'),
        },
        { type: 'ResultReady', outcome: 'REFUSAL' },
      ]);
    expect(after.decision).toMatchObject({ outcome: 'REFUSED' });
    expect(after.result).toMatchObject({ outcome: 'REFUSAL' });
    expect(after.phase).toBe('READY');
  });

  it('missing consent (G3) is refused only after the preliminary decision and the hearing', () => {
    const reg = history(
      cmd.receive(officeApp({ personalDataConsent: false })),
      cmd.identityOk(at('06', '10:01')),
      cmd.register(at('06', '10:30')),
    );
    given(reg)
      .when(cmd.refuse(at('07'), 'G3_NO_CONSENT'))
      .then({ error: 'PRELIMINARY_REFUSAL_REQUIRED' });
    given(withHearingHeld(reg, 'G3_NO_CONSENT'))
      .when(cmd.refuse(at('13'), 'G3_NO_CONSENT'))
      .then([
        { type: 'ApplicationRefused', ground: 'G3_NO_CONSENT' },
        { type: 'ResultReady', place: { kind: 'COLLEGE_OFFICE' } },
      ]);
  });

  it('rejects decisions out of order', () => {
    const pending = [
      ...paths.portalRegistered(),
      ...continueFrom(paths.portalRegistered(), cmd.preliminary(at('08'), at('10'))),
    ];
    given(paths.portalReceived())
      .when(cmd.issue(at('07')))
      .then({ error: 'INVALID_TRANSITION' });
    given(paths.pscAccepted())
      .when(cmd.refuse(at('07')))
      .then({ error: 'INVALID_TRANSITION' });
    given(pending)
      .when(cmd.issue(at('09')))
      .then({ error: 'HEARING_NOT_HELD' });
    given(pending)
      .when(cmd.refuse(at('09')))
      .then({ error: 'HEARING_NOT_HELD' });
    given(withHearingHeld(paths.portalRegistered()))
      .when(cmd.refuse(at('13'), 'G2_NONCOMPLIANT_DOCUMENTS'))
      .then({ error: 'REFUSAL_GROUND_NOT_HEARD' });
    given(withHearingHeld(paths.portalRegistered()))
      .when({ ...cmd.refuse(at('13')), motivation: { kk: '', ru: 'x' } })
      .then({ error: 'INVALID_COMMAND' });
    given(paths.portalRegistered())
      .when({ ...cmd.issue(at('09')), issuedOn: '09.04.2026' })
      .then({ error: 'INVALID_COMMAND' });
  });

  it('rejects a duplicate for a person the gateway could not confirm', () => {
    const failed = history(
      cmd.receive(portalApp()),
      cmd.identityFailed(at('06', '10:30')),
      cmd.register(at('06', '11:00')),
    );
    given(failed)
      .when(cmd.issue(at('07')))
      .then({ error: 'IDENTITY_NOT_VERIFIED' });
  });

  it('keeps a duplicate issued while the identity check runs, and issues it when the gateway verifies (item 49)', () => {
    const unverified = history(cmd.receive(officeApp()), cmd.register(at('06', '10:30')));
    const held = given(unverified)
      .when(cmd.issue(at('07', '12:00')))
      .then([{ type: 'DuplicateIssueHeld', at: at('07', '12:00'), series: 'TKB', number: '0012345' }]);
    expect(held.after.phase).toBe('UNDER_REVIEW');
    expect(held.after.decision).toBeNull();
    const heldEvents = [...unverified, ...held.events];
    // The decision is final: neither another one nor a refusal replaces it.
    given(heldEvents)
      .when(cmd.issue(at('07', '13:00')))
      .then({ error: 'DECISION_ALREADY_MADE' });
    given(heldEvents)
      .when(cmd.preliminary(at('07', '13:00'), at('09', '11:00')))
      .then({ error: 'DECISION_ALREADY_MADE' });
    const verified = given(heldEvents)
      .when(cmd.identityOk(at('08', '09:00')))
      .then([
        { type: 'IdentityVerified', at: at('08', '09:00') },
        { type: 'DuplicateIssued', at: at('08', '09:00'), series: 'TKB', number: '0012345', afterHearing: false },
        { type: 'DigitalDiplomaPublished', at: at('08', '09:00') },
        { type: 'ResultReady', at: at('08', '09:00') },
      ]);
    expect(verified.after.phase).toBe('READY');
    expect(verified.after.heldDecision).toBeNull();
    expect(verified.after.decision).toMatchObject({ outcome: 'DUPLICATE_ISSUED', issuedOn: '2026-04-07' });
  });

  it('a held duplicate waits through a failed check and takes effect after the operator retries it', () => {
    const unverified = history(cmd.receive(pscApp()), cmd.register(at('06', '15:00')), cmd.issue(at('07', '12:00')));
    const failed = [...unverified, ...continueFrom(unverified, cmd.identityFailed(at('07', '14:00')))];
    const retried = [...failed, ...continueFrom(failed, cmd.identityRetry(at('08', '09:00')))];
    given(retried)
      .when(cmd.identityOk(at('08', '09:05'), undefined, 2))
      .then([
        { type: 'IdentityVerified' },
        { type: 'DuplicateIssued', at: at('08', '09:05') },
        { type: 'DigitalDiplomaPublished' },
      ]);
    // Without a held decision a verification is only a verification.
    const plain = history(cmd.receive(pscApp()), cmd.register(at('06', '15:00')));
    given(plain)
      .when(cmd.identityOk(at('07', '09:00')))
      .then([{ type: 'IdentityVerified' }]);
  });

  it('after a failed check the college may take the G1 path instead of its held duplicate', () => {
    const unverified = history(cmd.receive(pscApp()), cmd.register(at('06', '15:00')), cmd.issue(at('07', '12:00')));
    const failed = [...unverified, ...continueFrom(unverified, cmd.identityFailed(at('07', '14:00'), 'NOT_FOUND'))];
    const { after } = given(failed)
      .when(cmd.preliminary(at('08'), at('10', '11:00')))
      .then([{ type: 'PreliminaryRefusalIssued' }]);
    expect(after.heldDecision).toBeNull();
    // While the check runs, it may not.
    given(unverified)
      .when(cmd.preliminary(at('08'), at('10', '11:00')))
      .then({ error: 'DECISION_ALREADY_MADE' });
  });

  it('a held duplicate takes effect no earlier than the college decided, when the answer was stamped before it', () => {
    const unverified = history(cmd.receive(officeApp()), cmd.register(at('06', '10:30')), cmd.issue(at('07', '09:00')));
    const { after } = given(unverified)
      .when(cmd.identityOk(at('06', '23:50')))
      .then([
        { type: 'IdentityVerified', at: at('06', '23:50') },
        { type: 'DuplicateIssued', at: at('07', '09:00') },
        { type: 'DigitalDiplomaPublished', at: at('07', '09:00') },
        { type: 'ResultReady', at: at('07', '09:00') },
      ]);
    expect(after.lastEventAt).toBe(at('07', '09:00'));
    expect(after.result?.readyOn).toBe('2026-04-07');
  });

  it('a second decision is DECISION_ALREADY_MADE', () => {
    const decided = [...paths.portalRegistered(), ...continueFrom(paths.portalRegistered(), cmd.issue(at('09')))];
    given(decided)
      .when(cmd.issue(at('10')))
      .then({ error: 'DECISION_ALREADY_MADE' });
    given(decided)
      .when(cmd.refuse(at('10')))
      .then({ error: 'DECISION_ALREADY_MADE' });
    given(decided)
      .when(cmd.preliminary(at('10'), at('13')))
      .then({ error: 'DECISION_ALREADY_MADE' });
    given(decided)
      .when(cmd.hearing(at('10')))
      .then({ error: 'DECISION_ALREADY_MADE' });
  });
});
