/**
 * State of one application, folded from its events by `evolve`. Plain JSON (strings, numbers,
 * booleans, null, arrays, objects; never `undefined`, Date or Map): it is stored as PostgreSQL
 * jsonb. States and transitions: docs/state-machine.md.
 */
import type { ServiceDeadlines } from '../../deadlines/index.js';
import type { Application, NoticeChannel, RefusalGround, RegisterPerson, ResultPlace } from '../model.js';
import type { BilingualText, CourierSlot, HearingPlan, IdentityFinding, IntakeFinding } from './commands.js';
import type { DeadlineFinding, ResultOutcome } from './events.js';

export type Phase =
  /** No application yet (the initial state). */
  | 'NEW'
  /** Item 52: refused at intake. Closed. */
  | 'INTAKE_REFUSED'
  /** PSC application accepted; the register has not left yet (items 54-55). */
  | 'AWAITING_REGISTER_DISPATCH'
  /** The register is with the courier (items 54-55). */
  | 'REGISTER_IN_TRANSIT'
  /** The application is at the college (delivered, or electronic) and waits for registration (item 57). */
  | 'AWAITING_REGISTRATION'
  /** Registered; the college reviews (item 58). */
  | 'UNDER_REVIEW'
  /** Preliminary refusal notified; the hearing is pending (item 58). */
  | 'HEARING_PENDING'
  /** The hearing was held; the college decides (item 58). */
  | 'AWAITING_DECISION'
  /** Duplicate issued or refused; the result is not yet at the place of receipt. */
  | 'DECIDED'
  /** The result is with the courier to the PSC (items 58-59, 62). */
  | 'RESULT_IN_TRANSIT'
  /** The result waits at the place of receipt (PSC, portal notice / college office). */
  | 'READY'
  /** Item 62: after a month at the PSC the result is stored at the college. */
  | 'RETURNED_TO_COLLEGE'
  /** Item 62: the PSC asked the college to send the result back. */
  | 'REQUESTED_BACK'
  /** Item 61: handed to the applicant. Closed. */
  | 'HANDED_OVER';

export const CLOSED_PHASES: readonly Phase[] = ['INTAKE_REFUSED', 'HANDED_OVER'];

export type IdentityStatus = 'PENDING' | 'VERIFIED' | 'FAILED';

export interface IdentityState {
  status: IdentityStatus;
  /** The gateway request of the current check (idr-<applicationId>-<check number>). */
  requestId: string | null;
  /** Requests sent for the current check (1 after the first). */
  attempt: number;
  findings: IdentityFinding[];
  failure: { reason: 'NOT_FOUND' | 'NO_ANSWER'; attempts: number; detail: string | null } | null;
  retries: number;
  updatedAt: string | null;
  /** The state register's record of the person, once found (passed to the college, item 49). */
  person: RegisterPerson | null;
}

export interface RegisterState {
  registerId: string;
  courierSlot: CourierSlot;
  dispatchedAt: string;
  deliveredAt: string | null;
}

export interface CollegeState {
  registrationNumber: string;
  registeredAt: string;
  registeredOn: string;
  reviewDeadline: string;
}

export interface PreliminaryRefusalState {
  ground: RefusalGround;
  motivation: BilingualText;
  hearing: HearingPlan;
  noticeChannel: NoticeChannel;
  noticeAt: string;
  noticeDate: string;
  noticeReceivedOn: string;
  hearingLatest: string;
  objectionWindowEnd: string;
  findings: DeadlineFinding[];
}

export interface HearingState {
  heldAt: string;
  objection: { receivedOn: string; summary: string } | null;
  findings: DeadlineFinding[];
}

export type DecisionState =
  | {
      outcome: 'DUPLICATE_ISSUED';
      at: string;
      series: string;
      number: string;
      issuedOn: string;
      digitalPublishedAt: string | null;
    }
  | { outcome: 'REFUSED'; at: string; ground: RefusalGround; motivation: BilingualText };

export interface HeldDecision {
  at: string;
  series: string;
  number: string;
  issuedOn: string;
}

