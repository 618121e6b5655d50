/**
 * Events of the application workflow. Every event carries its own `at` instant and the data the
 * read side (notifications, monitoring, college, courier) needs; `stageDeadline` is the deadline
 * of the monitoring stage the event reports, computed by `decide` on the working-day calendar
 * when the event happened (so a replay reports the same deadline even if a calendar file changes).
 * `null` means the stage has no deadline of its own.
 */
import type { ServiceDeadlines } from '../../deadlines/index.js';
import type {
  Application,
  IdentityDocumentType,
  NoticeChannel,
  RefusalGround,
  RegisterPerson,
  RequestedDocumentKind,
  ResultPlace,
} from '../model.js';
import type { AcceptanceReceipt, RefusalReceipt } from '../receipts/receipt-types.js';
import type { BilingualText, CourierSlot, HearingPlan, IdentityFinding, IntakeFinding } from './commands.js';
import type { DeadlineBasis } from './state.js';

/** A deadline of item 58 that a party missed; recorded, not rejected (docs/state-machine.md). */
export interface DeadlineFinding {
  code: 'HEARING_NOTICE_LATE' | 'HEARING_SCHEDULED_TOO_LATE' | 'HEARING_HELD_LATE' | 'OBJECTION_AFTER_WINDOW';
  message: string;
}

interface EventBase {
  applicationId: string;
  at: string;
}

/** Deadlines fixed at intake (items 53, 56, 58, 63) plus the first "at risk" day (docs/sla.md). */
export interface IntakeDeadlines {
  deadlines: ServiceDeadlines;
  /** The working day before the term's last day: from this day on the term is at risk. */
  atRiskFrom: string;
  /** The calendar version the deadlines were computed on, and whether they are provisional. */
  calendar: DeadlineBasis;
}

/** Every deadline the calendar decides for one application, as recomputed on a calendar version. */
export interface RevisableDeadlines {
  deadlines: ServiceDeadlines;
  atRiskFrom: string;
  /** Item 58: last day of the college's review, once registered. */
  reviewDeadline: string | null;
  /** Item 58: hearing and objection limits, once a preliminary refusal was notified. */
  hearingLatest: string | null;
  objectionWindowEnd: string | null;
}

/** Item 51: a portal application was received (status "accepted" in the personal cabinet). */
export interface ApplicationSubmitted extends EventBase, IntakeDeadlines {
  type: 'ApplicationSubmitted';
  application: Application;
  /** Findings that do not refuse intake, passed on to the college (e.g. missing consent: G3 candidate). */
  findings: IntakeFinding[];
  consentMissing: boolean;
  stageDeadline: null;
}

/** Item 50: accepted at the PSC or the college office, with the receipt of Appendix 3. */
export interface ApplicationAccepted extends EventBase, IntakeDeadlines {
  type: 'ApplicationAccepted';
  application: Application;
  findings: IntakeFinding[];
  consentMissing: boolean;
  receipt: AcceptanceReceipt;
  /** PSC only (items 54-55): the register and courier slot the application travels in. */
  registerPlan: { registerId: string; courierSlot: CourierSlot } | null;
  stageDeadline: null;
}

/** Item 52 (R7): intake refused, with the refusal receipt of Appendix 4. */
export interface IntakeRefused extends EventBase, IntakeDeadlines {
  type: 'IntakeRefused';
  application: Application;
  findings: IntakeFinding[];
  refusalReceipt: RefusalReceipt;
  stageDeadline: null;
}

export interface IdentityVerified extends EventBase {
  type: 'IdentityVerified';
  requestId: string;
  /** The state register's record, as answered (the college receives it, item 49). */
  person: RegisterPerson;
  /** Mismatches for the college: candidates for ground G1. */
  findings: IdentityFinding[];
  stageDeadline: string;
}

export interface IdentityFailed extends EventBase {
  type: 'IdentityFailed';
  requestId: string;
  reason: 'NOT_FOUND' | 'NO_ANSWER';
  attempts: number;
  detail: string | null;
  stageDeadline: string;
}

