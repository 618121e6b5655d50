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

/** Appends an application's new events (seq = the state's version after each); one statement. */
export async function appendEvents(
  tx: Knex.Transaction,
  applicationId: string,
  firstSeq: number,
  events: readonly ApplicationEvent[],
  cause: EventCause,
): Promise<void> {
  if (events.length === 0) return;
  await tx('application_events').insert(
    events.map((e, i) => ({
      application_id: applicationId,
      seq: firstSeq + i,
      type: e.type,
      at: e.at,
      event: JSON.stringify(e),
      cause: JSON.stringify(cause),
    })),
  );
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
