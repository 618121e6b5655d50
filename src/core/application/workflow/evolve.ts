/**
 * evolve(state, event) -> state: folds one event into the application's state. Pure and total:
 * it trusts the event (decide has checked it) and never mutates its inputs.
 */
import type { ApplicationEvent } from './events.js';
import type { ApplicationState, IdentityState, Phase, SlaState } from './state.js';
import { identityRequestId } from './identity-request-id.js';
import { resultDispatchId } from './result-dispatch-id.js';
import { almatyDate, isAfter } from './time.js';

function identityOf(s: ApplicationState): IdentityState {
  return (
    s.identity ?? {
      status: 'PENDING',
      requestId: null,
      attempt: 0,
      findings: [],
      failure: null,
      retries: 0,
      updatedAt: null,
      person: null,
    }
  );
}

/**
 * Item 49: a portal application is electronic and reaches the college when its identity check is
 * over, verified or failed (the college then judges, e.g. a preliminary refusal on G1), once: a
 * later answer after an operator's retry does not send it again, nor does one after registration.
 */
function sentWhenIdentityKnown(s: ApplicationState, at: string): string | null {
  if (s.sentToCollegeAt) return s.sentToCollegeAt;
  return s.application?.channel === 'PORTAL' && s.college === null ? at : null;
}

function afterIntakeAccepted(channel: string): Phase {
  return channel === 'PSC' ? 'AWAITING_REGISTER_DISPATCH' : 'AWAITING_REGISTRATION';
}

function apply(s: ApplicationState, e: ApplicationEvent): ApplicationState {
  switch (e.type) {
    case 'ApplicationSubmitted':
    case 'ApplicationAccepted':
    case 'IntakeRefused': {
      const refused = e.type === 'IntakeRefused';
      return {
        ...s,
        phase: refused ? 'INTAKE_REFUSED' : afterIntakeAccepted(e.application.channel),
        applicationId: e.applicationId,
        application: e.application,
        deadlines: e.deadlines,
        atRiskFrom: e.atRiskFrom,
        calendar: e.calendar,
        intakeFindings: e.findings,
        consentMissing: refused ? false : e.consentMissing,
        registerPlan: e.type === 'ApplicationAccepted' ? e.registerPlan : null,
        // The office's application is at the college already (item 50): it is sent with the acceptance.
        sentToCollegeAt: e.type === 'ApplicationAccepted' && e.application.channel === 'COLLEGE_OFFICE' ? e.at : null,
        identity: refused
          ? null
          : {
              status: 'PENDING',
              requestId: identityRequestId(e.applicationId, 1),
              attempt: 1,
              findings: [],
              failure: null,
              retries: 0,
              updatedAt: null,
              person: null,
            },
      };
    }
    case 'IdentityVerified':
      return {
        ...s,
        sentToCollegeAt: sentWhenIdentityKnown(s, e.at),
        identity: {
          ...identityOf(s),
          status: 'VERIFIED',
          requestId: e.requestId,
          findings: e.findings,
          failure: null,
          updatedAt: e.at,
          person: e.person,
        },
      };
    case 'IdentityFailed':
      return {
        ...s,
        sentToCollegeAt: sentWhenIdentityKnown(s, e.at),
        identity: {
          ...identityOf(s),
          status: 'FAILED',
          requestId: e.requestId,
          findings: [],
          failure: { reason: e.reason, attempts: e.attempts, detail: e.detail },
          updatedAt: e.at,
        },
      };
    case 'IdentityCheckRetried':
      return {
        ...s,
        identity: {
          status: 'PENDING',
          requestId: e.requestId,
          attempt: 1,
          findings: [],
          failure: null,
          retries: identityOf(s).retries + 1,
          updatedAt: e.at,
          person: null,
        },
      };
    case 'IdentityAnswerErrored':
      return { ...s, identity: { ...identityOf(s), updatedAt: e.at } };
    case 'IdentityRequestRepeated':
      return { ...s, identity: { ...identityOf(s), attempt: e.attempt, updatedAt: e.at } };
    case 'RegisterOrdered':
      return {
        ...s,
        registerOrder: { registerId: e.registerId, orderMessageId: e.orderMessageId, orderedAt: e.at },
      };
    case 'RegisterReplanned':
      return { ...s, registerPlan: e.registerPlan };
    case 'RegisterDispatched':
      return {
        ...s,
        phase: 'REGISTER_IN_TRANSIT',
        register: { registerId: e.registerId, courierSlot: e.courierSlot, dispatchedAt: e.at, deliveredAt: null },
      };
    case 'DeliveredToCollege':
      return {
        ...s,
        phase: 'AWAITING_REGISTRATION',
        register: s.register ? { ...s.register, deliveredAt: e.at } : null,
        sentToCollegeAt: s.sentToCollegeAt ?? e.at,
      };
    case 'RegisteredAtCollege':
      return {
        ...s,
        phase: 'UNDER_REVIEW',
        college: {
          registrationNumber: e.registrationNumber,
          registeredAt: e.at,
          registeredOn: e.registeredOn,
          reviewDeadline: e.reviewDeadline,
        },
      };
    case 'PreliminaryRefusalIssued':
      return {
        ...s,
        phase: 'HEARING_PENDING',
        // The G1 path after a failed identity check replaces a held duplicate.
        heldDecision: null,
        preliminaryRefusal: {
          ground: e.ground,
          motivation: e.motivation,
          hearing: e.hearing,
          noticeChannel: e.noticeChannel,
          noticeAt: e.at,
          noticeDate: e.noticeDate,
          noticeReceivedOn: e.noticeReceivedOn,
          hearingLatest: e.hearingLatest,
          objectionWindowEnd: e.objectionWindowEnd,
          findings: e.findings,
        },
      };
    case 'HearingHeld':
      return {
        ...s,
        phase: 'AWAITING_DECISION',
        hearing: { heldAt: e.at, objection: e.objection, findings: e.findings },
      };
    case 'DuplicateIssueHeld':
      return { ...s, heldDecision: { at: e.at, series: e.series, number: e.number, issuedOn: e.issuedOn } };
    case 'DuplicateIssued':
      return {
        ...s,
        phase: 'DECIDED',
        heldDecision: null,
        decision: {
          outcome: 'DUPLICATE_ISSUED',
          at: e.at,
          series: e.series,
          number: e.number,
          issuedOn: e.issuedOn,
          digitalPublishedAt: null,
        },
        result: newResult(s, 'DUPLICATE'),
      };
    case 'DigitalDiplomaPublished':
      return s.decision?.outcome === 'DUPLICATE_ISSUED'
        ? { ...s, decision: { ...s.decision, digitalPublishedAt: e.at } }
        : s;
    case 'ApplicationRefused':
      return {
        ...s,
        phase: 'DECIDED',
        heldDecision: null,
        decision: { outcome: 'REFUSED', at: e.at, ground: e.ground, motivation: e.motivation },
        result: newResult(s, 'REFUSAL'),
      };
    case 'ResultDispatched':
      return withResult(s, 'RESULT_IN_TRANSIT', {
        dispatch: { dispatchId: e.dispatchId, courierSlot: e.courierSlot, at: e.at },
      });
    case 'ResultReady':
      // Each arrival starts its own month of storage (item 62): its end is reported anew.
      return withResult(s, 'READY', {
        firstReadyAt: s.result?.firstReadyAt ?? e.at,
        readyOn: e.readyOn,
        storageEnd: e.storageEnd,
        returnDueAt: null,
      });
    case 'HandedOver':
      return withResult(s, 'HANDED_OVER', { handedOverAt: e.at });
    case 'ReturnedToCollege':
      return withResult(s, 'RETURNED_TO_COLLEGE', { returnedAt: e.at });
    case 'ResultRequestedBack': {
      // Item 62: the college sends the stored result back with a new courier order, numbered after the last one.
      const n = (s.result?.dispatchSequence ?? 1) + 1;
      return withResult(s, 'REQUESTED_BACK', {
        requestedBackAt: e.at,
        plannedDispatch: { dispatchId: resultDispatchId(e.applicationId, n), deliverBy: null },
        dispatchSequence: n,
      });
    }
    case 'ReturnToCollegeDue':
      return withResult(s, s.phase, { returnDueAt: e.at });
    case 'DeadlinesRevised': {
      const r = e.revised;
      return {
        ...s,
        deadlines: r.deadlines,
        atRiskFrom: r.atRiskFrom,
        calendar: e.calendar,
        college: s.college && r.reviewDeadline ? { ...s.college, reviewDeadline: r.reviewDeadline } : s.college,
        preliminaryRefusal:
          s.preliminaryRefusal && r.hearingLatest && r.objectionWindowEnd
            ? { ...s.preliminaryRefusal, hearingLatest: r.hearingLatest, objectionWindowEnd: r.objectionWindowEnd }
            : s.preliminaryRefusal,
        sla: slaOnRevisedDeadlines(s.sla, r.atRiskFrom, r.deadlines.termEndsAt),
      };
    }
    case 'CalendarAdopted':
      return { ...s, calendar: e.calendar };
    case 'SlaAtRisk':
      return { ...s, sla: { ...s.sla, atRiskReportedAt: e.at } };
    case 'SlaBreached':
      if (e.scope === 'STAGE' && e.step)
        return { ...s, sla: { ...s.sla, stageBreaches: [...(s.sla.stageBreaches ?? []), e.step] } };
      return { ...s, sla: { ...s.sla, breachedReportedAt: e.at } };
  }
}

