/**
 * When a calendar version is loaded, every open application's deadlines are recomputed on it
 * (the core decides: ReviseDeadlines). It runs as a job of the timer queue, one per version
 * (job key "calendar-revision": every instance that loads the version asks for the same job), in
 * batches of rows locked with SKIP LOCKED, so several instances share the work and none revises
 * an application another one holds; the core does nothing for an application already on the
 * version, so a restart or a second instance never reports a revision twice.
 */
import type { Knex } from 'knex';
import type { Clock } from '../platform/clock/clock.js';
import { AppError } from '../platform/errors/app-error.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { sagaStep } from '../pipeline/deps.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { markCalendarVersion, selectApplicationsToRevise } from '../pipeline/saga/application-queries.js';
import { scheduleTimers } from './timer-queue.js';

export interface RevisionOutcome {
  version: string;
  checked: number;
  revised: number;
}

/** Asks for the revision of the open applications on `version` (in the queue's own transaction). */
export async function requestCalendarRevision(db: Knex, schema: string, clock: Clock, version: string): Promise<void> {
  await scheduleTimers(db, schema, clock, [
    { task: 'calendar-revision', key: 'calendar-revision', runAt: clock.now(), payload: { version } },
  ]);
}

export async function reviseOpenApplications(
  db: Knex,
  deps: AdapterDeps,
  version: string,
  batch = 200,
): Promise<RevisionOutcome> {
  const calendar = deps.calendar;
  // Ids start with the publication date: a job for a version this instance has not loaded yet is
  // retried by the queue (its file watch loads it); one older than the loaded version runs on the newer.
  if (calendar.version.id !== version && calendar.version.id.slice(0, 10) <= version.slice(0, 10)) {
    throw new AppError(
      'CALENDAR_VERSION_NOT_LOADED',
      `Calendar version ${version} is not loaded here (in use: ${calendar.version.id}); retried shortly.`,
      { version },
    );
  }
  const out: RevisionOutcome = { version: calendar.version.id, checked: 0, revised: 0 };
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const ids = await selectApplicationsToRevise(tx, calendar.version.id, batch);
      for (const applicationId of ids) {
        const step = sagaStep(
          deps,
          { kind: 'calendar', version: calendar.version.id },
          `calendar-${calendar.version.id}`,
        );
        const res = await executeCommand(
          tx,
          { type: 'ReviseDeadlines', applicationId, at: deps.now().toISOString() },
          { ...step, decide: { ...step.decide, calendar } },
        );
        if (!res.ok)
          deps.log.error(
            { applicationId, code: res.rejection.code },
            `deadline revision refused: ${res.rejection.message}`,
          );
        if (!res.ok || res.events.length === 0) await markCalendarVersion(tx, applicationId, calendar.version.id);
        if (res.ok && res.events.some((e) => e.type === 'DeadlinesRevised')) out.revised++;
      }
      return ids.length;
    });
    out.checked += n;
    if (n < batch) return out;
  }
}
