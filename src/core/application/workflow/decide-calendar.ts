/**
 * Deadlines and the calendar they rest on. A calendar version is data that changes while the
 * service runs (a year becomes official, Kurban Ait is announced, the labour authority moves a
 * day off): the deadlines of every application whose term still runs are then recomputed on the
 * new version, and a change is reported (DEADLINES_REVISED) once per application and version.
 */
import { compareCalendarVersions, type ClassifiedCalendar } from '../../calendar/index.js';
import {
  collegeReviewDeadline,
  computeServiceDeadlines,
  hearingLatest,
  objectionWindowEnd,
} from '../../deadlines/index.js';
import type { ReviseDeadlines } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent, RevisableDeadlines } from './events.js';
import { appOf } from './guards.js';
import { accept, type DecideResult } from './rejection.js';
import { isTermRunning, type ApplicationState, type DeadlineBasis } from './state.js';
import { almatyDate } from './time.js';

/** The calendar version, and whether any year from submission to the term end is provisional. */
export function deadlineBasis(cal: ClassifiedCalendar, submittedAt: string, termEndDate: string): DeadlineBasis {
  return { calendarVersion: cal.version.id, provisional: cal.isProvisional(almatyDate(submittedAt), termEndDate) };
}

/** The deadlines stored in the state. */
function storedDeadlines(state: ApplicationState): RevisableDeadlines {
  const { deadlines } = appOf(state);
  return {
    deadlines,
    atRiskFrom: state.atRiskFrom ?? deadlines.termEndDate,
    reviewDeadline: state.college?.reviewDeadline ?? null,
    hearingLatest: state.preliminaryRefusal?.hearingLatest ?? null,
    objectionWindowEnd: state.preliminaryRefusal?.objectionWindowEnd ?? null,
  };
}

/** The same deadlines computed from the application's facts on `cal`. */
function recomputedDeadlines(state: ApplicationState, cal: ClassifiedCalendar): RevisableDeadlines {
  const { app } = appOf(state);
  const deadlines = computeServiceDeadlines(cal, { channel: app.channel, submittedAt: app.submittedAt });
  const pre = state.preliminaryRefusal;
  return {
    deadlines,
    atRiskFrom: cal.subtractWorkingDays(deadlines.termEndDate, 1),
    reviewDeadline: state.college ? collegeReviewDeadline(cal, state.college.registeredOn) : null,
    hearingLatest: pre ? hearingLatest(cal, pre.noticeDate) : null,
    objectionWindowEnd: pre ? objectionWindowEnd(cal, pre.noticeReceivedOn) : null,
  };
}

function sameDeadlines(a: RevisableDeadlines, b: RevisableDeadlines): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function decideReviseDeadlines(
  state: ApplicationState,
  cmd: ReviseDeadlines,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  // Already on this version, or on a newer one (another instance loaded it): never revised back.
  const on = state.calendar?.calendarVersion;
  if (on !== undefined && compareCalendarVersions(on, ctx.calendar.version.id) >= 0) return accept();
  // The term was met when the result reached its place (item 63): its deadlines are history, not
  // revised, and the applicant is not told of a new term end (the edge selects none of these).
  if (!isTermRunning(state)) return accept();
  const previous = storedDeadlines(state);
  const revised = recomputedDeadlines(state, ctx.calendar);
  const calendar = deadlineBasis(ctx.calendar, appOf(state).app.submittedAt, revised.deadlines.termEndDate);
  const base = { applicationId: cmd.applicationId, at: cmd.at, previousCalendar: state.calendar, calendar };
  if (sameDeadlines(previous, revised)) return accept({ ...base, type: 'CalendarAdopted' });
  return accept({
    ...base,
    type: 'DeadlinesRevised',
    previous,
    revised,
    termEndChanged: previous.deadlines.termEndDate !== revised.deadlines.termEndDate,
    stageDeadline: null,
  });
}