/**
 * docs/sla.md: a term signal reported before the revised deadlines reach it (the term moved later)
 * is withdrawn, so the SLA timers moved with the revision report it again; one still true stands.
 */
function slaOnRevisedDeadlines(sla: SlaState, atRiskFrom: string, termEndsAt: string): SlaState {
  const risk = sla.atRiskReportedAt;
  const breach = sla.breachedReportedAt;
  return {
    ...sla,
    atRiskReportedAt: risk !== null && almatyDate(risk) < atRiskFrom ? null : risk,
    breachedReportedAt: breach !== null && !isAfter(breach, termEndsAt) ? null : breach,
  };
}

function newResult(s: ApplicationState, outcome: 'DUPLICATE' | 'REFUSAL'): ApplicationState['result'] {
  return {
    place: s.application!.resultPlace,
    outcome,
    plannedDispatch:
      s.application!.resultPlace.kind === 'PSC'
        ? {
            dispatchId: resultDispatchId(s.application!.applicationId, 1),
            deliverBy: s.deadlines?.resultToPscLatest ?? null,
          }
        : null,
    dispatchSequence: s.application!.resultPlace.kind === 'PSC' ? 1 : 0,
    returnDueAt: null,
    dispatch: null,
    firstReadyAt: null,
    readyOn: null,
    storageEnd: null,
    returnedAt: null,
    requestedBackAt: null,
    handedOverAt: null,
  };
}

function withResult(
  s: ApplicationState,
  phase: Phase,
  patch: Partial<NonNullable<ApplicationState['result']>>,
): ApplicationState {
  return { ...s, phase, result: s.result ? { ...s.result, ...patch } : null };
}

export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  const next = apply(state, event);
  return { ...next, version: state.version + 1, lastEventAt: event.at };
}

/** Folds a history into a state, from `initialState` or a given state. */
export function fold(events: readonly ApplicationEvent[], from: ApplicationState): ApplicationState {
  return events.reduce(evolve, from);
}
