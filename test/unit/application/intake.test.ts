import { describe, expect, it } from 'vitest';
import { given } from './given.js';
import { at, cmd, ctx, ID, officeApp, paths, portalApp, pscApp, refusedPscApp } from './fixtures.js';

const deadlines = {
  registrationDate: '2026-04-06',
  termEndDate: '2026-04-27',
  termEndsAt: '2026-04-27T23:59:59.999+05:00',
  hearingNoticeLatest: '2026-04-22',
};

describe('intake (items 47-53)', () => {
  it('a portal application is SUBMITTED, the deadlines are stored and it waits for registration (item 51)', () => {
    const { after } = given([])
      .when(cmd.receive(portalApp()))
      .then([
        {
          type: 'ApplicationSubmitted',
          applicationId: ID,
          at: at('06'),
          deadlines,
          atRiskFrom: '2026-04-24',
          consentMissing: false,
          findings: [],
          stageDeadline: null,
        },
      ]);
    expect(after.phase).toBe('AWAITING_REGISTRATION');
    expect(after.deadlines).toMatchObject(deadlines);
    expect(after.identity).toMatchObject({ status: 'PENDING' });
    expect(after.version).toBe(1);
  });

  it('a PSC application is ACCEPTED with the Appendix 3 receipt and waits for the register (item 50)', () => {
    const { after } = given([])
      .when(cmd.receive(pscApp()))
      .then([
        {
          type: 'ApplicationAccepted',
          receipt: {
            form: 'APPENDIX_3_ACCEPTANCE_RECEIPT',
            receiptNumber: 'R-2026-000123',
            acceptedAt: at('06'),
            acceptedBy: { kind: 'PSC', branchId: 'PSC-ALM-07', operatorId: 'OP-15' },
            applicantFullName: 'Ахметова Айгерім Сериковна',
            representativeFullName: null,
            documentsAccepted: [{ type: 'APPLICATION_FORM' }, { type: 'ID_CARD', number: '045678912' }],
            resultDueOn: '2026-04-27',
            resultPlace: { kind: 'PSC', branchId: 'PSC-ALM-07' },
          },
        },
      ]);
    expect(after.phase).toBe('AWAITING_REGISTER_DISPATCH');
  });

  it('an office application is ACCEPTED with a receipt numbered by the application id and is already at the college', () => {
    const rep = { surname: 'Ахметов', name: 'Серік', iin: '720905304568', relation: 'PARENT' as const };
    const { after } = given([])
      .when(cmd.receive(officeApp({ representative: rep })))
      .then([
        {
          type: 'ApplicationAccepted',
          receipt: {
            receiptNumber: ID,
            acceptedBy: { kind: 'COLLEGE_OFFICE', collegeBin: '040740005191' },
            representativeFullName: 'Ахметов Серік',
          },
        },
      ]);
    expect(after.phase).toBe('AWAITING_REGISTRATION');
  });

  it('an incomplete package is refused with the Appendix 4 receipt listing what is missing (item 52)', () => {
    const { after } = given([])
      .when(cmd.receive(refusedPscApp()))
      .then([
        {
          type: 'IntakeRefused',
          findings: [{ code: 'IDENTITY_DOCUMENT_MISSING', field: 'presentedDocuments', intakeRefusal: true }],
          refusalReceipt: {
            form: 'APPENDIX_4_REFUSAL_RECEIPT',
            receiptNumber: 'R-2026-000123',
            refusedBy: { kind: 'PSC', branchId: 'PSC-ALM-07' },
            missingDocuments: [{ kind: 'MISSING_OR_INCOMPLETE', code: 'IDENTITY_DOCUMENT_MISSING' }],
            expiredDocuments: [],
            copies: 2,
          },
        },
      ]);
    expect(after.phase).toBe('INTAKE_REFUSED');
    expect(after.identity).toBeNull();
  });

  it('an expired document is refused with the Appendix 4 receipt listing it as expired (item 52)', () => {
    const expired = [
      { type: 'APPLICATION_FORM' as const },
      { type: 'PASSPORT' as const, number: 'N1', validUntil: '2025-01-01', holderIin: '900101400122' },
    ];
    given([])
      .when(cmd.receive(pscApp({ presentedDocuments: expired })))
      .then([
        {
          type: 'IntakeRefused',
          refusalReceipt: {
            missingDocuments: [],
            expiredDocuments: [{ kind: 'EXPIRED', code: 'IDENTITY_DOCUMENT_EXPIRED' }],
          },
        },
      ]);
  });

  it('a portal intake refusal names the portal as the refusing party', () => {
    given([])
      .when(cmd.receive(portalApp({ signature: undefined })))
      .then([
        {
          type: 'IntakeRefused',
          refusalReceipt: { refusedBy: { kind: 'PORTAL' }, missingDocuments: [{ code: 'SIGNATURE_MISSING' }] },
        },
      ]);
  });

  it('missing consent (G3) never refuses intake: accepted, flagged for the college', () => {
    const { after } = given([])
      .when(cmd.receive(officeApp({ personalDataConsent: false })))
      .then([
        {
          type: 'ApplicationAccepted',
          consentMissing: true,
          findings: [{ code: 'CONSENT_MISSING', field: 'personalDataConsent' }],
        },
      ]);
    expect(after.consentMissing).toBe(true);
  });

  it('a portal filing on Friday evening is registered on Monday (item 53)', () => {
    given([])
      .when(cmd.receive(portalApp({ submittedAt: at('10', '19:00') })))
      .then([{ type: 'ApplicationSubmitted', deadlines: { registrationDate: '2026-04-13' } }]);
  });

  describe('rejections', () => {
    it('a second intake of the same id: APPLICATION_ALREADY_RECEIVED', () => {
      given(paths.portalReceived()).when(cmd.receive(portalApp())).then({ error: 'APPLICATION_ALREADY_RECEIVED' });
    });
    it('a submission stamped after its arrival beyond the clock skew: SUBMITTED_IN_FUTURE (issue 12 item 4)', () => {
      const app = portalApp();
      given([])
        .when({ ...cmd.receive(app), receivedAt: at('30', '10:00', '03') })
        .then({ error: 'SUBMITTED_IN_FUTURE' });
      // Four minutes ahead is a clock within NTP's drift: accepted.
      given([])
        .when({ ...cmd.receive(app), receivedAt: at('06', '09:56') })
        .then([{ type: 'ApplicationSubmitted' }]);
    });
    it("an office application sent by another college than the form's: COLLEGE_MISMATCH", () => {
      const app = officeApp();
      given([])
        .when({ ...cmd.receive(app), collegeBin: '991240018472' })
        .then({ error: 'COLLEGE_MISMATCH' });
      // The form's college, or a BIN with a wrong check digit, is compared as it is.
      given([])
        .when({ ...cmd.receive(app), collegeBin: app.collegeBin.slice(0, 11) + '0' })
        .then({ error: 'COLLEGE_MISMATCH' });
      given([])
        .when({ ...cmd.receive(app), collegeBin: app.collegeBin })
        .then([{ type: 'ApplicationAccepted' }]);
    });
    it('the application inside carries another id: APPLICATION_ID_MISMATCH', () => {
      given([])
        .when({ ...cmd.receive(portalApp()), applicationId: 'APP-OTHER' })
        .then({ error: 'APPLICATION_ID_MISMATCH' });
    });
    it('a PSC application without receipt data: INVALID_COMMAND', () => {
      const { psc: _p, ...noPsc } = pscApp();
      given([]).when(cmd.receive(noPsc)).then({ error: 'INVALID_COMMAND' });
    });
    it('a submission instant without offset: INVALID_COMMAND', () => {
      given([])
        .when(cmd.receive(portalApp({ submittedAt: '2026-04-06T10:00:00' })))
        .then({ error: 'INVALID_COMMAND' });
    });
    it('the core checks the application itself: a wrong check digit of the IIN refuses intake', () => {
      given([])
        .when(cmd.receive(portalApp({ applicant: { ...portalApp().applicant, iin: '900101400123' } })))
        .then([
          { type: 'IntakeRefused', findings: [{ code: 'IIN_INVALID', field: 'applicant.iin', intakeRefusal: true }] },
        ]);
    });
    it('a command without an instant: INVALID_COMMAND', () => {
      given([])
        .when({ ...cmd.receive(portalApp()), at: 'yesterday' })
        .then({ error: 'INVALID_COMMAND' });
    });
    it('a term that runs into a provisional year is computed, never refused, and says it is provisional', () => {
      const { after } = given([])
        .when(cmd.receive(portalApp({ submittedAt: at('21', '10:00', '12') })))
        .then([
          { type: 'ApplicationSubmitted', calendar: { calendarVersion: ctx.calendar.version.id, provisional: true } },
        ]);
      // Mon 21 Dec 2026 + 15 working days, over 1-2 Jan, 4 Jan (moved from Sat 2 Jan) and 7 Jan 2027.
      expect(after.deadlines?.termEndDate).toBe('2027-01-14');
    });
    it('a term within an official year rests on the calendar version, not provisional', () => {
      given([])
        .when(cmd.receive(portalApp()))
        .then([
          { type: 'ApplicationSubmitted', calendar: { calendarVersion: ctx.calendar.version.id, provisional: false } },
        ]);
    });
    it('an unknown command type: INVALID_COMMAND', () => {
      given(paths.portalReceived())
        .when({ type: 'Teleport', applicationId: ID, at: at('07') } as never)
        .then({ error: 'INVALID_COMMAND' });
    });
  });
});
