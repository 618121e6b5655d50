/**
 * The application for a duplicate, as the regulation core sees it (Order No. 312, items 46-52,
 * Appendix 5 and Appendix 6 p.8). Pure data: no I/O, no clock. Instants are ISO-8601 strings
 * with an offset (e.g. "2026-03-02T10:15:00+05:00"); calendar dates are "YYYY-MM-DD" in
 * Kazakhstan time.
 *
 * The Avro contract (schemas/) mirrors these names; the edges map Avro records to these types.
 */
import type { ScheduleChannel } from '../calendar/schedules.js';

/** R1: the three ways to apply (the calendar's schedules name them first: deadlines depend on them). */
export type Channel = ScheduleChannel;

/**
 * R2 (Appendix 5): what is requested. The Appendix 37 certificate for persons who did not
 * complete their studies is a document kind of its own, kept in the model though not issued yet.
 */
export type RequestedDocumentKind =
  'DIPLOMA_WITH_SUPPLEMENT' | 'DIPLOMA_ONLY' | 'SUPPLEMENT_ONLY' | 'INCOMPLETE_STUDIES_CERTIFICATE';

/** R2: why a duplicate is requested. */
export type DuplicateReason = 'LOST' | 'DAMAGED' | 'NAME_CHANGED';

/** R3 (2): documents that identify the person. */
export type IdentityDocumentType = 'ID_CARD' | 'PASSPORT' | 'BIRTH_CERTIFICATE' | 'DIGITAL_DOCUMENT';

/** Where the applicant collects the result (R14, R16). */
export type ResultPlace = { kind: 'PORTAL' } | { kind: 'PSC'; branchId: string } | { kind: 'COLLEGE_OFFICE' };

/** R4: how a portal application is signed. */
export type SignatureKind = 'EDS' | 'OTP';

export interface PersonName {
  surname: string;
  name: string;
  /** Optional (Appendix 5: "if any"). */
  patronymic?: string;
}

export interface Person extends PersonName {
  /** 12-digit individual identification number. */
  iin: string;
  phone?: string;
  email?: string;
}

export interface Representative extends Person {
  /** Parent or legal representative of a minor (R3 (1)). */
  relation: 'PARENT' | 'LEGAL_REPRESENTATIVE';
}

export interface PresentedDocument {
  type: IdentityDocumentType | 'ORIGINAL_EDUCATION_DOCUMENT' | 'APPLICATION_FORM';
  number?: string;
  /** Calendar date; absent for documents with no validity term. */
  validUntil?: string;
  /** Whose document: the applicant's or the representative's IIN. */
  holderIin?: string;
}

export interface Signature {
  kind: SignatureKind;
  /** EDS: the signed payload/certificate reference; OTP: the verified phone or transaction id. */
  reference: string;
  signedAt: string;
}

/** Appendix 5 fields plus what the channel adds. */
export interface Application {
  applicationId: string;
  channel: Channel;
  /** Instant the applicant submitted (portal) or the PSC/office accepted the documents. */
  submittedAt: string;
  collegeBin: string;
  collegeName: string;
  /** Head of the college the application is addressed to (Appendix 5). */
  collegeHeadName: string;
  applicant: Person;
  representative?: Representative;
  institutionName: string;
  graduationYear: number;
  specialtyName: string;
  /** If the institution was renamed: its former name and address (Appendix 5). */
  formerInstitution?: { name: string; address: string };
  requestedDocument: RequestedDocumentKind;
  reason: DuplicateReason;
  /** With reason NAME_CHANGED: is the original document also damaged (R3 (3))? */
  originalDamaged?: boolean;
  /** Consent to the use of personal data protected by law (Appendix 5; ground G3). */
  personalDataConsent: boolean;
  /** Portal only (R4). */
  signature?: Signature;
  /** PSC / office: documents presented at the counter (R3). */
  presentedDocuments: PresentedDocument[];
  resultPlace: ResultPlace;
  /** PSC only: receipt number, branch, operator (R6, Appendix 3). */
  psc?: { receiptNumber: string; branchId: string; operatorId: string };
}

/** Item 49: the person as the state register answers through the e-government gateway. */
export interface RegisterPerson {
  iin: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  deceased: boolean;
  documents: { type: IdentityDocumentType; number: string; validUntil: string | null }[];
}

/** Appendix 6 p.9: grounds for refusal. */
export type RefusalGround = 'G1_UNRELIABLE_DATA' | 'G2_NONCOMPLIANT_DOCUMENTS' | 'G3_NO_CONSENT';

/** R15: how the hearing notice is delivered. */
export type NoticeChannel = 'REGISTERED_LETTER' | 'TELEPHONOGRAM' | 'TELEGRAM' | 'SMS' | 'EMAIL' | 'OTHER_RECORDED';

/** SPEC section 3: the monitoring stage codes. */
export type StageCode =
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'INTAKE_REFUSED'
  | 'IDENTITY_VERIFIED'
  | 'IDENTITY_FAILED'
  | 'REGISTER_DISPATCHED'
  | 'DELIVERED_TO_COLLEGE'
  | 'REGISTERED_AT_COLLEGE'
  | 'PRELIMINARY_REFUSAL'
  | 'HEARING_HELD'
  | 'DUPLICATE_ISSUED'
  | 'REFUSED'
  | 'DIGITAL_PUBLISHED'
  | 'RESULT_DISPATCHED'
  | 'RESULT_READY'
  | 'HANDED_OVER'
  | 'RETURNED_TO_COLLEGE'
  | 'SLA_AT_RISK'
  | 'SLA_BREACHED'
  /** A new calendar version moved the application's deadlines (not in SPEC's minimal list). */
  | 'DEADLINES_REVISED';

export type SlaStatus = 'ON_TIME' | 'AT_RISK' | 'OVERDUE';