export interface ResultState {
  place: ResultPlace;
  outcome: ResultOutcome;
  /**
   * The courier order the result travels with to the PSC (items 58-59, 62), decided with the
   * decision (or the request back); its id is the order's message id, which the courier's events name.
   */
  plannedDispatch: { dispatchId: string; deliverBy: string | null } | null;
  /**
   * The number of the courier orders planned for the result so far: 1 with the decision (PSC place),
   * one more with each request back after storage (item 62); 0 for a portal or office place. The
   * next order is numbered from it, so every order has its own dispatch id.
   */
  dispatchSequence: number;
  /** Item 62: the PSC was told the month of storage is over (once). */
  returnDueAt: string | null;
  /** The current (or last) courier dispatch to the PSC. */
  dispatch: { dispatchId: string; courierSlot: CourierSlot; at: string } | null;
  /** First time the result reached the place of receipt: the service term is met from then on. */
  firstReadyAt: string | null;
  readyOn: string | null;
  storageEnd: string | null;
  returnedAt: string | null;
  requestedBackAt: string | null;
  handedOverAt: string | null;
}

/**
 * Which calendar the deadlines rest on (issue: deadlines say what they rest on): the calendar
 * version id, and whether any year the service term touches is provisional.
 */
export interface DeadlineBasis {
  calendarVersion: string;
  provisional: boolean;
}

export interface SlaState {
  atRiskReportedAt: string | null;
  breachedReportedAt: string | null;
  /** The steps whose own deadline passed undone, already reported (once each). */
  stageBreaches: string[];
}

export interface ApplicationState {
  phase: Phase;
  /** Number of events folded: the per-application sequence number of the last event. */
  version: number;
  applicationId: string | null;
  application: Application | null;
  deadlines: ServiceDeadlines | null;
  atRiskFrom: string | null;
  /** The calendar the deadlines were computed on; null for states stored before it was recorded. */
  calendar: DeadlineBasis | null;
  intakeFindings: IntakeFinding[];
  consentMissing: boolean;
  identity: IdentityState | null;
  /** Items 54-55: the register a PSC application travels in and its courier slot, decided at acceptance. */
  registerPlan: { registerId: string; courierSlot: CourierSlot } | null;
  /** Items 54-55: the courier order the application's register left in (one per application). */
  registerOrder: { registerId: string; orderMessageId: string; orderedAt: string } | null;
  register: RegisterState | null;
  /**
   * Items 49, 54, 57: when the application was sent to the college (college.applications.v1,
   * APPLICATION), which happens once: an office one at acceptance, a PSC one on the register's
   * delivery, a portal one when its identity check is over (verified or failed). Null until then. A
   * check that ends after it is sent as IDENTITY_CHECKED (effects/party-intents.ts).
   */
  sentToCollegeAt: string | null;
  college: CollegeState | null;
  preliminaryRefusal: PreliminaryRefusalState | null;
  hearing: HearingState | null;
  decision: DecisionState | null;
  /**
   * A duplicate the college issued before the identity check was over, waiting for the gateway's
   * verification (DuplicateIssueHeld). States stored before it existed read as null.
   */
  heldDecision: HeldDecision | null;
  result: ResultState | null;
  sla: SlaState;
  lastEventAt: string | null;
}

export const initialState: ApplicationState = Object.freeze({
  phase: 'NEW',
  version: 0,
  applicationId: null,
  application: null,
  deadlines: null,
  atRiskFrom: null,
  calendar: null,
  intakeFindings: [],
  consentMissing: false,
  identity: null,
  registerPlan: null,
  registerOrder: null,
  register: null,
  sentToCollegeAt: null,
  college: null,
  preliminaryRefusal: null,
  hearing: null,
  decision: null,
  heldDecision: null,
  result: null,
  sla: { atRiskReportedAt: null, breachedReportedAt: null, stageBreaches: [] },
  lastEventAt: null,
}) as ApplicationState;

/** The application is open for SLA purposes: accepted, not closed, result not yet at the place of receipt. */
export function isTermRunning(state: ApplicationState): boolean {
  return (
    state.deadlines !== null &&
    !CLOSED_PHASES.includes(state.phase) &&
    state.phase !== 'NEW' &&
    (state.result === null || state.result.firstReadyAt === null)
  );
}
