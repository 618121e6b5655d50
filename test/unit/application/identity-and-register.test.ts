import { describe, expect, it } from 'vitest';
import { given } from './given.js';
import {
  at,
  cmd,
  continueFrom,
  ctx3,
  history,
  paths,
  portalApp,
  pscApp,
  REGISTER_ID,
  registerIdOf,
  registerPerson,
  requestNo,
} from './fixtures.js';

describe('identity through the gateway (item 49)', () => {
  it('verified: the core compares the register with the application and records the mismatches (G1 candidates)', () => {
    const other = registerPerson({
      surname: 'Иванова',
      deceased: true,
      documents: [{ type: 'ID_CARD', number: '045678912', validUntil: '2020-01-01' }],
    });
    const { after } = given(paths.portalReceived())
      .when(cmd.identityOk(at('06', '10:05'), other))
      .then([
        {
          type: 'IdentityVerified',
          requestId: requestNo(1),
          findings: [{ code: 'NAME_MISMATCH' }, { code: 'DECEASED' }, { code: 'DOCUMENT_INVALID' }],
          stageDeadline: '2026-04-06T23:59:59.999+05:00',
        },
      ]);
    expect(after.identity).toMatchObject({
      status: 'VERIFIED',
      findings: [{ code: 'NAME_MISMATCH' }, { code: 'DECEASED' }, { code: 'DOCUMENT_INVALID' }],
    });
    // Details name the fields, never the values (they are personal data).
    expect(JSON.stringify(after.identity!.findings)).not.toMatch(/Иванова|045678912/);
  });

  it('verified without findings when the register matches the application', () => {
    given(paths.portalReceived())
      .when(cmd.identityOk(at('06', '10:05')))
      .then([{ type: 'IdentityVerified', findings: [] }]);
  });

  it('the same request is repeated while unanswered, then IDENTITY_FAILED (NO_ANSWER) after the last attempt', () => {
    const received = paths.portalReceived();
    const { events: e2, after: s2 } = given(received)
      .when(cmd.identityOverdue(at('06', '10:20')), ctx3)
      .then([{ type: 'IdentityRequestRepeated', requestId: requestNo(1), attempt: 2 }]);
    expect(s2.identity).toMatchObject({ status: 'PENDING', requestId: requestNo(1), attempt: 2 });
    const { events: e3 } = given([...received, ...e2])
      .when(cmd.identityOverdue(at('06', '10:40')), ctx3)
      .then([{ type: 'IdentityRequestRepeated', attempt: 3 }]);
    given([...received, ...e2, ...e3])
      .when(cmd.identityOverdue(at('06', '11:00')), ctx3)
      .then([{ type: 'IdentityFailed', reason: 'NO_ANSWER', attempts: 3, detail: 'no answer after 3 requests' }]);
  });

  it('an ERROR answer is recorded and the request repeated later (not a failure)', () => {
    const { after } = given(paths.portalReceived())
      .when(cmd.identityError(at('06', '10:02')))
      .then([{ type: 'IdentityAnswerErrored', requestId: requestNo(1), attempt: 1, errorCode: 'GBDFL_UNAVAILABLE' }]);
    expect(after.identity).toMatchObject({ status: 'PENDING', attempt: 1 });
  });

  it('failed (no answer), retried by an operator with a new request id, then verified', () => {
    const failed = history(cmd.receive(portalApp()), cmd.identityFailed(at('06', '12:00')));
    expect(given(failed).state.identity).toMatchObject({
      status: 'FAILED',
      failure: { reason: 'NO_ANSWER', attempts: 1 },
    });
    const { after } = given(failed)
      .when(cmd.identityRetry(at('07', '09:00')))
      .then([{ type: 'IdentityCheckRetried', requestId: requestNo(2), operatorId: 'OPS-3' }]);
    expect(after.identity).toMatchObject({ status: 'PENDING', retries: 1, requestId: requestNo(2), attempt: 1 });
    const retried = [...failed, ...continueFrom(failed, cmd.identityRetry(at('07', '09:00')))];
    const { after: verified } = given(retried)
      .when(cmd.identityOk(at('07', '09:01'), registerPerson(), 2))
      .then([{ type: 'IdentityVerified' }]);
    expect(verified.identity).toMatchObject({ status: 'VERIFIED', retries: 1 });
    // An answer to the first check, arriving now, is late: nothing changes.
    given(retried)
      .when(cmd.identityOk(at('07', '09:02'), registerPerson(), 1))
      .then([]);
  });

  it('not found is a failure too', () => {
    given(paths.portalReceived())
      .when(cmd.identityFailed(at('06', '12:00'), 'NOT_FOUND'))
      .then([{ type: 'IdentityFailed', reason: 'NOT_FOUND', attempts: 1 }]);
  });

  it('a late gateway answer after giving up (NO_ANSWER) is still recorded', () => {
    given(history(cmd.receive(portalApp()), cmd.identityFailed(at('06', '12:00'))))
      .when(cmd.identityOk(at('06', '12:30')))
      .then([{ type: 'IdentityVerified' }]);
  });

  it('after giving up (NO_ANSWER) a late NOT_FOUND or ERROR records nothing: IDENTITY_FAILED is reported once', () => {
    const failed = history(cmd.receive(portalApp()), cmd.identityFailed(at('06', '12:00')));
    expect(given(failed).state.identity).toMatchObject({ status: 'FAILED', failure: { reason: 'NO_ANSWER' } });
    given(failed)
      .when(cmd.identityFailed(at('06', '12:30'), 'NOT_FOUND'))
      .then([]);
    given(failed)
      .when(cmd.identityError(at('06', '12:30')))
      .then([]);
  });

  it('a duplicate answer or an overdue timer after the answer changes nothing', () => {
    given(paths.portalRegistered())
      .when(cmd.identityOk(at('06', '12:00')))
      .then([]);
    given(paths.portalRegistered())
      .when(cmd.identityFailed(at('06', '12:00'), 'NOT_FOUND'))
      .then([]);
    given(paths.portalRegistered())
      .when(cmd.identityOverdue(at('06', '12:00')))
      .then([]);
  });

  it('parks a FOUND answer about another IIN than the one asked for; the request is repeated later (issue 12 item 6)', () => {
    const other = registerPerson({ iin: '850101300125', surname: 'Басқа', name: 'Адам' });
    given(paths.portalReceived())
      .when(cmd.identityOk(at('06', '12:00'), other))
      .then({ error: 'IDENTITY_ANSWER_IIN_MISMATCH' });
    // The wait for the real answer is still on: when it ends the request is repeated.
    given(paths.portalReceived())
      .when(cmd.identityOverdue(at('06', '12:00')), ctx3)
      .then([{ type: 'IdentityRequestRepeated' }]);
  });

  it('rejects an answer to a request never sent, a retry of a check that did not fail, and malformed answers', () => {
    given(paths.portalReceived())
      .when({ ...cmd.identityOk(at('06', '12:00')), requestId: 'idr-OTHER-1' })
      .then({ error: 'UNKNOWN_IDENTITY_REQUEST' });
    given(paths.portalReceived())
      .when(cmd.identityOk(at('06', '12:00'), registerPerson(), 7))
      .then({ error: 'UNKNOWN_IDENTITY_REQUEST' });
    given(paths.portalReceived())
      .when(cmd.identityRetry(at('06', '12:00')))
      .then({ error: 'INVALID_TRANSITION' });
    given(paths.portalReceived())
      .when({ ...cmd.identityOk(at('06', '12:00')), answer: { status: 'MAYBE' } as never })
      .then({ error: 'INVALID_COMMAND' });
    given(paths.portalReceived())
      .when({ ...cmd.identityOk(at('06', '12:00')), requestId: '' })
      .then({ error: 'INVALID_COMMAND' });
  });

  it('after the decision the identity check cannot change: answers and timers are ignored', () => {
    const decided = [...paths.portalRegistered(), ...continueFrom(paths.portalRegistered(), cmd.issue(at('07')))];
    given(decided)
      .when(cmd.identityOverdue(at('08')))
      .then([]);
  });
});

