import { describe, expect, it } from 'vitest';
import type { Application } from '../../../src/core/application/model.js';
import { generateBin, generateIin } from '../../../src/core/identity-numbers/index.js';
import { ageOn, isIntakeRefused, isMinorOn, validateIntake } from '../../../src/core/checks/index.js';

const ADULT_IIN = generateIin('1995-06-10', 'FEMALE', 17);
const PARENT_IIN = generateIin('1975-01-20', 'MALE', 3);
const COLLEGE_BIN = generateBin('2004-09', 4, 0, 12345);

function office(overrides: Partial<Application> = {}): Application {
  return {
    applicationId: 'app-1',
    channel: 'COLLEGE_OFFICE',
    submittedAt: '2026-03-19T10:00:00+05:00',
    collegeBin: COLLEGE_BIN,
    collegeName: 'Almaty Polytechnic College',
    collegeHeadName: 'Seitkali Aigerim',
    applicant: { surname: 'Nurlanova', name: 'Dana', iin: ADULT_IIN },
    institutionName: 'Almaty Polytechnic College',
    graduationYear: 2015,
    specialtyName: 'Accounting',
    requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
    reason: 'LOST',
    personalDataConsent: true,
    presentedDocuments: [{ type: 'ID_CARD', number: '012345678', validUntil: '2030-01-01', holderIin: ADULT_IIN }],
    resultPlace: { kind: 'COLLEGE_OFFICE' },
    ...overrides,
  };
}

const psc = (o: Partial<Application> = {}) =>
  office({
    channel: 'PSC',
    psc: { receiptNumber: 'R-1', branchId: 'PSC-ALM-01', operatorId: 'op-7' },
    resultPlace: { kind: 'PSC', branchId: 'PSC-ALM-01' },
    ...o,
  });
const portal = (o: Partial<Application> = {}) =>
  office({
    channel: 'PORTAL',
    presentedDocuments: [],
    signature: { kind: 'EDS', reference: 'cms-sig-1', signedAt: '2026-03-19T10:00:00+05:00' },
    resultPlace: { kind: 'PORTAL' },
    ...o,
  });

const codes = (app: Application) => validateIntake(app).map((f) => f.code);

describe('complete applications pass', () => {
  it.each([
    ['office', office()],
    ['PSC', psc()],
    ['portal with EDS', portal()],
    [
      'portal with OTP',
      portal({ signature: { kind: 'OTP', reference: 'otp-tx-9', signedAt: '2026-03-19T10:00:00+05:00' } }),
    ],
    [
      'portal signed a minute after the submission (within the clocks skew)',
      portal({ signature: { kind: 'OTP', reference: 'otp-tx-9', signedAt: '2026-03-19T10:01:00+05:00' } }),
    ],
    ['digital document at the PSC', psc({ presentedDocuments: [{ type: 'DIGITAL_DOCUMENT' }] })],
    [
      'identity valid through the submission day',
      office({ presentedDocuments: [{ type: 'PASSPORT', validUntil: '2026-03-19' }] }),
    ],
    [
      'expired passport next to a valid ID card',
      office({
        presentedDocuments: [
          { type: 'PASSPORT', validUntil: '2020-01-01' },
          { type: 'ID_CARD', validUntil: '2030-01-01' },
        ],
      }),
    ],
    ['name changed, not damaged', office({ reason: 'NAME_CHANGED', originalDamaged: false })],
    [
      'name changed and damaged, with the original',
      office({
        reason: 'NAME_CHANGED',
        originalDamaged: true,
        presentedDocuments: [{ type: 'ID_CARD', validUntil: '2030-01-01' }, { type: 'ORIGINAL_EDUCATION_DOCUMENT' }],
      }),
    ],
    [
      'renamed institution with former name and address',
      office({ formerInstitution: { name: 'Almaty College No. 3', address: 'Almaty, Abay ave. 1' } }),
    ],
  ])('%s', (_n, app) => {
    const findings = validateIntake(app);
    expect(findings).toEqual([]);
    expect(isIntakeRefused(findings)).toBe(false);
  });
});