export interface IdentityCheckRetried extends EventBase {
  type: 'IdentityCheckRetried';
  requestId: string;
  operatorId: string;
}

/** The gateway answered ERROR (item 49): the request is repeated after a backoff. Not a stage. */
export interface IdentityAnswerErrored extends EventBase {
  type: 'IdentityAnswerErrored';
  requestId: string;
  attempt: number;
  errorCode: string;
}

/** No answer in time (or after an ERROR): the same request is sent again. Not a stage. */
export interface IdentityRequestRepeated extends EventBase {
  type: 'IdentityRequestRepeated';
  requestId: string;
  /** The number of this request (2 for the first repetition). */
  attempt: number;
}

/** Items 54-55: the register's courier order left with the application in it. Not a stage. */
export interface RegisterOrdered extends EventBase {
  type: 'RegisterOrdered';
  registerId: string;
  /** The order's message id: the courier's events name it. */
  orderMessageId: string;
  courierSlot: CourierSlot;
}

/** Items 54-55: the planned register left without the application; it travels in the next slot. Not a stage. */
export interface RegisterReplanned extends EventBase {
  type: 'RegisterReplanned';
  previousRegisterId: string;
  registerPlan: { registerId: string; courierSlot: CourierSlot };
}

export interface RegisterDispatched extends EventBase {
  type: 'RegisterDispatched';
  registerId: string;
  courierSlot: CourierSlot;
  copies: 2;
  fromBranchId: string;
  toCollegeBin: string;
  stageDeadline: string;
}

export interface DeliveredToCollege extends EventBase {
  type: 'DeliveredToCollege';
  registerId: string;
  collegeBin: string;
  stageDeadline: string;
}

export interface RegisteredAtCollege extends EventBase {
  type: 'RegisteredAtCollege';
  registrationNumber: string;
  registeredOn: string;
  /** Item 58: last day of the 5-working-day review. */
  reviewDeadline: string;
  stageDeadline: string;
}

export interface PreliminaryRefusalIssued extends EventBase {
  type: 'PreliminaryRefusalIssued';
  ground: RefusalGround;
  motivation: BilingualText;
  hearing: HearingPlan;
  noticeChannel: NoticeChannel;
  noticeDate: string;
  noticeReceivedOn: string;
  /** Item 58: the hearing is held no later than this day. */
  hearingLatest: string;
  /** Item 58: the applicant may object until the end of this day. */
  objectionWindowEnd: string;
  findings: DeadlineFinding[];
  stageDeadline: string;
}

export interface HearingHeld extends EventBase {
  type: 'HearingHeld';
  objection: { receivedOn: string; summary: string } | null;
  findings: DeadlineFinding[];
  stageDeadline: string;
}

export interface DuplicateIssued extends EventBase {
  type: 'DuplicateIssued';
  series: string;
  number: string;
  issuedOn: string;
  requestedDocument: RequestedDocumentKind;
  afterHearing: boolean;
  stageDeadline: string;
}

/**
 * The college issued the duplicate while the identity check was still running (it runs beside the
 * paper track for PSC and office applications): the decision is final and kept, and takes effect
 * (DuplicateIssued, DigitalDiplomaPublished) when the gateway verifies the applicant (item 49).
 */
export interface DuplicateIssueHeld extends EventBase {
  type: 'DuplicateIssueHeld';
  series: string;
  number: string;
  issuedOn: string;
}

/** Items 59-60 (R17): the result formed in digital form for the eGovMobile "Digital documents" service. */
export interface DigitalDiplomaPublished extends EventBase {
  type: 'DigitalDiplomaPublished';
  applicantIin: string;
  series: string;
  number: string;
  /** The date of issue of the duplicate, as the college gave it: the digital diploma carries the same. */
  issuedOn: string;
  requestedDocument: RequestedDocumentKind;
  stageDeadline: string;
}

