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
import { insertOutboxMessages, type OutboxMessage } from '../outbox/outbox-queries.js';
import { insertApplication, selectApplicationForUpdate, updateApplication } from './application-queries.js';
import { translateIntents, type OutboundIds } from './build-outbound.js';
import { appendEvents, type EventCause } from './event-log-queries.js';
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
 * One command against one application, inside the caller's transaction: lock and load the saga
 * state, decide, evolve, and write everything the events cause: the events (the application's
 * event log), the new state (a cache of their fold), the outbound messages (monitoring stages
 * with their per-application sequence, notifications, requests) and the timers. All or nothing.
 */
export async function executeCommand(
  tx: Knex.Transaction,
  command: ApplicationCommand,
  step: SagaStep,
): Promise<ExecuteResult> {
  const stored = await selectApplicationForUpdate(tx, command.applicationId);
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
  await appendEvents(tx, command.applicationId, before.version + 1, decided.events, step.cause);
  if (stored) await updateApplication(tx, state, seq);
  else await insertApplication(tx, state, seq);
  await insertOutboxMessages(tx, messages);
  if (timers.length > 0) await step.timers.apply(tx, command.applicationId, timers);
  return { ok: true, events: decided.events, before, after: state, messages, timers };
}
