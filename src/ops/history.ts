/**
 * `history <applicationId>`: what happened to an application, for an operator or an auditor: its
 * events in order with what caused each (the message received, the timer, the operator, the
 * calendar version), then the messages sent (stages, notices, requests) and whether they left,
 * personal data masked as in the logs. Also checks that the stored state is the fold of the events.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Knex } from 'knex';
import { decodeState, evolve, initialState } from '../core/application/index.js';
import { redactDeep } from '../platform/logging/redact.js';
import { selectOutboxOfApplication } from '../pipeline/outbox/outbox-queries.js';
import { selectEvents, type EventCause } from '../pipeline/saga/event-log-queries.js';

function causeText(c: EventCause): string {
  switch (c.kind) {
    case 'message':
      return `message ${c.messageId} (${c.topic} ${c.partition}/${c.offset})`;
    case 'timer':
      return `timer ${c.task} (${c.key})`;
    case 'operator':
      return `operator ${c.operatorId}: ${c.command}`;
    case 'calendar':
      return `calendar version ${c.version}`;
  }
}

/** What a sent message was, in a few words: the stage, the kind, or the request. */
function summary(topic: string, v: Record<string, unknown>): string {
  if (typeof v.stage === 'string') return `${v.stage} #${String(v.sequence)} (${String(v.slaStatus)})`;
  if (typeof v.kind === 'string') return String(v.kind);
  if (typeof v.requestId === 'string') return `request ${v.requestId}`;
  return topic;
}

export interface HistoryReport {
  text: string;
  /** True when the stored state equals the fold of the events (the state is a cache of the log). */
  consistent: boolean;
  events: number;
}

export async function applicationHistory(db: Knex, applicationId: string): Promise<HistoryReport> {
  const events = await selectEvents(db, applicationId);
  const sent = await selectOutboxOfApplication(db, applicationId);
  const row = await db('applications').where({ application_id: applicationId }).first('state');
  const lines: string[] = [`Application ${applicationId}`];
  if (events.length === 0 && !row) return { text: `${lines[0]}: not known here`, consistent: true, events: 0 };
  const folded = events.map((e) => e.event).reduce(evolve, initialState);
  const stored = row ? decodeState(row.state) : null;
  // Deep equality, not text: the codec reads keys in its schema's order.
  const consistent =
    stored !== null && isDeepStrictEqual(JSON.parse(JSON.stringify(stored)), JSON.parse(JSON.stringify(folded)));
  lines.push(
    `Phase: ${folded.phase}; term ends ${folded.deadlines?.termEndsAt ?? '-'}; calendar ${folded.calendar?.calendarVersion ?? '-'}`,
  );
  lines.push(
    `State: ${consistent ? 'equal to the fold of its events' : 'DIFFERS from the fold of its events: rebuild it from the log'}`,
  );
  lines.push('', `Events (${events.length}):`);
  for (const e of events) {
    const { type, at, applicationId: _id, ...data } = e.event as unknown as Record<string, unknown>;
    lines.push(`  ${String(e.seq).padStart(3)}  ${String(at)}  ${String(type).padEnd(26)} <- ${causeText(e.cause)}`);
    lines.push(`       ${JSON.stringify(redactDeep(data))}`);
  }
  lines.push('', `Messages sent (${sent.length}):`);
  for (const m of sent) {
    const state = m.publishedAt ? `published ${m.publishedAt.toISOString()}` : 'waiting in the outbox';
    lines.push(
      `  ${m.createdAt.toISOString()}  ${m.topic.padEnd(36)} ${summary(m.topic, m.value).padEnd(36)} ${state}`,
    );
  }
  return { text: lines.join('\n'), consistent, events: events.length };
}
