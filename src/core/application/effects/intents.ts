/**
 * What an event makes the adapter do, decided by the core (emmett's workflow shape: the outputs of
 * a step are decided inside). The edges only translate: one builder per outbound message turns an
 * intent into its Avro value, and the timer edge turns a timer intent into a job. Every intent
 * concerns the event's application and happens at the event's instant.
 */
import type { PresentedDocument, StageCode } from '../model.js';
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

export type PortalNotice =
  | { kind: 'ACCEPTED'; registrationDate: string; serviceTermEndsAt: string; status: Bilingual }
  | { kind: 'INTAKE_REFUSED'; motivation: Bilingual }
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
  | TermRevisedNotice;

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

/** What a timer of an application is for; one timer per application and purpose. */
export type TimerPurpose = 'IDENTITY_OVERDUE' | 'SLA_AT_RISK' | 'SLA_BREACH';

/** Fire a command at an instant (replacing the application's timer of the same purpose). */
export interface ScheduleTimerIntent {
  type: 'ScheduleTimer';
  purpose: TimerPurpose;
  at: string;
  /** The request a timer of IDENTITY_OVERDUE waits for. */
  requestId: string | null;
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
  | ScheduleTimerIntent
  | CancelTimerIntent;
