/**
 * Item 64 (R19): every event reports a stage of provision to the monitoring information system,
 * with the stage's own deadline, the service term end and an SLA status. Definitions: docs/sla.md.
 */
import type { SlaStatus, StageCode } from '../model.js';
import type { ApplicationEvent } from '../workflow/events.js';
import { evolve } from '../workflow/evolve.js';
import type { ApplicationState } from '../workflow/state.js';
import { almatyDate, isAfter } from '../workflow/time.js';

export interface StageReport {
  stage: StageCode;
  /** The stage's own deadline (instant), or null when the stage has none. */
  stageDeadline: string | null;
  /** End of the service term (instant, item 63). */
  termEndsAt: string;
  slaStatus: SlaStatus;
}

/**
 * How a stage is judged:
 * - TERM: a step towards the result while the 15-day term runs: OVERDUE after its own deadline
 *   or after the term end; AT_RISK on or after the working day before the term's last day.
 * - RESULT: the result reaches the place of receipt: OVERDUE after its deadline, else ON_TIME.
 * - AFTER: after the term is met (hand-over, storage, return): only its own deadline counts.
 * - FIXED: the status is the stage itself (intake refusal, SLA signals).
 */
type Judgement = 'TERM' | 'RESULT' | 'AFTER' | { fixed: SlaStatus };

const STAGES: Record<ApplicationEvent['type'], { stage: StageCode; judge: Judgement } | null> = {
  ApplicationSubmitted: { stage: 'SUBMITTED', judge: 'TERM' },
  ApplicationAccepted: { stage: 'ACCEPTED', judge: 'TERM' },
  IntakeRefused: { stage: 'INTAKE_REFUSED', judge: { fixed: 'ON_TIME' } },
  IdentityVerified: { stage: 'IDENTITY_VERIFIED', judge: 'TERM' },
  IdentityFailed: { stage: 'IDENTITY_FAILED', judge: 'TERM' },
  IdentityCheckRetried: null,
  IdentityAnswerErrored: null,
  IdentityRequestRepeated: null,
  RegisterOrdered: null,
  RegisterReplanned: null,
  RegisterDispatched: { stage: 'REGISTER_DISPATCHED', judge: 'TERM' },
  DeliveredToCollege: { stage: 'DELIVERED_TO_COLLEGE', judge: 'TERM' },
  RegisteredAtCollege: { stage: 'REGISTERED_AT_COLLEGE', judge: 'TERM' },
  PreliminaryRefusalIssued: { stage: 'PRELIMINARY_REFUSAL', judge: 'TERM' },
  HearingHeld: { stage: 'HEARING_HELD', judge: 'TERM' },
  DuplicateIssueHeld: null,
  DuplicateIssued: { stage: 'DUPLICATE_ISSUED', judge: 'TERM' },
  DigitalDiplomaPublished: { stage: 'DIGITAL_PUBLISHED', judge: 'TERM' },
  ApplicationRefused: { stage: 'REFUSED', judge: 'TERM' },
  ResultDispatched: { stage: 'RESULT_DISPATCHED', judge: 'TERM' },
  ResultReady: { stage: 'RESULT_READY', judge: 'RESULT' },
  HandedOver: { stage: 'HANDED_OVER', judge: 'AFTER' },
  ReturnedToCollege: { stage: 'RETURNED_TO_COLLEGE', judge: 'AFTER' },
  ResultRequestedBack: null,
  ReturnToCollegeDue: null,
  DeadlinesRevised: { stage: 'DEADLINES_REVISED', judge: 'TERM' },
  CalendarAdopted: null,
  SlaAtRisk: { stage: 'SLA_AT_RISK', judge: { fixed: 'AT_RISK' } },
  SlaBreached: { stage: 'SLA_BREACHED', judge: { fixed: 'OVERDUE' } },
};

/** The stage code an event type reports, or null for the two events that are not stages. */
export function stageCodeOf(type: ApplicationEvent['type']): StageCode | null {
  return STAGES[type]?.stage ?? null;
}

/**
 * The monitoring stage of `event`, judged against `stateBefore` (the state the event was decided
 * on; for intake events the deadlines come from the event). Null for IdentityCheckRetried and
 * ResultRequestedBack, which are operator / PSC requests, not stages of provision.
 */
export function stageOf(event: ApplicationEvent, stateBefore: ApplicationState): StageReport | null {
  const entry = STAGES[event.type];
  if (!entry) return null;
  // Intake events fix the deadlines, a revision changes them: judge on the deadlines they carry.
  const intake = 'deadlines' in event ? event : event.type === 'DeadlinesRevised' ? event.revised : null;
  const deadlines = intake?.deadlines ?? stateBefore.deadlines;
  const atRiskFrom = intake?.atRiskFrom ?? stateBefore.atRiskFrom;
  if (!deadlines || !atRiskFrom) return null;
  const stageDeadline = 'stageDeadline' in event ? event.stageDeadline : null;
  const termEndsAt = deadlines.termEndsAt;
  // Steps of the way back after storage (item 62) come after the term was met.
  const afterReturn = 'afterReturn' in event && event.afterReturn;
  const judge: Judgement = afterReturn ? 'AFTER' : entry.judge;

  const late = stageDeadline !== null && isAfter(event.at, stageDeadline);
  let slaStatus: SlaStatus;
  if (typeof judge === 'object') slaStatus = judge.fixed;
  else if (judge === 'TERM') {
    slaStatus =
      late || isAfter(event.at, termEndsAt) ? 'OVERDUE' : almatyDate(event.at) >= atRiskFrom ? 'AT_RISK' : 'ON_TIME';
  } else slaStatus = late ? 'OVERDUE' : 'ON_TIME';

  return { stage: entry.stage, stageDeadline, termEndsAt, slaStatus };
}

/** Stage reports of a batch of events appended to `state`, each judged on the state before it. */
export function stagesOf(events: readonly ApplicationEvent[], state: ApplicationState): (StageReport | null)[] {
  const out: (StageReport | null)[] = [];
  let s = state;
  for (const e of events) {
    out.push(stageOf(e, s));
    s = evolve(s, e);
  }
  return out;
}
