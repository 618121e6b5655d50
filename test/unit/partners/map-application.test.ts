import { describe, expect, it } from 'vitest';
import type { CorporationApplicationMessage, PortalApplicationSubmitted } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { applicationFromPortal } from '../../../src/partners/portal/map-application.js';
import { applicationFromPsc } from '../../../src/partners/psc/map-application.js';
import { isIntakeRefused, validateIntake } from '../../../src/core/checks/index.js';
import {
  COLLEGE_BIN,
  COLLEGE_HEAD,
  COLLEGE_NAME,
  FATHER_IIN,
  MINOR_IIN,
  PORTAL_APP_ID,
  PORTAL_APPLICANT_IIN,
  PSC_APP_ID,
  PSC_BRANCH,
  PSC_RECEIPT,
  portalForm,
  renamedInstitutionForm,
  samples,
} from '../../support/samples.js';

type PscAccepted = Extract<CorporationApplicationMessage, { kind: 'APPLICATION_ACCEPTED' }>;
const portalMessage = samples[Topics.portalApplications][0] as PortalApplicationSubmitted;
const otpWeekendMessage = samples[Topics.portalApplications][1] as PortalApplicationSubmitted;
const pscMessage = samples[Topics.corporationApplications][0] as PscAccepted;
const withForm = (m: PscAccepted, form: PscAccepted['applicationAccepted']['form']): PscAccepted => ({
  ...m,
  applicationAccepted: { ...m.applicationAccepted, form },
});

describe('applicationFromPortal', () => {
  const app = applicationFromPortal(portalMessage);

  it('maps the portal sample field by field; optional nulls become absent keys', () => {
    expect(app).toStrictEqual({
      applicationId: PORTAL_APP_ID,
      channel: 'PORTAL',
      submittedAt: '2026-03-02T10:15:00.000+05:00',
      collegeBin: COLLEGE_BIN,
      collegeName: COLLEGE_NAME,
      collegeHeadName: COLLEGE_HEAD,
      applicant: {
        iin: PORTAL_APPLICANT_IIN,
        surname: 'Сейтқалиева',
        name: 'Айгерім',
        patronymic: 'Нұрланқызы',
        phone: '+77017452318',
        email: 'aigerim.seitkalieva@mail.kz',
      },
      institutionName: portalForm.institutionName,
      graduationYear: 2018,
      specialtyName: portalForm.specialtyName,
      requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
      reason: 'LOST',
      personalDataConsent: true,
      signature: { kind: 'EDS', reference: 'NCA-GOST-7c1f93a2e54b0d18', signedAt: '2026-03-02T10:14:52.000+05:00' },
      presentedDocuments: [],
      resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
    });
  });

  it('is accepted by the intake check: no finding at all', () => {
    expect(validateIntake(app)).toEqual([]);
  });

  it('an OTP-signed weekend filing with the result on the portal maps the place without a branch, and passes intake', () => {
    const otp = applicationFromPortal(otpWeekendMessage);
    expect(otp.resultPlace).toStrictEqual({ kind: 'PORTAL' });
    expect(otp.signature).toMatchObject({ kind: 'OTP' });
    expect(otp.applicant).not.toHaveProperty('email');
    expect(isIntakeRefused(validateIntake(otp))).toBe(false);
  });

  it('a null patronymic, phone or email is left out (not null, not empty)', () => {
    const m = {
      ...portalMessage,
      form: { ...portalForm, applicant: { ...portalForm.applicant, patronymic: null, phone: null, email: null } },
    };
    expect(applicationFromPortal(m).applicant).toStrictEqual({
      iin: PORTAL_APPLICANT_IIN,
      surname: 'Сейтқалиева',
      name: 'Айгерім',
    });
    expect(isIntakeRefused(validateIntake(applicationFromPortal(m)))).toBe(false);
  });

  it('a representative is mapped with the relation; the former institution and originalDamaged when given', () => {
    const form = {
      ...renamedInstitutionForm,
      representative: {
        relation: 'LEGAL_REPRESENTATIVE' as const,
        iin: FATHER_IIN,
        surname: 'Ли',
        name: 'Владимир',
        patronymic: null,
        phone: '+77010000000',
        email: null,
      },
    };
    const app = applicationFromPortal({ ...portalMessage, form });
    expect(app.representative).toStrictEqual({
      iin: FATHER_IIN,
      surname: 'Ли',
      name: 'Владимир',
      phone: '+77010000000',
      relation: 'LEGAL_REPRESENTATIVE',
    });
    expect(app.formerInstitution).toEqual({
      name: 'Алматинский финансово-экономический техникум',
      address: 'г. Алматы, ул. Толе би, 42',
    });
    expect(app.originalDamaged).toBe(true);
    expect(app.reason).toBe('NAME_CHANGED');
    expect(app.requestedDocument).toBe('SUPPLEMENT_ONLY');
  });

  it('originalDamaged false is kept (only null is left out)', () => {
    const app = applicationFromPortal({
      ...portalMessage,
      form: { ...renamedInstitutionForm, originalDamaged: false },
    });
    expect(app.originalDamaged).toBe(false);
  });
});

