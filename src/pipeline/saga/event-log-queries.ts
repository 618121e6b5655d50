import type { Knex } from 'knex';
import type { ApplicationEvent } from '../../core/application/index.js';

/** What caused an event: the inbound message, the timer, the operator or the calendar version. */
export type EventCause =
  | { kind: 'message'; topic: string; partition: number; offset: string; messageId: string }
  | { kind: 'timer'; task: string; key: string }
  | { kind: 'operator'; command: string; operatorId: string }
  | { kind: 'calendar'; version: string };

export interface StoredEvent {
  applicationId: string;
  seq: number;
  event: ApplicationEvent;
  cause: EventCause;
  recordedAt: Date;
}

/** New events of one application: seq = the state's version after each, from `firstSeq`. */
export interface EventsToAppend {
  applicationId: string;
  firstSeq: number;
  events: readonly ApplicationEvent[];
  cause: EventCause;
}

/** Appends the new events of one or more applications to their logs; one statement. */
export async function appendEvents(tx: Knex.Transaction, batches: readonly EventsToAppend[]): Promise<void> {
  const rows = batches.flatMap(({ applicationId, firstSeq, events, cause }) => {
    const causeJson = JSON.stringify(cause);
    return events.map((e, i) => ({
      application_id: applicationId,
      seq: firstSeq + i,
      type: e.type,
      at: e.at,
      event: JSON.stringify(e),
      cause: causeJson,
    }));
  });
  if (rows.length === 0) return;
  await tx('application_events').insert(rows);
}

/** An application's events in order. */
export async function selectEvents(db: Knex, applicationId: string): Promise<StoredEvent[]> {
  const rows = await db('application_events')
    .where({ application_id: applicationId })
    .orderBy('seq')
    .select('seq', 'event', 'cause', 'recorded_at');
  return rows.map((r: { seq: number; event: ApplicationEvent; cause: EventCause; recorded_at: Date }) => ({
    applicationId,
    seq: r.seq,
    event: r.event,
    cause: r.cause,
    recordedAt: r.recorded_at,
  }));
}
