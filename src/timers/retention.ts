/**
 * Retention: processed inbox entries, published outbox rows, relay batch records and the stored
 * originals of large dead letters are pruned after their configured periods, so personal data does
 * not stay in the outbox or beside the DLQ for ever. Runs as
 * the timer task `prune-retention`, daily by the worker's crontab, and once at start.
 *
 * Periods are real days (the rows carry the database's timestamps), whatever the adapter's clock:
 * a simulation at CLOCK_SPEED=1000 does not prune a day's rows after 86 real seconds.
 */
import type { Knex } from 'knex';
import type { Logger } from '../platform/logging/logger.js';
import { pruneDeadLetterPayloads, pruneInbox, pruneOutboxBatches, prunePublishedOutbox } from './retention-queries.js';
import type { TimerTask } from './worker.js';

export const PRUNE_RETENTION_TASK = 'prune-retention';

/** Daily at 03:00 in the process's time zone (graphile-worker's cron; real time). */
export const RETENTION_CRONTAB = `0 3 * * * ${PRUNE_RETENTION_TASK}`;

const DAY_MS = 86_400_000;

export interface RetentionPeriods {
  inboxDays: number;
  outboxDays: number;
  batchesDays: number;
  deadLetterPayloadsDays: number;
}

export interface PrunedRows {
  inbox: number;
  outbox: number;
  batches: number;
  deadLetterPayloads: number;
}

export interface RetentionDeps {
  /** The runtime role, search_path = the tables' schema. */
  db: Knex;
  /** config.retention */
  periods: RetentionPeriods;
  log: Logger;
  /** Real time (the rows' timestamps are the database's); injectable for tests. */
  realNow?: () => number;
}

/** Prunes the four tables, each in its own statement, and logs one line with the counts. */
export async function pruneRetention(d: RetentionDeps): Promise<PrunedRows> {
  const now = (d.realNow ?? Date.now)();
  const before = (days: number) => new Date(now - days * DAY_MS);
  const pruned: PrunedRows = {
    inbox: await pruneInbox(d.db, before(d.periods.inboxDays)),
    outbox: await prunePublishedOutbox(d.db, before(d.periods.outboxDays)),
    batches: await pruneOutboxBatches(d.db, before(d.periods.batchesDays)),
    deadLetterPayloads: await pruneDeadLetterPayloads(d.db, before(d.periods.deadLetterPayloadsDays)),
  };
  d.log.info(
    { component: 'retention', ...pruned, days: d.periods },
    'retention: pruned rows past their retention period',
  );
  return pruned;
}

/** The worker's tasks for retention (merge into startTimerWorker's `tasks`, with RETENTION_CRONTAB). */
export function retentionTasks(d: RetentionDeps): Record<string, TimerTask> {
  return {
    [PRUNE_RETENTION_TASK]: async () => {
      await pruneRetention(d);
    },
  };
}
