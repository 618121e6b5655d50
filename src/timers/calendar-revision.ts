/**
 * When a calendar version is loaded, every open application's deadlines are recomputed on it
 * (the core decides: ReviseDeadlines). It runs as a job of the timer queue, one per version
 * (job key "calendar-revision:<version>": every instance that loads the version asks for the same
 * job, and a request for another version never replaces it). Each application is revised in a
 * transaction of its own, so a revision holds one application's row at a time and inbound
 * messages for the others go on; a row another transaction holds is skipped (SKIP LOCKED) and
 * revised after the pass, waiting for it then. Several instances share the work, and the core
 * decides on the row it locked and does nothing for an application already on the version, so a
 * restart or a second instance never reports a revision twice.
 *
 * Versions are ordered (compareCalendarVersions, docs/deadline-rules.md). The job always runs on
 * the version this instance has loaded: a request for an older version (a stale instance that
 * restarted) runs on the newer one loaded here, a request for a newer one is retried until an
 * instance that has it takes it; and the core never moves an application to an older version
 * than the one it rests on.
 */
import type { Knex } from 'knex';
import { compareCalendarVersions, type ClassifiedCalendar } from '../core/calendar/index.js';
import type { Clock } from '../platform/clock/clock.js';
import { AppError } from '../platform/errors/app-error.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { sagaStep } from '../pipeline/deps.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import {
  lockApplicationSkipLocked,
  markCalendarVersion,
  selectApplicationIdsToRevise,
} from '../pipeline/saga/application-queries.js';
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

type Revised = 'HELD' | 'REVISED' | 'UNCHANGED';

/** One application on `calendar`, in its own transaction; 'HELD' when `skipLocked` and another holds it. */
async function reviseOne(
  db: Knex,
  deps: AdapterDeps,
  calendar: ClassifiedCalendar,
  applicationId: string,
  skipLocked: boolean,
): Promise<Revised> {
  const version = calendar.version.id;
  return db.transaction(async (tx) => {
    if (skipLocked && !(await lockApplicationSkipLocked(tx, applicationId))) return 'HELD';
    const step = sagaStep(deps, { kind: 'calendar', version }, `calendar-${version}`);
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
    const current = res.ok && res.before.calendar?.calendarVersion === version;
    if (!res.ok || current) await markCalendarVersion(tx, applicationId, version);
    return res.ok && res.events.some((e) => e.type === 'DeadlinesRevised') ? 'REVISED' : 'UNCHANGED';
  });
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
  const count = (r: Revised) => {
    out.checked++;
    if (r === 'REVISED') out.revised++;
  };
  // In id order from a cursor, so each application is passed once (one the core leaves on a
  // newer version too); the ids are read without locks, a page at a time.
  const held: string[] = [];
  let after = '';
  for (;;) {
    const ids = await selectApplicationIdsToRevise(db, calendar.version.id, after, batch);
    for (const id of ids) {
      const r = await reviseOne(db, deps, calendar, id, true);
      if (r === 'HELD') held.push(id);
      else count(r);
    }
    if (ids.length < batch) break;
    after = ids[ids.length - 1]!;
  }
  // Rows another transaction held (an inbound message, another instance revising): wait for them now.
  for (const id of held) count(await reviseOne(db, deps, calendar, id, false));
  return out;
}
