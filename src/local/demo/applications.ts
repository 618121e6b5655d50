/**
 * Realistic applications built from the gateway stub's population (so identity is found), for the
 * demo feeder, the benchmark and the tests. Edge-free: returns message values only.
 */
import { randomUUID } from 'node:crypto';
import type {
  CollegeDecisionMessage,
  CorporationApplicationMessage,
  IdentityPerson,
  PortalApplicationSubmitted,
} from '../../contract/messages.js';
import { generateBin } from '../../core/identity-numbers/index.js';
import { personAt } from '../gateway-stub/population.js';

export const DEMO_COLLEGE_BIN = generateBin('2005-04', 4, 0, 123);

/** Adult, alive, with an ID card valid on `onDate`: a person whose application passes intake and identity. */
export function eligiblePerson(
  seed: number,
  size: number,
  index: number,
  onDate: string,
): { person: IdentityPerson; index: number } {
  for (let i = index; i < index + size; i++) {
    const p = personAt(seed, i % size);
    const adult = Number(onDate.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) > 18;
    const card = p.documents.find((d) => d.type === 'ID_CARD' && d.validUntil !== null && d.validUntil >= onDate);
    if (adult && !p.deceased && card) return { person: p, index: i % size };
  }
  throw new Error(`no eligible person in the first ${size} of population ${seed}`);
}

/** What varies between generated applications, besides the person. */
export interface ApplicationOptions {
  applicationId?: string;
  collegeBin?: string;
  /** Consent to the use of personal data (false: the college can only refuse on G3, after a hearing). */
  consent?: boolean;
}

function form(p: IdentityPerson, collegeBin: string, consent = true) {
  return {
    collegeBin,
    collegeName: 'Алматы политехникалық колледжі',
    collegeHeadName: 'Сейткали Арман Болатұлы',
    applicant: {
      iin: p.iin,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      phone: '+77011234567',
      email: null,
    },
    representative: null,
    institutionName: 'Алматы политехникалық колледжі',
    graduationYear: 2019,
    specialtyName: 'Бағдарламалық қамтамасыз ету',
    formerInstitution: null,
    requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT' as const,
    reason: 'LOST' as const,
    originalDamaged: null,
    personalDataConsent: consent,
  };
}

export function portalApplication(
  p: IdentityPerson,
  opts: ApplicationOptions & { submittedAt: string; pscBranchId?: string },
): PortalApplicationSubmitted {
  const applicationId = opts.applicationId ?? `PRT-${randomUUID()}`;
  return {
    messageId: randomUUID(),
    correlationId: applicationId,
    occurredAt: opts.submittedAt,
    applicationId,
    portalRequestNumber: `EGOV-${applicationId.slice(-8)}`,
    submittedAt: opts.submittedAt,
    form: form(p, opts.collegeBin ?? DEMO_COLLEGE_BIN, opts.consent),
    signature: { kind: 'EDS', reference: `EDS-CERT-${applicationId.slice(-6)}`, signedAt: opts.submittedAt },
    resultPlace: opts.pscBranchId ? { kind: 'PSC', branchId: opts.pscBranchId } : { kind: 'PORTAL', branchId: null },
  };
}

const NO_KINDS = {
  applicationAccepted: null,
  resultHandedOver: null,
  resultReturnedToCollege: null,
  resultRecallRequested: null,
};

export function pscApplication(
  p: IdentityPerson,
  opts: ApplicationOptions & {
    acceptedAt: string;
    branchId?: string;
    expiredDocument?: boolean;
  },
): CorporationApplicationMessage {
  const applicationId = opts.applicationId ?? `PSC-${randomUUID()}`;
  const branchId = opts.branchId ?? 'PSC-ALM-07';
  const card = p.documents.find((d) => d.type === 'ID_CARD')!;
  return {
    messageId: randomUUID(),
    correlationId: applicationId,
    occurredAt: opts.acceptedAt,
    applicationId,
    ...NO_KINDS,
    kind: 'APPLICATION_ACCEPTED',
    applicationAccepted: {
      receiptNumber: `R-${applicationId.slice(-10)}`,
      branchId,
      branchName: 'ХҚКО Әуезов ауданы',
      operatorId: 'OP-ALM-0417',
      acceptedAt: opts.acceptedAt,
      visitAtResidence: false,
      form: form(p, opts.collegeBin ?? DEMO_COLLEGE_BIN, opts.consent),
      presentedDocuments: [
        { type: 'APPLICATION_FORM', number: null, validUntil: null, holderIin: null },
        {
          type: 'ID_CARD',
          number: card.number,
          validUntil: opts.expiredDocument ? '2020-01-01' : card.validUntil,
          holderIin: null,
        },
      ],
      resultPlace: { kind: 'PSC', branchId },
    },
  };
}

/** An application received at the college office (R1), as the office's system reports it on college.decisions.v1. */
export function officeApplication(
  p: IdentityPerson,
  opts: ApplicationOptions & { receivedAt: string },
): CollegeDecisionMessage {
  const applicationId = opts.applicationId ?? `OFC-${randomUUID()}`;
  const collegeBin = opts.collegeBin ?? DEMO_COLLEGE_BIN;
  const card = p.documents.find((d) => d.type === 'ID_CARD')!;
  return {
    messageId: randomUUID(),
    correlationId: applicationId,
    occurredAt: opts.receivedAt,
    applicationId,
    collegeBin,
    kind: 'APPLICATION_RECEIVED_AT_OFFICE',
    registered: null,
    preliminaryRefusal: null,
    hearingHeld: null,
    duplicateIssued: null,
    refused: null,
    resultHandedOver: null,
    applicationReceivedAtOffice: {
      receivedAt: opts.receivedAt,
      officerId: 'OFFICE-DEMO',
      form: form(p, collegeBin, opts.consent),
      presentedDocuments: [
        { type: 'APPLICATION_FORM', number: null, validUntil: null, holderIin: null },
        { type: 'ID_CARD', number: card.number, validUntil: card.validUntil, holderIin: null },
      ],
      resultPlace: { kind: 'COLLEGE_OFFICE', branchId: null },
    },
  };
}
