/**
 * Commands of the application workflow: what the portal, the PSC, the gateway, the courier, the
 * college and the operator ask the regulation core to record. Every command carries the
 * application id and `at`, the instant it happened (never read from a clock).
 */
import type { Application, NoticeChannel, PresentedDocument, RefusalGround, RegisterPerson } from '../model.js';

/** A finding of intake validation (Order No. 312, items 47, 52; Appendix 6 p.8), taken as data. */
export interface IntakeFinding {
  code: string;
  field: string;
  message: string;
  /** True when the finding makes the package incomplete or a document expired (item 52, R7). */
  intakeRefusal: boolean;
}

/** What the e-government gateway's identity data disagrees with (item 49): candidates for ground G1. */
export type IdentityFindingCode = 'NAME_MISMATCH' | 'DECEASED' | 'DOCUMENT_INVALID';

export interface IdentityFinding {
  code: IdentityFindingCode;
  detail: string;
}

/** A courier slot (items 54-55: dispatch by courier and/or post on a schedule). */
export interface CourierSlot {
  slotId: string;
  /** Planned pick-up instant. */
  pickupAt: string;
}

/** Item 58 (R15): the hearing's time and its place or way. */
export interface HearingPlan {
  at: string;
  venue: { kind: 'PLACE'; address: string } | { kind: 'WAY'; description: string };
}

/** Text in the two languages of the refusal (SPEC section 3: motivation in Kazakh and Russian). */
export interface BilingualText {
  kk: string;
  ru: string;
}

interface CommandBase {
  applicationId: string;
  /** The instant the fact happened, ISO-8601 with offset. */
  at: string;
}

/** A college's message names the college (its BIN): it must be the application's (SPEC section 5). */
interface FromCollege {
  collegeBin?: string;
}

/**
 * Items 47-52: an application arrives from the portal, or was accepted at the PSC or office, as
 * received: the core checks it (intake findings) itself.
 */
export interface ReceiveApplication extends CommandBase {
  type: 'ReceiveApplication';
  application: Application;
  /**
   * When the adapter received the message (the edge's clock). A submission stamped later than
   * that, beyond the tolerated clock skew, is refused (SUBMITTED_IN_FUTURE). Absent: not checked.
   */
  receivedAt?: string;
  /**
   * The college whose system sent it (an application received at its office, R1): an office
   * receives applications to its own college only. Absent (portal, PSC): not checked.
   */
  collegeBin?: string;
}

/** What the e-government gateway answered (item 49), as received. */
export type IdentityAnswer =
  | { status: 'FOUND'; person: RegisterPerson }
  | { status: 'NOT_FOUND' }
  | { status: 'ERROR'; errorCode: string; errorMessage: string };

/** Item 49: the gateway answered an identity request. */
export interface RecordIdentityAnswer extends CommandBase {
  type: 'RecordIdentityAnswer';
  requestId: string;
  answer: IdentityAnswer;
}

/** The identity answer is overdue (a timer): ask again, or give up after the last attempt. */
export interface RecordIdentityOverdue extends CommandBase {
  type: 'RecordIdentityOverdue';
  requestId: string;
}

/** An operator asks for a new identity check after a failure (a new request id). */
export interface RetryIdentityCheck extends CommandBase {
  type: 'RetryIdentityCheck';
  operatorId: string;
}

/**
 * Items 54-55: the slot of the application's register came and its courier order left with the
 * application in it (the slot timer); `orderMessageId` is the order's message id, which the
 * courier's events name.
 */
export interface OrderRegister extends CommandBase {
  type: 'OrderRegister';
  registerId: string;
  orderMessageId: string;
}

/**
 * Items 54-55: the register the application was planned into left without it (it was accepted
 * just before the slot and reached the adapter after the order): it goes in the next slot.
 */
export interface ReplanRegister extends CommandBase {
  type: 'ReplanRegister';
  /** The register whose order left. */
  registerId: string;
}

/** Items 54-55 (R9): the PSC hands the register (two copies) to the courier. */
export interface DispatchRegister extends CommandBase {
  type: 'DispatchRegister';
  registerId: string;
  /** Absent: the slot planned at acceptance. */
  courierSlot?: CourierSlot;
  /** The courier order the event is about (its message id), when known. */
  orderMessageId?: string;
}

/** Items 54-55: the courier delivered the register to the college. */
export interface DeliverRegister extends CommandBase {
  type: 'DeliverRegister';
  registerId: string;
  /** The courier order the event is about (its message id), when known. */
  orderMessageId?: string;
}

