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
import { insertOutboxMessages, type OutboxMessage } from '../outbox/outbox-queries.js';
import { insertApplication, selectApplicationForUpdate, updateApplication } from './application-queries.js';
import { outboundFor, type OutboundEnv } from './outbound.js';

export interface Executed {
  ok: true;
  events: ApplicationEvent[];
  before: ApplicationState;
  after: ApplicationState;
  messages: OutboxMessage[];
}

export type ExecuteResult = Executed | { ok: false; rejection: Rejection };

/**
 * One command against one application, inside the caller's transaction: lock and load the saga
 * state, decide, evolve, save the new state and queue every outbound message (monitoring stages
 * with their per-application sequence, notifications, requests) in the outbox. All or nothing.
 */
export async function executeCommand(
  tx: Knex.Transaction,
  command: ApplicationCommand,
  ctx: DecideContext,
  env: Omit<OutboundEnv, 'nextSequence'>,
): Promise<ExecuteResult> {
  const stored = await selectApplicationForUpdate(tx, command.applicationId);
  const before = stored?.state ?? initialState;
  const decided = decide(before, command, ctx);
  if (!decided.ok) return decided;
  // Nothing happened (e.g. an SLA check with nothing to report): nothing to write.
  if (decided.events.length === 0) return { ok: true, events: [], before, after: before, messages: [] };

  let seq = stored?.stageSeq ?? 0;
  const messages: OutboxMessage[] = [];
  let state = before;
  for (const event of decided.events) {
    const next = evolve(state, event);
    messages.push(...outboundFor(event, state, next, { ...env, nextSequence: () => ++seq }));
    state = next;
  }
  if (stored) await updateApplication(tx, state, seq);
  else await insertApplication(tx, state, seq);
  await insertOutboxMessages(tx, messages);
  return { ok: true, events: decided.events, before, after: state, messages };
}
