import type { Knex } from 'knex';
import type { ApplicationEvent, ApplicationState } from '../../core/application/index.js';
import { insertOutboxMessages, notifyOutbox, type OutboxMessage } from '../outbox/outbox-queries.js';
import { traceHeaders } from '../../platform/observability/trace-context.js';
import {
  insertApplications,
  selectApplicationForUpdate,
  selectApplicationsForUpdate,
  updateApplications,
  type StoredApplication,
} from './application-queries.js';
import { appendEvents, type EventCause, type EventsToAppend } from './event-log-queries.js';
import type { ApplicationTimers, TimerIntent, TimerSink } from './timer-sink.js';

interface Entry {
  /** The row as it is in the database (null: not there yet): an insert or an update at flush. */
  exists: boolean;
  current: StoredApplication | null;
  dirty: boolean;
}

/**
 * The saga's unit of work for one transaction: the applications it touches, loaded and locked
 * once (a batch's in one statement), the steps decided against them in memory, and everything
 * they wrote kept until `flush`, which writes it set-based: one statement per table (new
 * applications, changed applications, events, outbox rows, timers). A second step on the same
 * application in the same batch sees the first one's state. Nothing is written unless flushed,
 * and the transaction's rollback drops it all.
 */
export class SagaWork {
  private readonly entries = new Map<string, Entry>();
  private events: EventsToAppend[] = [];
  private outbox: OutboxMessage[] = [];
  private timers: ApplicationTimers[] = [];

  constructor(
    readonly tx: Knex.Transaction,
    private readonly sink: TimerSink,
  ) {}

  /** Loads and locks these applications (those not loaded yet) in one statement, in id order. */
  async preload(applicationIds: readonly string[]): Promise<void> {
    const missing = [...new Set(applicationIds)].filter((id) => !this.entries.has(id));
    if (missing.length === 0) return;
    const found = await selectApplicationsForUpdate(this.tx, missing);
    for (const id of missing) {
      const stored = found.get(id) ?? null;
      this.entries.set(id, { exists: stored !== null, current: stored, dirty: false });
    }
  }

  /** The application as this unit of work has it (locked in the database), or null if there is none. */
  async load(applicationId: string): Promise<StoredApplication | null> {
    const known = this.entries.get(applicationId);
    if (known) return known.current;
    const stored = await selectApplicationForUpdate(this.tx, applicationId);
    this.entries.set(applicationId, { exists: stored !== null, current: stored, dirty: false });
    return stored;
  }

  /** The state this unit of work holds for an application already loaded (a caller's own read may be older). */
  held(applicationId: string): ApplicationState | undefined {
    return this.entries.get(applicationId)?.current?.state;
  }

  /** One step's outcome: its events from `firstSeq`, the state after them and what they caused. */
  record(step: {
    applicationId: string;
    firstSeq: number;
    events: readonly ApplicationEvent[];
    cause: EventCause;
    after: ApplicationState;
    stageSeq: number;
    messages: readonly OutboxMessage[];
    timers: readonly TimerIntent[];
  }): void {
    const { applicationId } = step;
    const entry = this.entries.get(applicationId);
    if (!entry) throw new Error(`saga work: ${applicationId} was not loaded before its step was recorded`);
    entry.current = { state: step.after, stageSeq: step.stageSeq };
    entry.dirty = true;
    this.events.push({ applicationId, firstSeq: step.firstSeq, events: step.events, cause: step.cause });
    // Rows carry the trace context of the step (the inbound message's span), not the flush's.
    const trace = traceHeaders();
    for (const m of step.messages) this.outbox.push({ ...m, headers: { ...trace, ...(m.headers ?? {}) } });
    if (step.timers.length > 0) this.timers.push({ applicationId, timers: step.timers });
  }

  /** Writes what the steps recorded; the unit of work can then take more steps. */
  async flush(): Promise<void> {
    const inserts: StoredApplication[] = [];
    const updates: StoredApplication[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.dirty || !entry.current) continue;
      (entry.exists ? updates : inserts).push(entry.current);
      entry.exists = true;
      entry.dirty = false;
    }
    const events = this.events;
    const outbox = this.outbox;
    const timers = this.timers;
    this.events = [];
    this.outbox = [];
    this.timers = [];
    await insertApplications(this.tx, inserts);
    await updateApplications(this.tx, updates);
    await appendEvents(this.tx, events);
    await insertOutboxMessages(this.tx, outbox);
    if (outbox.length > 0) await notifyOutbox(this.tx);
    if (timers.length > 0) await this.sink.apply(this.tx, timers);
  }
}