/** Item 57 (R11): the college registered the application. */
export interface RegisterAtCollege extends CommandBase, FromCollege {
  type: 'RegisterAtCollege';
  registrationNumber: string;
}

/** Item 58 (R15): preliminary decision to refuse, with the hearing notice. `at` is the notice instant. */
export interface IssuePreliminaryRefusal extends CommandBase, FromCollege {
  type: 'IssuePreliminaryRefusal';
  ground: RefusalGround;
  /** Why, in Kazakh and Russian: the applicant reads it in the notice. */
  motivation: BilingualText;
  hearing: HearingPlan;
  noticeChannel: NoticeChannel;
  /** Day the applicant received the notice when known (registered letter); defaults to the notice day. */
  noticeReceivedOn?: string;
}

/** Item 58 (R15): the hearing was held; the applicant objected (when) or did not. */
export interface HoldHearing extends CommandBase, FromCollege {
  type: 'HoldHearing';
  /** The summary is null when the college reported an objection without one (the core records a default). */
  objection: { receivedOn: string; summary: string | null } | null;
}

/** Items 58-60 (R14, R17): the college issued the duplicate (paper and digital). */
export interface IssueDuplicate extends CommandBase, FromCollege {
  type: 'IssueDuplicate';
  series: string;
  number: string;
  issuedOn: string;
}

/** Item 58, Appendix 6 p.9: motivated refusal after the hearing. */
export interface RefuseApplication extends CommandBase, FromCollege {
  type: 'RefuseApplication';
  ground: RefusalGround;
  motivation: BilingualText;
}

/** Items 58-59 (R14, R16), item 62 (R13): the college sends the result to the PSC by courier/post. */
export interface DispatchResult extends CommandBase {
  type: 'DispatchResult';
  dispatchId: string;
  /** Absent: the pick-up instant itself. */
  courierSlot?: CourierSlot;
}

/** The courier delivered the result to the PSC branch: it is ready for hand-over (item 61). */
export interface DeliverResultToPsc extends CommandBase {
  type: 'DeliverResultToPsc';
  dispatchId: string;
}

/** Item 58: portal / office result place: the "ready" notice naming the place of collection. */
export interface NotifyResultReady extends CommandBase {
  type: 'NotifyResultReady';
}

/** Item 61 (R12): the result was handed to the applicant on presentation of an identity document. */
export interface HandOver extends CommandBase {
  type: 'HandOver';
  place: 'PSC' | 'COLLEGE_OFFICE';
  operatorId: string;
  /** As presented; only an identity document (IdentityDocumentType) is accepted. */
  identityDocument: PresentedDocument['type'];
}

/** Item 62 (R13): after one month of storage the PSC hands the result to the college. */
export interface ReturnToCollege extends CommandBase {
  type: 'ReturnToCollege';
}

/** Item 62 (R13): the applicant came after the month; the PSC asks the college to send it back. */
export interface RequestResultBack extends CommandBase {
  type: 'RequestResultBack';
  branchId: string;
}

/** Item 62: the storage timer: is the month of storage at the PSC over? */
export interface RecordStorageElapsed extends CommandBase {
  type: 'RecordStorageElapsed';
}

/** A timer asks whether SLA_AT_RISK / SLA_BREACHED is due (item 64 monitoring). */
export interface CheckSla extends CommandBase {
  type: 'CheckSla';
}

/**
 * A calendar version was loaded: recompute the deadlines on it (the calendar comes in the
 * decide context). Once per application and version; nothing happens on the version in use.
 */
export interface ReviseDeadlines extends CommandBase {
  type: 'ReviseDeadlines';
}

export type ApplicationCommand =
  | ReceiveApplication
  | RecordIdentityAnswer
  | RecordIdentityOverdue
  | RetryIdentityCheck
  | OrderRegister
  | ReplanRegister
  | DispatchRegister
  | DeliverRegister
  | RegisterAtCollege
  | IssuePreliminaryRefusal
  | HoldHearing
  | IssueDuplicate
  | RefuseApplication
  | DispatchResult
  | DeliverResultToPsc
  | NotifyResultReady
  | HandOver
  | ReturnToCollege
  | RequestResultBack
  | CheckSla
  | RecordStorageElapsed
  | ReviseDeadlines;

export type CommandType = ApplicationCommand['type'];