describe('intake refusals (item 52: incomplete package or expired document)', () => {
  it.each<[string, Application, string, string]>([
    ['portal without signature', portal({ signature: undefined }), 'SIGNATURE_MISSING', 'signature'],
    [
      'portal with a signature of unknown kind',
      portal({ signature: { kind: 'PIN' as 'EDS', reference: 'x', signedAt: '2026-03-19T10:00:00+05:00' } }),
      'SIGNATURE_INVALID',
      'signature',
    ],
    [
      'portal with an empty signature reference',
      portal({ signature: { kind: 'OTP', reference: ' ', signedAt: '2026-03-19T10:00:00+05:00' } }),
      'SIGNATURE_INVALID',
      'signature',
    ],
    [
      'portal signed after it was submitted (a signature dated 2200)',
      portal({ signature: { kind: 'EDS', reference: 'x', signedAt: '2200-01-01T00:00:00+05:00' } }),
      'SIGNATURE_INVALID',
      'signature.signedAt',
    ],
    [
      'portal signed six minutes after the submission (beyond the clocks skew)',
      portal({ signature: { kind: 'EDS', reference: 'x', signedAt: '2026-03-19T10:06:00+05:00' } }),
      'SIGNATURE_INVALID',
      'signature.signedAt',
    ],
    [
      'portal with a signature time that is not an instant',
      portal({ signature: { kind: 'EDS', reference: 'x', signedAt: 'yesterday' } }),
      'SIGNATURE_INVALID',
      'signature.signedAt',
    ],
    [
      'office without identity document',
      office({ presentedDocuments: [] }),
      'IDENTITY_DOCUMENT_MISSING',
      'presentedDocuments',
    ],
    [
      "PSC with someone else's ID card only",
      psc({ presentedDocuments: [{ type: 'ID_CARD', validUntil: '2030-01-01', holderIin: PARENT_IIN }] }),
      'IDENTITY_DOCUMENT_MISSING',
      'presentedDocuments',
    ],
    [
      'PSC with an ID card expired the day before',
      psc({ presentedDocuments: [{ type: 'ID_CARD', validUntil: '2026-03-18' }] }),
      'IDENTITY_DOCUMENT_EXPIRED',
      'presentedDocuments',
    ],
    [
      'name changed and damaged without the original',
      office({ reason: 'NAME_CHANGED', originalDamaged: true }),
      'ORIGINAL_DOCUMENT_MISSING',
      'presentedDocuments',
    ],
    [
      'name changed without saying whether damaged',
      office({ reason: 'NAME_CHANGED' }),
      'FIELD_REQUIRED',
      'originalDamaged',
    ],
    [
      'invalid applicant IIN',
      office({ applicant: { surname: 'N', name: 'D', iin: '900515312348' } }),
      'IIN_INVALID',
      'applicant.iin',
    ],
    ['invalid college BIN', office({ collegeBin: '040940123451' }), 'BIN_INVALID', 'collegeBin'],
    ['missing head of college', office({ collegeHeadName: ' ' }), 'FIELD_REQUIRED', 'collegeHeadName'],
    ['missing college name', office({ collegeName: '' }), 'FIELD_REQUIRED', 'collegeName'],
    ['missing application id', office({ applicationId: '' }), 'FIELD_REQUIRED', 'applicationId'],
    [
      'missing surname',
      office({ applicant: { surname: '', name: 'D', iin: ADULT_IIN } }),
      'FIELD_REQUIRED',
      'applicant.surname',
    ],
    [
      'missing name',
      office({ applicant: { surname: 'N', name: '', iin: ADULT_IIN } }),
      'FIELD_REQUIRED',
      'applicant.name',
    ],
    ['missing institution', office({ institutionName: '' }), 'FIELD_REQUIRED', 'institutionName'],
    ['missing specialty', office({ specialtyName: '' }), 'FIELD_REQUIRED', 'specialtyName'],
    [
      'missing graduation year',
      office({ graduationYear: undefined as unknown as number }),
      'FIELD_REQUIRED',
      'graduationYear',
    ],
    ['graduation in the future', office({ graduationYear: 2027 }), 'FIELD_INVALID', 'graduationYear'],
    ['graduation year not a year', office({ graduationYear: 15 }), 'FIELD_INVALID', 'graduationYear'],
    [
      'former institution without address',
      office({ formerInstitution: { name: 'Old name', address: '' } }),
      'FIELD_REQUIRED',
      'formerInstitution.address',
    ],
    [
      'former institution without name',
      office({ formerInstitution: { name: '', address: 'Almaty' } }),
      'FIELD_REQUIRED',
      'formerInstitution.name',
    ],
    [
      'unknown requested document',
      office({ requestedDocument: 'TRANSCRIPT' as 'DIPLOMA_ONLY' }),
      'FIELD_REQUIRED',
      'requestedDocument',
    ],
    ['unknown reason', office({ reason: 'STOLEN' as 'LOST' }), 'FIELD_REQUIRED', 'reason'],
    ['unknown channel', office({ channel: 'FAX' as 'PSC' }), 'FIELD_INVALID', 'channel'],
    [
      'no result place',
      office({ resultPlace: undefined as unknown as Application['resultPlace'] }),
      'FIELD_REQUIRED',
      'resultPlace',
    ],
    [
      'PSC result place without branch',
      portal({ resultPlace: { kind: 'PSC', branchId: '' } }),
      'FIELD_REQUIRED',
      'resultPlace.branchId',
    ],
    [
      'submittedAt without offset',
      office({ submittedAt: '2026-03-19T10:00:00' }),
      'SUBMITTED_AT_INVALID',
      'submittedAt',
    ],
    [
      'representative with an invalid IIN',
      office({ representative: { surname: 'N', name: 'A', iin: '123', relation: 'PARENT' } }),
      'REPRESENTATIVE_IIN_INVALID',
      'representative.iin',
    ],
  ])('%s -> %s', (_n, app, code, field) => {
    const findings = validateIntake(app);
    const f = findings.find((x) => x.code === code);
    expect(f).toMatchObject({ code, field, intakeRefusal: true });
    expect(f!.message.length).toBeGreaterThan(10);
    expect(isIntakeRefused(findings)).toBe(true);
  });
});

