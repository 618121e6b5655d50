import type { Knex } from 'knex';
import {
  decide,
  evolve,
  initialState,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationState,
  type DecideContext,
  type Rejection,
} from '../../core/application/index.js';
import { intentsOf, type EffectContext } from '../../core/application/effects/index.js';
import type { GatewaySettings } from '../../partners/gateway/build-identity-request.js';
import type { OutboxMessage } from '../outbox/outbox-queries.js';
import { translateIntents, type OutboundIds } from './build-outbound.js';
import type { EventCause } from './event-log-queries.js';
import { SagaWork } from './saga-work.js';
import type { TimerIntent, TimerSink } from './timer-sink.js';

/** Everything one saga step needs besides the transaction and the command. */
export interface SagaStep {
  decide: DecideContext;
  effects: EffectContext;
  ids: OutboundIds;
  gateway: GatewaySettings;
  cause: EventCause;
  timers: TimerSink;
}

export interface Executed {
  ok: true;
  events: ApplicationEvent[];
  before: ApplicationState;
  after: ApplicationState;
  messages: OutboxMessage[];
  timers: TimerIntent[];
}

export type ExecuteResult = Executed | { ok: false; rejection: Rejection };

/**
 * One command against one application in a unit of work: load (and lock) the saga state, decide,
 * evolve, and record everything the events cause: the events (the application's event log), the
 * new state (a cache of their fold), the outbound messages (monitoring stages with their
 * per-application sequence, notifications, requests) and the timers. The unit of work writes
 * them when flushed, in its transaction: all or nothing.
 */
export async function executeInWork(
  work: SagaWork,
  command: ApplicationCommand,
  step: SagaStep,
): Promise<ExecuteResult> {
  const stored = await work.load(command.applicationId);
  const before = stored?.state ?? initialState;
  const decided = decide(before, command, step.decide);
  if (!decided.ok) return decided;
  // Nothing happened (e.g. an SLA check with nothing to report, a late gateway answer): nothing to write.
  if (decided.events.length === 0) return { ok: true, events: [], before, after: before, messages: [], timers: [] };

  let seq = stored?.stageSeq ?? 0;
  const messages: OutboxMessage[] = [];
  const timers: TimerIntent[] = [];
  let state = before;
  for (const event of decided.events) {
    const next = evolve(state, event);
    const out = translateIntents(
      intentsOf(event, state, next, step.effects),
      event,
      next.application!,
      step.ids,
      step.gateway,
      () => ++seq,
    );
    messages.push(...out.messages);
    timers.push(...out.timers);
    state = next;
  }
  work.record({
    applicationId: command.applicationId,
    firstSeq: before.version + 1,
    events: decided.events,
    cause: step.cause,
    after: state,
    stageSeq: seq,
    messages,
    timers,
  });
  return { ok: true, events: decided.events, before, after: state, messages, timers };
}

/** One command in its own unit of work, written before this returns (timers, operator commands). */
export async function executeCommand(
  tx: Knex.Transaction,
  command: ApplicationCommand,
  step: SagaStep,
): Promise<ExecuteResult> {
  const work = new SagaWork(tx, step.timers);
  const res = await executeInWork(work, command, step);
  await work.flush();
  return res;
}