describe('the register from the PSC to the college (items 54-55)', () => {
  it('is planned at acceptance: the register of the PSC branch and college in the first slot after acceptance', () => {
    const { after } = given([])
      .when(cmd.receive(pscApp()))
      .then([{ type: 'ApplicationAccepted', registerPlan: { registerId: REGISTER_ID } }]);
    expect(after.registerPlan).toEqual({
      registerId: REGISTER_ID,
      courierSlot: { slotId: REGISTER_ID, pickupAt: '2026-04-06T13:00:00.000+05:00' },
    });
    // After the last slot (20:00) of a Saturday the register leaves in Monday's first slot.
    given([])
      .when(cmd.receive(pscApp({ submittedAt: at('11', '20:30') })))
      .then([
        { type: 'ApplicationAccepted', registerPlan: { courierSlot: { pickupAt: '2026-04-13T13:00:00.000+05:00' } } },
      ]);
  });

  it('dispatched with two copies in the planned slot when the courier picks it up, due the day of acceptance', () => {
    const { after } = given(paths.pscAccepted())
      .when(cmd.dispatchRegister(at('06', '13:05')))
      .then([
        {
          type: 'RegisterDispatched',
          registerId: REGISTER_ID,
          copies: 2,
          fromBranchId: 'PSC-ALM-07',
          toCollegeBin: '040740005191',
          courierSlot: { slotId: REGISTER_ID, pickupAt: '2026-04-06T13:00:00.000+05:00' },
          stageDeadline: '2026-04-06T23:59:59.999+05:00',
        },
      ]);
    expect(after.phase).toBe('REGISTER_IN_TRANSIT');
  });

  it('delivered to the college; a Saturday acceptance is due at the college on Monday', () => {
    const app = pscApp({ submittedAt: at('11', '12:00') });
    const reg = registerIdOf(app);
    const sat = history(cmd.receive(app), cmd.dispatchRegister(at('11', '13:00'), reg));
    const { after } = given(sat)
      .when(cmd.deliverRegister(at('11', '15:00'), reg))
      .then([
        {
          type: 'DeliveredToCollege',
          registerId: reg,
          collegeBin: '040740005191',
          stageDeadline: '2026-04-13T23:59:59.999+05:00',
        },
      ]);
    expect(after.phase).toBe('AWAITING_REGISTRATION');
    expect(after.register?.deliveredAt).toBe(at('11', '15:00'));
  });

  it('out of order: a delivery without its pick-up records both; repeated courier events change nothing', () => {
    const { events, after } = given(paths.pscAccepted())
      .when(cmd.deliverRegister(at('06', '15:00')))
      .then([{ type: 'RegisterDispatched', at: at('06', '15:00') }, { type: 'DeliveredToCollege' }]);
    expect(after.phase).toBe('AWAITING_REGISTRATION');
    const delivered = [...paths.pscAccepted(), ...events];
    given(delivered)
      .when(cmd.deliverRegister(at('06', '15:10')))
      .then([]);
    given(delivered)
      .when(cmd.dispatchRegister(at('06', '15:20')))
      .then([]);
    const dispatched = history(cmd.receive(pscApp()), cmd.dispatchRegister(at('06', '13:00')));
    given(dispatched)
      .when(cmd.dispatchRegister(at('06', '13:30')))
      .then([]);
  });

  it('rejects a register for portal and office applications: they do not travel on paper', () => {
    given(paths.portalReceived())
      .when(cmd.dispatchRegister(at('06', '13:00')))
      .then({ error: 'NOT_APPLICABLE_TO_CHANNEL' });
    given(paths.officeRegistered())
      .when(cmd.deliverRegister(at('06', '13:00')))
      .then({ error: 'NOT_APPLICABLE_TO_CHANNEL' });
  });

  it('rejects another register and a malformed slot', () => {
    const dispatched = history(cmd.receive(pscApp()), cmd.dispatchRegister(at('06', '13:00')));
    given(dispatched)
      .when(cmd.deliverRegister(at('06', '15:00'), 'REG-9'))
      .then({ error: 'REGISTER_MISMATCH' });
    given(paths.pscAccepted())
      .when(cmd.dispatchRegister(at('06', '13:00'), 'REG-9'))
      .then({ error: 'REGISTER_MISMATCH' });
    given(paths.pscAccepted())
      .when({ ...cmd.dispatchRegister(at('06', '13:00')), courierSlot: { slotId: 'S', pickupAt: 'noon' } })
      .then({ error: 'INVALID_COMMAND' });
  });
});