describe('minors (R3 (1)): age from the IIN on the submission date', () => {
  const minorIin = generateIin('2008-03-20', 'MALE', 5); // 18 on 20 March 2026
  const minorId: Application['presentedDocuments'] = [
    { type: 'ID_CARD', validUntil: '2030-01-01', holderIin: minorIin },
  ];

  it('requires a representative the day before the 18th birthday', () => {
    const f = validateIntake(
      office({
        applicant: { surname: 'A', name: 'B', iin: minorIin },
        presentedDocuments: minorId,
        submittedAt: '2026-03-19T10:00:00+05:00',
      }),
    );
    expect(f).toEqual([
      expect.objectContaining({ code: 'REPRESENTATIVE_REQUIRED', field: 'representative', intakeRefusal: true }),
    ]);
  });

  it('uses the Kazakhstan date of the submission (UTC evening is the next local day)', () => {
    expect(
      codes(portal({ applicant: { surname: 'A', name: 'B', iin: minorIin }, submittedAt: '2026-03-19T19:30:00Z' })),
    ).toEqual([]);
  });

  it('does not on the 18th birthday', () => {
    expect(
      codes(
        office({
          applicant: { surname: 'A', name: 'B', iin: minorIin },
          presentedDocuments: minorId,
          submittedAt: '2026-03-20T10:00:00+05:00',
        }),
      ),
    ).toEqual([]);
  });

  it('accepts a minor with a parent', () => {
    const app = office({
      applicant: { surname: 'A', name: 'B', iin: minorIin },
      representative: { surname: 'A', name: 'C', iin: PARENT_IIN, relation: 'PARENT' },
      presentedDocuments: [{ type: 'BIRTH_CERTIFICATE', holderIin: minorIin }],
    });
    expect(codes(app)).toEqual([]);
  });

  it('applies on the portal too', () => {
    expect(codes(portal({ applicant: { surname: 'A', name: 'B', iin: minorIin } }))).toEqual([
      'REPRESENTATIVE_REQUIRED',
    ]);
  });

  it.each([
    ['2008-03-20', '2026-03-19', 17],
    ['2008-03-20', '2026-03-20', 18],
    ['2008-02-29', '2026-02-28', 18],
    ['2008-02-29', '2026-02-27', 17],
    ['2000-12-31', '2026-01-01', 25],
  ])('ageOn(%s, %s) = %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
    expect(isMinorOn(birth, on)).toBe(age < 18);
  });
});

describe('findings that are not intake refusals', () => {
  it('no consent (G3) is reported for the later decision, not refused at intake', () => {
    const findings = validateIntake(office({ personalDataConsent: false }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'CONSENT_MISSING', field: 'personalDataConsent', intakeRefusal: false }),
    ]);
    expect(isIntakeRefused(findings)).toBe(false);
  });

  it('a PSC message without receipt details is flagged for the operator', () => {
    expect(validateIntake(psc({ psc: undefined }))).toEqual([
      expect.objectContaining({ code: 'PSC_RECEIPT_MISSING', intakeRefusal: false }),
    ]);
  });

  it('the Appendix 37 certificate is not issued by this service', () => {
    expect(validateIntake(office({ requestedDocument: 'INCOMPLETE_STUDIES_CERTIFICATE' }))).toEqual([
      expect.objectContaining({ code: 'REQUESTED_DOCUMENT_NOT_ISSUED', intakeRefusal: false }),
    ]);
  });

  it('portal applications need no documents at the counter', () => {
    expect(codes(portal({ reason: 'NAME_CHANGED', originalDamaged: true }))).toEqual([]);
  });
});
