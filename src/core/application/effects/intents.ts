/**
 * What an event makes the adapter do, decided by the core (emmett's workflow shape: the outputs of
 * a step are decided inside). The edges only translate: one builder per outbound message turns an
 * intent into its Avro value, and the timer edge turns a timer intent into a job. Every intent
 * concerns the event's application and happens at the event's instant.
 */
import type {
  PresentedDocument,
  RefusalGround,
  RegisterPerson,
  RequestedDocumentKind,
  ResultPlace,
  StageCode,
} from '../model.js';
import type { SlaStatus } from '../model.js';
import type { Bilingual } from '../texts/finding-texts.js';
import type { DeadlineBasis } from '../workflow/state.js';

/** Item 64: one stage of provision for the monitoring system. */
export interface StageIntent {
  type: 'ReportStage';
  stage: StageCode;
  stageDeadline: string | null;
  serviceTermEndsAt: string;
  slaStatus: SlaStatus;
  calendar: DeadlineBasis | null;
  /** With DEADLINES_REVISED: what the revision changed. */
  revision: {
    previousServiceTermEndsAt: string;
    previousCalendarVersion: string | null;
    termEndChanged: boolean;
  } | null;
}

export interface HearingNotice {
  kind: 'HEARING_NOTICE';
  ground: RefusalGround;
  hearingAt: string;
  hearingPlaceOrWay: string;
  objectionDeadline: string;
  text: Bilingual;
}

export type PortalNotice =
  | { kind: 'ACCEPTED'; registrationDate: string; serviceTermEndsAt: string; status: Bilingual }
  | { kind: 'INTAKE_REFUSED'; motivation: Bilingual }
  | HearingNotice
  | { kind: 'READY'; resultPlace: ResultPlace; placeAddress: string; digitalDiplomaPublished: boolean; text: Bilingual }
  | { kind: 'REFUSED'; ground: RefusalGround; text: Bilingual }
  | TermRevisedNotice;

export type PscNotice =
  | { kind: 'RECEIPT'; receiptNumber: string; acceptedAt: string; registrationDate: string; serviceTermEndsAt: string }
  | {
      kind: 'REFUSAL_RECEIPT';
      receiptNumber: string;
      motivation: Bilingual;
      missingDocuments: PresentedDocument['type'][];
      expiredDocuments: PresentedDocument[];
    }
  | (HearingNotice & { receiptNumber: string })
  | {
      kind: 'RESULT_READY_FOR_HANDOVER';
      receiptNumber: string;
      resultKind: ResultKindName;
      arrivedAt: string;
      keepUntil: string;
    }
  | { kind: 'RETURN_TO_COLLEGE_DUE'; receiptNumber: string; collegeBin: string; storageEndedOn: string }
  | TermRevisedNotice
  | {
      /** Item 58: a PSC applicant's result waits at the college office (the place the applicant chose). */
      kind: 'RESULT_AT_COLLEGE';
      receiptNumber: string;
      resultKind: ResultKindName;
      readyAt: string;
      collegeBin: string;
      placeAddress: string;
      refusalGround: RefusalGround | null;
      digitalDiplomaPublished: boolean;
      text: Bilingual;
    };

/** What the paper result is: the duplicate or the motivated refusal. */
export type ResultKindName = 'DUPLICATE' | 'MOTIVATED_REFUSAL';

export interface TermRevisedNotice {
  kind: 'TERM_REVISED';
  previousTermEndDate: string;
  termEndDate: string;
  serviceTermEndsAt: string;
  provisional: boolean;
  calendarVersion: string;
  status: Bilingual;
}

/** A notice in the applicant's personal cabinet (items 51, 58), to the applicant or the representative. */
export interface PortalNotificationIntent {
  type: 'NotifyPortal';
  recipientIin: string;
  notice: PortalNotice;
}

/** A message to the PSC branch (items 50, 52, 61, 62). */
export interface PscNotificationIntent {
  type: 'NotifyPsc';
  branchId: string;
  notice: PscNotice;
}

/** Item 49: ask the gateway for the person's data (the same request id on every repetition). */
export interface IdentityRequestIntent {
  type: 'RequestIdentity';
  requestId: string;
  iin: string;
  attempt: number;
}

/** Items 49, 54, 57: the application reaches the college, with the identity data and, at the office, the receipt. */
export interface CollegeApplicationIntent {
  type: 'SendToCollege';
  /**
   * APPLICATION: the application, once. IDENTITY_CHECKED: the identity check of an application the
   * college already has (an office one, a PSC one delivered before the gateway answered) is over:
   * the same application again with the person or the failure (item 49); not a new application.
   */
  purpose: 'APPLICATION' | 'IDENTITY_CHECKED';
  registerNumber: string;
  dispatchRegisterId: string | null;
  registrationDate: string;
  serviceTermEndsAt: string;
  identity: RegisterPerson | null;
  /** Item 49: the identity check failed (identity is then null); null while it runs or when it verified. */
  identityFailure: { reason: 'NOT_FOUND' | 'NO_ANSWER'; attempts: number; detail: string | null } | null;
  officeReceipt: { receiptNumber: string; acceptedAt: string; resultDueOn: string; text: Bilingual } | null;
}

/** Items 58-59, 62: the paper result to the PSC by courier; the dispatch id is the order's message id. */
export interface ResultDispatchIntent {
  type: 'OrderResultDispatch';
  dispatchId: string;
  resultKind: ResultKindName;
  toBranchId: string;
  /** No later than one day before the term ends (items 58-59); none on the way back (item 62). */
  deliverBy: string | null;
  /**
   * When the courier may pick the result up: from the order's instant to the later of the limit
   * (72 hours on the way back) and the end of the next working day, so never ending before it starts.
   */
  pickupWindow: { from: string; to: string };
}

/** Items 59-60: the digital diploma for eGovMobile's "Digital documents", bound to the applicant's IIN. */
export interface DigitalDiplomaIntent {
  type: 'PublishDigitalDiploma';
  documentKind: RequestedDocumentKind;
  series: string;
  number: string;
  issuedOn: string;
}

/** What a timer of an application is for; one timer per application and purpose (a register's: per register). */
export type TimerPurpose =
  'IDENTITY_OVERDUE' | 'SLA_AT_RISK' | 'SLA_BREACH' | 'STAGE_DEADLINE' | 'STORAGE_ELAPSED' | 'REGISTER_SLOT';

/** Fire a command at an instant (replacing the application's timer of the same purpose). */
export interface ScheduleTimerIntent {
  type: 'ScheduleTimer';
  purpose: TimerPurpose;
  at: string;
  /** The request a timer of IDENTITY_OVERDUE waits for. */
  requestId: string | null;
  /** A timer shared by several applications (REGISTER_SLOT: the register id) instead of the application's own. */
  sharedKey?: string;
}

export interface CancelTimerIntent {
  type: 'CancelTimer';
  purpose: TimerPurpose;
}

export type Intent =
  | StageIntent
  | PortalNotificationIntent
  | PscNotificationIntent
  | IdentityRequestIntent
  | CollegeApplicationIntent
  | ResultDispatchIntent
  | DigitalDiplomaIntent
  | ScheduleTimerIntent
  | CancelTimerIntent;