describe('applicationFromPsc', () => {
  const app = applicationFromPsc(pscMessage);

  it('maps the PSC sample: the acceptance instant is the submission, the receipt data go to psc, no signature', () => {
    expect(app).toMatchObject({
      applicationId: PSC_APP_ID,
      channel: 'PSC',
      submittedAt: '2026-03-03T11:40:00.000+05:00',
      collegeBin: COLLEGE_BIN,
      requestedDocument: 'DIPLOMA_ONLY',
      reason: 'DAMAGED',
      resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
      psc: { receiptNumber: PSC_RECEIPT, branchId: PSC_BRANCH, operatorId: 'OP-ALM-0417' },
    });
    expect(app).not.toHaveProperty('signature');
    expect(app).not.toHaveProperty('originalDamaged');
  });

  it('the minor and the father who files for him: applicant without null contacts, representative with relation', () => {
    expect(app.applicant).toStrictEqual({ iin: MINOR_IIN, surname: 'Ахметов', name: 'Дәулет', patronymic: 'Ерланұлы' });
    expect(app.representative).toStrictEqual({
      iin: FATHER_IIN,
      surname: 'Ахметов',
      name: 'Ерлан',
      patronymic: 'Қайратұлы',
      phone: '+77772094415',
      relation: 'PARENT',
    });
  });

  it('presented documents keep their order; null number, validUntil and holderIin are left out', () => {
    expect(app.presentedDocuments).toStrictEqual([
      { type: 'APPLICATION_FORM', holderIin: FATHER_IIN },
      { type: 'ID_CARD', number: '048217365', validUntil: '2031-09-14', holderIin: FATHER_IIN },
      { type: 'BIRTH_CERTIFICATE', number: 'I-ЖД 0345127', holderIin: MINOR_IIN },
      { type: 'ORIGINAL_EDUCATION_DOCUMENT', number: 'ТКБ 0812473', holderIin: MINOR_IIN },
    ]);
  });

  it('is accepted by the intake check: no intake-refusal finding (the minor is represented and identified)', () => {
    const findings = validateIntake(app);
    expect(findings.filter((f) => f.intakeRefusal)).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("without the representative, the same minor's application is refused at intake (the mapping drops a null representative)", () => {
    const alone = applicationFromPsc(
      withForm(pscMessage, { ...pscMessage.applicationAccepted.form, representative: null }),
    );
    expect(alone).not.toHaveProperty('representative');
    expect(validateIntake(alone).map((f) => f.code)).toContain('REPRESENTATIVE_REQUIRED');
  });

  it('a null patronymic of the applicant is left out', () => {
    const form = pscMessage.applicationAccepted.form;
    const m = withForm(pscMessage, { ...form, applicant: { ...form.applicant, patronymic: null } });
    expect(applicationFromPsc(m).applicant).not.toHaveProperty('patronymic');
  });
});
