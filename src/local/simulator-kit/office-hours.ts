/**
 * Working time of an office on the real working-day calendar (Kazakhstan time, Asia/Almaty): the
 * days it is open (the calendar's working days, for the PSC also ordinary Saturdays) and its hours
 * on those days (config/calendar/schedules.json, Appendix 6 p.7: the college office 9:00-13:00 and
 * 14:00-18:30, the PSC 9:00-20:00). The simulators count their delays in this time: "2 working
 * hours" after Friday 18:00 is Monday 10:30 at the college, and after the day before a holiday it
 * is the first working day after it.
 *
 * Instants are epoch milliseconds (the clock's and Avro's unit); the office's local times are
 * turned into instants by luxon through the calendar module (no offsets written by hand).
 */
import {
  addDays,
  almatyDate,
  almatyInstant,
  defaultSchedules,
  isChannelOpenOn,
  type ClassifiedCalendar,
  type Schedules,
} from '../../core/calendar/index.js';
import { millisToInstant } from '../../contract/logical-types.js';

export interface OfficeHours {
  /** True when the office is open on the date (YYYY-MM-DD, Kazakhstan calendar). */
  openOn(date: string): boolean;
  /** Opening intervals of an open day, ascending, local times HH:mm. */
  readonly intervals: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_MINUTE = 60_000;
/** Beyond this many days without an open hour the office hours are taken as broken (never open). */
const MAX_CLOSED_DAYS = 366;

/** The college office (Appendix 6 p.7 (1)): working days of the calendar, its hours from schedules.json. */
export function collegeOfficeHours(cal: ClassifiedCalendar, schedules: Schedules = defaultSchedules()): OfficeHours {
  return {
    openOn: (date) => isChannelOpenOn(cal, 'COLLEGE_OFFICE', date, schedules),
    intervals: schedules.channels.COLLEGE_OFFICE.hours,
  };
}

/** A PSC branch (Appendix 6 p.7 (2)): working days and ordinary Saturdays, its hours from schedules.json. */
export function pscHours(cal: ClassifiedCalendar, schedules: Schedules = defaultSchedules()): OfficeHours {
  return {
    openOn: (date) => isChannelOpenOn(cal, 'PSC', date, schedules),
    intervals: schedules.channels.PSC.hours,
  };
}

/** Kazakhstan calendar date of an instant. */
export function dateOf(ms: number): string {
  return almatyDate(millisToInstant(ms));
}

function at(date: string, hhmm: string): number {
  return Date.parse(almatyInstant(date, hhmm));
}

function noOpenHours(startMs: number): Error {
  return new Error(`office hours: no open hour within ${MAX_CLOSED_DAYS} days after ${millisToInstant(startMs)}`);
}

/**
 * The instant `workMs` of office time after `startMs`: time counts only inside the opening
 * intervals of open days. With 0 it is the first office moment at or after `startMs` (the
 * instant itself inside an interval; the next opening otherwise, e.g. 13:30 -> 14:00 and a
 * closing time 18:30 -> the next open day's 9:00). A span that ends exactly at a closing time
 * ends there (Friday 18:00 + 30 minutes = Friday 18:30).
 */
export function addOfficeTime(office: OfficeHours, startMs: number, workMs: number): number {
  if (!Number.isFinite(workMs) || workMs < 0) throw new Error(`office hours: a duration must be >= 0, got ${workMs}`);
  let remaining = workMs;
  let t = startMs;
  let date = dateOf(startMs);
  for (let closedDays = 0; closedDays <= MAX_CLOSED_DAYS; date = addDays(date, 1)) {
    if (!office.openOn(date)) {
      closedDays += 1;
      continue;
    }
    closedDays = 0;
    for (const interval of office.intervals) {
      const from = at(date, interval.from);
      const to = at(date, interval.to);
      if (t >= to) continue;
      if (t < from) t = from;
      if (remaining <= to - t) return t + remaining;
      remaining -= to - t;
      t = to;
    }
  }
  throw noOpenHours(startMs);
}

/** `hours` working hours (fractions allowed) after `startMs`. */
export function addWorkingHours(office: OfficeHours, startMs: number, hours: number): number {
  return addOfficeTime(office, startMs, Math.round(hours * MS_PER_HOUR));
}

/** The first office moment at or after `startMs`. */
export function nextOfficeMoment(office: OfficeHours, startMs: number): number {
  return addOfficeTime(office, startMs, 0);
}

/** The closing instant (end of the last interval) of an open day. */
export function closingOf(office: OfficeHours, date: string): number {
  return at(date, office.intervals[office.intervals.length - 1]!.to);
}

/** The opening instant of the last interval of an open day (e.g. 14:00 at the college). */
export function lastIntervalStart(office: OfficeHours, date: string): number {
  return at(date, office.intervals[office.intervals.length - 1]!.from);
}

/**
 * `delayHours` of office time after the first office moment at or after `arrivalMs`, but on that
 * same day: a delay that would run past closing ends at closing (what arrives is handled the day
 * it arrives, item 57).
 */
export function sameOfficeDay(office: OfficeHours, arrivalMs: number, delayHours: number): number {
  const first = nextOfficeMoment(office, arrivalMs);
  const done = addWorkingHours(office, first, delayHours);
  const day = dateOf(first);
  return dateOf(done) === day ? done : closingOf(office, day);
}