export interface ApplicationRefused extends EventBase {
  type: 'ApplicationRefused';
  ground: RefusalGround;
  motivation: BilingualText;
  stageDeadline: string;
}

export type ResultOutcome = 'DUPLICATE' | 'REFUSAL';

export interface ResultDispatched extends EventBase {
  type: 'ResultDispatched';
  dispatchId: string;
  courierSlot: CourierSlot;
  outcome: ResultOutcome;
  fromCollegeBin: string;
  toBranchId: string;
  /** True when the result travels back after storage at the college (item 62). */
  afterReturn: boolean;
  stageDeadline: string | null;
}

export interface ResultReady extends EventBase {
  type: 'ResultReady';
  place: ResultPlace;
  outcome: ResultOutcome;
  readyOn: string;
  /** PSC only (item 62): last day of the one-month storage. */
  storageEnd: string | null;
  afterReturn: boolean;
  stageDeadline: string | null;
}

export interface HandedOver extends EventBase {
  type: 'HandedOver';
  place: 'PSC' | 'COLLEGE_OFFICE';
  operatorId: string;
  identityDocument: IdentityDocumentType;
  stageDeadline: string | null;
}

export interface ReturnedToCollege extends EventBase {
  type: 'ReturnedToCollege';
  storageEnd: string;
  collegeBin: string;
  stageDeadline: null;
}

/** Item 62: the month of storage at the PSC is over; the PSC is told to hand the result to the college. */
export interface ReturnToCollegeDue extends EventBase {
  type: 'ReturnToCollegeDue';
  storageEnd: string;
}

export interface ResultRequestedBack extends EventBase {
  type: 'ResultRequestedBack';
  branchId: string;
}

/**
 * A new calendar version moved at least one of the application's deadlines (e.g. Kurban Ait
 * announced on another day, a transfer of days off). Reported once per application and version.
 */
export interface DeadlinesRevised extends EventBase {
  type: 'DeadlinesRevised';
  previous: RevisableDeadlines;
  revised: RevisableDeadlines;
  previousCalendar: DeadlineBasis | null;
  calendar: DeadlineBasis;
  /** The term end the applicant was told changed: the applicant is notified. */
  termEndChanged: boolean;
  stageDeadline: null;
}

/** A new calendar version moved none of the deadlines: the application now rests on it (no stage). */
export interface CalendarAdopted extends EventBase {
  type: 'CalendarAdopted';
  previousCalendar: DeadlineBasis | null;
  calendar: DeadlineBasis;
}

export interface SlaAtRisk extends EventBase {
  type: 'SlaAtRisk';
  termEndsAt: string;
  stageDeadline: string;
}

export interface SlaBreached extends EventBase {
  type: 'SlaBreached';
  /** TERM: the 15-working-day term; STAGE: the deadline of one step (`step`, e.g. "REGISTERED_AT_COLLEGE@..."). */
  scope?: 'TERM' | 'STAGE';
  step?: string;
  termEndsAt: string;
  stageDeadline: string;
}

export type ApplicationEvent =
  | ApplicationSubmitted
  | ApplicationAccepted
  | IntakeRefused
  | IdentityVerified
  | IdentityFailed
  | IdentityCheckRetried
  | IdentityAnswerErrored
  | IdentityRequestRepeated
  | RegisterOrdered
  | RegisterReplanned
  | RegisterDispatched
  | DeliveredToCollege
  | RegisteredAtCollege
  | PreliminaryRefusalIssued
  | HearingHeld
  | DuplicateIssued
  | DuplicateIssueHeld
  | DigitalDiplomaPublished
  | ApplicationRefused
  | ResultDispatched
  | ResultReady
  | HandedOver
  | ReturnedToCollege
  | ResultRequestedBack
  | ReturnToCollegeDue
  | DeadlinesRevised
  | CalendarAdopted
  | SlaAtRisk
  | SlaBreached;

export type EventType = ApplicationEvent['type'];
