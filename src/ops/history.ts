/**
 * `history <applicationId>`: what happened to an application, for an operator or an auditor: its
 * events in order with what caused each (the message received, the timer, the operator, the
 * calendar version), then the messages sent (stages, notices, requests) and whether they left,
 * personal data masked as in the logs. Also checks that the stored state is the fold of the events.
 * `applicationTimeline` gives the same as data (the operator console's timeline page).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Knex } from 'knex';
import { decodeState, evolve, initialState, type ApplicationState } from '../core/application/index.js';
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

export interface TimelineEvent {
  seq: number;
  at: string;
  type: string;
  cause: string;
  /** The event's data with personal data masked. */
  data: unknown;
}

export interface TimelineMessage {
  createdAt: string;
  topic: string;
  summary: string;
  /** When it was published; null while it waits in the outbox. */
  publishedAt: string | null;
}

export interface Timeline {
  applicationId: string;
  /** The fold of the events: phase, deadlines, calendar, SLA signals (no personal data is read from it here). */
  phase: ApplicationState['phase'];
  channel: string | null;
  deadlines: ApplicationState['deadlines'];
  calendar: ApplicationState['calendar'];
  sla: ApplicationState['sla'];
  /** True when the stored state equals the fold of the events (the state is a cache of the log). */
  consistent: boolean;
  events: TimelineEvent[];
  sent: TimelineMessage[];
}

/** An application's timeline, personal data masked; null when the application is not known here. */
export async function applicationTimeline(db: Knex, applicationId: string): Promise<Timeline | null> {
  const events = await selectEvents(db, applicationId);
  const sent = await selectOutboxOfApplication(db, applicationId);
  const row = await db('applications').where({ application_id: applicationId }).first('state');
  if (events.length === 0 && !row) return null;
  const folded = events.map((e) => e.event).reduce(evolve, initialState);
  const stored = row ? decodeState(row.state) : null;
  // Deep equality, not text: the codec reads keys in its schema's order.
  const consistent =
    stored !== null && isDeepStrictEqual(JSON.parse(JSON.stringify(stored)), JSON.parse(JSON.stringify(folded)));
  return {
    applicationId,
    phase: folded.phase,
    channel: folded.application?.channel ?? null,
    deadlines: folded.deadlines,
    calendar: folded.calendar,
    sla: folded.sla,
    consistent,
    events: events.map((e) => {
      const { type, at, applicationId: _id, ...data } = e.event as unknown as Record<string, unknown>;
      return { seq: e.seq, at: String(at), type: String(type), cause: causeText(e.cause), data: redactDeep(data) };
    }),
    sent: sent.map((m) => ({
      createdAt: m.createdAt.toISOString(),
      topic: m.topic,
      summary: summary(m.topic, m.value),
      publishedAt: m.publishedAt ? m.publishedAt.toISOString() : null,
    })),
  };
}

export interface HistoryReport {
  text: string;
  /** True when the stored state equals the fold of the events (the state is a cache of the log). */
  consistent: boolean;
  events: number;
}

export async function applicationHistory(db: Knex, applicationId: string): Promise<HistoryReport> {
  const t = await applicationTimeline(db, applicationId);
  const lines: string[] = [`Application ${applicationId}`];
  if (!t) return { text: `${lines[0]}: not known here`, consistent: true, events: 0 };
  lines.push(
    `Phase: ${t.phase}; term ends ${t.deadlines?.termEndsAt ?? '-'}; calendar ${t.calendar?.calendarVersion ?? '-'}`,
  );
  lines.push(
    `State: ${t.consistent ? 'equal to the fold of its events' : 'DIFFERS from the fold of its events: rebuild it from the log'}`,
  );
  lines.push('', `Events (${t.events.length}):`);
  for (const e of t.events) {
    lines.push(`  ${String(e.seq).padStart(3)}  ${e.at}  ${e.type.padEnd(26)} <- ${e.cause}`);
    lines.push(`       ${JSON.stringify(e.data)}`);
  }
  lines.push('', `Messages sent (${t.sent.length}):`);
  for (const m of t.sent) {
    const state = m.publishedAt ? `published ${m.publishedAt}` : 'waiting in the outbox';
    lines.push(`  ${m.createdAt}  ${m.topic.padEnd(36)} ${m.summary.padEnd(36)} ${state}`);
  }
  return { text: lines.join('\n'), consistent: t.consistent, events: t.events.length };
}
