import { describe, expect, it } from 'vitest';
import { given } from './given.js';
import { at, cmd, continueFrom, history, paths, portalApp, pscApp } from './fixtures.js';

describe('identity through the gateway (item 49)', () => {
  it('verified, with mismatch findings recorded for the college (G1 candidates)', () => {
    const findings = [
      { code: 'NAME_MISMATCH' as const, detail: 'surname differs' },
      { code: 'DECEASED' as const, detail: 'death record 2024' },
      { code: 'DOCUMENT_INVALID' as const, detail: 'ID card revoked' },
    ];
    const { after } = given(paths.portalReceived())
      .when(cmd.identityOk(at('06', '10:05'), findings))
      .then([{ type: 'IdentityVerified', requestId: 'REQ-1', findings, stageDeadline: '2026-04-06T23:59:59.999+05:00' }]);
    expect(after.identity).toMatchObject({ status: 'VERIFIED', findings });
  });

  it('failed (no answer after retries), retried by an operator, then verified', () => {
    const failed = history(cmd.receive(portalApp()), cmd.identityFailed(at('06', '12:00')));
    const s1 = given(failed).state;
    expect(s1.identity).toMatchObject({ status: 'FAILED', failure: { reason: 'NO_ANSWER', attempts: 5, detail: null } });
    const { after } = given(failed)
      .when(cmd.identityRetry(at('07', '09:00')))
      .then([{ type: 'IdentityCheckRetried', requestId: 'REQ-2', operatorId: 'OPS-3' }]);
    expect(after.identity).toMatchObject({ status: 'PENDING', retries: 1 });
    const retried = [...failed, ...continueFrom(failed, cmd.identityRetry(at('07', '09:00')))];
    const { after: verified } = given(retried).when(cmd.identityOk(at('07', '09:01'))).then([{ type: 'IdentityVerified' }]);
    expect(verified.identity).toMatchObject({ status: 'VERIFIED', retries: 1 });
  });

  it('not found is a failure too', () => {
    given(paths.portalReceived())
      .when({ ...cmd.identityFailed(at('06', '12:00'), 'NOT_FOUND'), detail: 'no such IIN' })
      .then([{ type: 'IdentityFailed', reason: 'NOT_FOUND', detail: 'no such IIN' }]);
  });

  it('a late gateway answer after a failure is still recorded', () => {
    given(history(cmd.receive(portalApp()), cmd.identityFailed(at('06', '12:00'))))
      .when(cmd.identityOk(at('06', '12:30')))
      .then([{ type: 'IdentityVerified' }]);
  });

  it('rejects a second answer, a retry of a check that did not fail, and malformed answers', () => {
    given(paths.portalRegistered()).when(cmd.identityOk(at('06', '12:00'))).then({ error: 'INVALID_TRANSITION' });
    given(paths.portalRegistered()).when(cmd.identityFailed(at('06', '12:00'))).then({ error: 'INVALID_TRANSITION' });
    given(paths.portalReceived()).when(cmd.identityRetry(at('06', '12:00'))).then({ error: 'INVALID_TRANSITION' });
    given(paths.portalReceived())
      .when({ ...cmd.identityOk(at('06', '12:00')), findings: [{ code: 'BAD', detail: '' }] as never })
      .then({ error: 'INVALID_COMMAND' });
    given(paths.portalReceived())
      .when({ ...cmd.identityFailed(at('06', '12:00')), reason: 'TIMEOUT' as never })
      .then({ error: 'INVALID_COMMAND' });
    given(paths.portalReceived())
      .when({ ...cmd.identityFailed(at('06', '12:00')), attempts: 0 })
      .then({ error: 'INVALID_COMMAND' });
    given(paths.portalReceived())
      .when({ ...cmd.identityOk(at('06', '12:00')), requestId: '' })
      .then({ error: 'INVALID_COMMAND' });
  });

  it('after the decision the identity check cannot change', () => {
    const decided = [...paths.portalRegistered(), ...continueFrom(paths.portalRegistered(), cmd.issue(at('07')))];
    given(decided).when(cmd.identityFailed(at('08'))).then({ error: 'INVALID_TRANSITION' });
  });
});

describe('the register from the PSC to the college (items 54-55)', () => {
  it('dispatched with two copies in the courier slot, due the day of acceptance', () => {
    const { after } = given(paths.pscAccepted())
      .when(cmd.dispatchRegister(at('06', '13:00')))
      .then([
        {
          type: 'RegisterDispatched',
          registerId: 'REG-1',
          copies: 2,
          fromBranchId: 'PSC-ALM-07',
          toCollegeBin: '990140000385',
          courierSlot: { slotId: 'SLOT-1' },
          stageDeadline: '2026-04-06T23:59:59.999+05:00',
        },
      ]);
    expect(after.phase).toBe('REGISTER_IN_TRANSIT');
  });

  it('delivered to the college; a Saturday acceptance is due at the college on Monday', () => {
    const sat = history(cmd.receive(pscApp({ submittedAt: at('11', '12:00') })), cmd.dispatchRegister(at('11', '13:00')));
    const { after } = given(sat)
      .when(cmd.deliverRegister(at('11', '15:00')))
      .then([{ type: 'DeliveredToCollege', registerId: 'REG-1', collegeBin: '990140000385', stageDeadline: '2026-04-13T23:59:59.999+05:00' }]);
    expect(after.phase).toBe('AWAITING_REGISTRATION');
    expect(after.register?.deliveredAt).toBe(at('11', '15:00'));
  });

  it('rejects a register for portal and office applications: they do not travel on paper', () => {
    given(paths.portalReceived()).when(cmd.dispatchRegister(at('06', '13:00'))).then({ error: 'NOT_APPLICABLE_TO_CHANNEL' });
    given(paths.officeRegistered()).when(cmd.deliverRegister(at('06', '13:00'))).then({ error: 'NOT_APPLICABLE_TO_CHANNEL' });
  });

  it('rejects a delivery of another register, a delivery before dispatch and a second dispatch', () => {
    const dispatched = history(cmd.receive(pscApp()), cmd.dispatchRegister(at('06', '13:00')));
    given(dispatched).when(cmd.deliverRegister(at('06', '15:00'), 'REG-9')).then({ error: 'REGISTER_MISMATCH' });
    given(paths.pscAccepted()).when(cmd.deliverRegister(at('06', '15:00'))).then({ error: 'INVALID_TRANSITION' });
    given(dispatched).when(cmd.dispatchRegister(at('06', '20:00'))).then({ error: 'INVALID_TRANSITION' });
    given(paths.pscAccepted())
      .when({ ...cmd.dispatchRegister(at('06', '13:00')), courierSlot: { slotId: 'S', pickupAt: 'noon' } })
      .then({ error: 'INVALID_COMMAND' });
  });
});
