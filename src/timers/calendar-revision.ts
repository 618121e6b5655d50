/**
 * When a calendar version is loaded, every open application's deadlines are recomputed on it
 * (the core decides: ReviseDeadlines). It runs as a job of the timer queue, one per version
 * (job key "calendar-revision:<version>": every instance that loads the version asks for the same
 * job, and a request for another version never replaces it), in batches of rows locked with SKIP
 * LOCKED, so several instances share the work and none revises an application another one holds;
 * the core does nothing for an application already on the version, so a restart or a second
 * instance never reports a revision twice.
 *
 * Versions are ordered (compareCalendarVersions, docs/deadline-rules.md). The job always runs on
 * the version this instance has loaded: a request for an older version (a stale instance that
 * restarted) runs on the newer one loaded here, a request for a newer one is retried until an
 * instance that has it takes it; and the core never moves an application to an older version
 * than the one it rests on.
 */
import type { Knex } from 'knex';
import { compareCalendarVersions } from '../core/calendar/index.js';
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
    { task: 'calendar-revision', key: `calendar-revision:${version}`, runAt: clock.now(), payload: { version } },
  ]);
}

/**
 * The version a revision job asked for `requested` runs on, on an instance that has `loaded`: the
 * loaded one when it is the same or newer (a stale instance's request never takes applications
 * back); a newer request throws CALENDAR_VERSION_NOT_LOADED, and the queue retries it (this
 * instance's file watch loads it, or an instance that has it takes the job).
 */
export function versionToRevise(requested: string, loaded: string): string {
  if (compareCalendarVersions(requested, loaded) <= 0) return loaded;
  throw new AppError(
    'CALENDAR_VERSION_NOT_LOADED',
    `Calendar version ${requested} is not loaded here (in use: ${loaded}); retried shortly.`,
    { version: requested },
  );
}

export async function reviseOpenApplications(
  db: Knex,
  deps: AdapterDeps,
  version: string,
  batch = 200,
): Promise<RevisionOutcome> {
  const calendar = deps.calendar;
  versionToRevise(version, calendar.version.id);
  const out: RevisionOutcome = { version: calendar.version.id, checked: 0, revised: 0 };
  // In id order from a cursor: an application the core leaves on a newer version is passed once.
  let after = '';
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const ids = await selectApplicationsToRevise(tx, calendar.version.id, after, batch);
      after = ids[ids.length - 1] ?? after;
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
        // A refused revision is not asked again for this version; an application on a newer one keeps it.
        const current = res.ok && res.before.calendar?.calendarVersion === calendar.version.id;
        if (!res.ok || current) await markCalendarVersion(tx, applicationId, calendar.version.id);
        if (res.ok && res.events.some((e) => e.type === 'DeadlinesRevised')) out.revised++;
      }
      return ids.length;
    });
    out.checked += n;
    if (n < batch) return out;
  }
}
