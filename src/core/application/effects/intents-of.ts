/**
 * intentsOf(event, before, after, ctx) -> intents: everything one event makes the adapter do, in
 * order: its monitoring stage, the messages to the parties, then the timers. Pure: the processing
 * instant and the identity policy come in the context.
 */
import { addDays, almatyInstant, type ClassifiedCalendar } from '../../calendar/index.js';
import { stageDeadlineOf } from '../monitoring/stage-deadline.js';
import { stageOf } from '../monitoring/stage-of.js';
import type { ApplicationEvent } from '../workflow/events.js';
import type { DecidePolicy } from '../workflow/context.js';
import type { ApplicationState } from '../workflow/state.js';
import { isTermRunning } from '../workflow/state.js';
import { identityBackoffMs } from '../workflow/identity-backoff.js';
import { instantPlus } from '../workflow/time.js';
import type { Intent, StageIntent } from './intents.js';
import { partyIntents } from './party-intents.js';

export interface EffectContext {
  /** The instant the event is processed (timers count from it, not from the business instant). */
  now: string;
  policy: DecidePolicy;
  /** The calendar of the step's deadlines (the deadline of the step awaited next). */
  calendar: ClassifiedCalendar;
}

/** The step awaited while the term runs; none once it is met (the way back after storage has no term, item 62). */
function awaitedStep(s: ApplicationState, cal: ClassifiedCalendar) {
  return s.application && isTermRunning(s) ? stageDeadlineOf(s, cal) : null;
}

/** The SLA timer of the step the application waits for: moved when that step or its deadline changes. */
function stageDeadlineTimer(before: ApplicationState, after: ApplicationState, cal: ClassifiedCalendar): Intent[] {
  const was = awaitedStep(before, cal);
  const now = awaitedStep(after, cal);
  if (was?.key === now?.key) return [];
  if (!now) return was ? [{ type: 'CancelTimer', purpose: 'STAGE_DEADLINE' }] : [];
  return [{ type: 'ScheduleTimer', purpose: 'STAGE_DEADLINE', at: instantPlus(now.deadline, 1), requestId: null }];
}

function stageIntent(event: ApplicationEvent, before: ApplicationState, after: ApplicationState): StageIntent | null {
  const report = stageOf(event, before);
  if (!report) return null;
  return {
    type: 'ReportStage',
    stage: report.stage,
    stageDeadline: report.stageDeadline,
    serviceTermEndsAt: report.termEndsAt,
    slaStatus: report.slaStatus,
    calendar: after.calendar,
    revision:
      event.type === 'DeadlinesRevised'
        ? {
            previousServiceTermEndsAt: event.previous.deadlines.termEndsAt,
            previousCalendarVersion: event.previousCalendar?.calendarVersion ?? null,
            termEndChanged: event.termEndChanged,
          }
        : null,
  };
}

/** SLA timers (docs/sla.md): at the start of the at-risk day, and just after the term's end. */
function slaTimers(s: ApplicationState): Intent[] {
  if (!s.deadlines || !s.atRiskFrom || !isTermRunning(s)) return [];
  return [
    { type: 'ScheduleTimer', purpose: 'SLA_AT_RISK', at: almatyInstant(s.atRiskFrom, '00:00'), requestId: null },
    { type: 'ScheduleTimer', purpose: 'SLA_BREACH', at: instantPlus(s.deadlines.termEndsAt, 1), requestId: null },
  ];
}

function timerIntents(event: ApplicationEvent, after: ApplicationState, ctx: EffectContext): Intent[] {
  const p = ctx.policy.identity;
  const overdue = (ms: number, requestId: string): Intent => ({
    type: 'ScheduleTimer',
    purpose: 'IDENTITY_OVERDUE',
    at: instantPlus(ctx.now, ms),
    requestId,
  });
  switch (event.type) {
    case 'ApplicationSubmitted':
      return [overdue(p.responseTimeoutMs, after.identity!.requestId!), ...slaTimers(after)];
    case 'ApplicationAccepted': {
      // Items 54-55: the register leaves in its slot; one timer per register, shared by its applications.
      const plan = after.registerPlan;
      const slot: Intent[] = plan
        ? [
            {
              type: 'ScheduleTimer',
              purpose: 'REGISTER_SLOT',
              at: plan.courierSlot.pickupAt,
              requestId: null,
              sharedKey: plan.registerId,
            },
          ]
        : [];
      return [overdue(p.responseTimeoutMs, after.identity!.requestId!), ...slaTimers(after), ...slot];
    }
    case 'RegisterReplanned':
      // The next slot's register: one timer per register, shared by its applications.
      return [
        {
          type: 'ScheduleTimer',
          purpose: 'REGISTER_SLOT',
          at: event.registerPlan.courierSlot.pickupAt,
          requestId: null,
          sharedKey: event.registerPlan.registerId,
        },
      ];
    case 'IdentityCheckRetried':
      return [overdue(p.responseTimeoutMs, event.requestId)];
    case 'IdentityRequestRepeated':
      return [overdue(p.responseTimeoutMs + identityBackoffMs(event.requestId, event.attempt - 1, p), event.requestId)];
    case 'IdentityAnswerErrored':
      // The repetitions of a request share its id, and the gateway echoes nothing else of a request,
      // so once it was repeated an ERROR may be a late one to an earlier attempt: the repetition
      // keeps its own timer (timeout plus backoff) instead of being repeated early. Only an ERROR
      // to the first request, which cannot be late, brings the next request forward.
      return event.attempt >= 2 ? [] : [overdue(identityBackoffMs(event.requestId, event.attempt, p), event.requestId)];
    case 'IdentityVerified':
    case 'IdentityFailed':
      return [{ type: 'CancelTimer', purpose: 'IDENTITY_OVERDUE' }];
    case 'DeadlinesRevised':
      return slaTimers(after);
    case 'ResultReady': {
      const cancel: Intent[] = [
        { type: 'CancelTimer', purpose: 'SLA_AT_RISK' },
        { type: 'CancelTimer', purpose: 'SLA_BREACH' },
      ];
      // Item 62: the month of storage at the PSC; the timer fires the day after its last day.
      if (!event.storageEnd) return cancel;
      const at = almatyInstant(addDays(event.storageEnd, 1), '00:00');
      return [...cancel, { type: 'ScheduleTimer', purpose: 'STORAGE_ELAPSED', at, requestId: null }];
    }
    case 'HandedOver':
    case 'ReturnedToCollege':
      return [{ type: 'CancelTimer', purpose: 'STORAGE_ELAPSED' }];
    default:
      return [];
  }
}

export function intentsOf(
  event: ApplicationEvent,
  before: ApplicationState,
  after: ApplicationState,
  ctx: EffectContext,
): Intent[] {
  const stage = stageIntent(event, before, after);
  return [
    ...(stage ? [stage] : []),
    ...partyIntents(event, before, after, ctx.calendar),
    ...timerIntents(event, after, ctx),
    ...stageDeadlineTimer(before, after, ctx.calendar),
  ];
}
