/**
 * The Kazakhstan working-day calendar (Labour Code: days of weekly rest, public holidays, days
 * off moved by the law's rule and by the labour authority), built from the statute and the
 * year files. Any year has a calendar: a year without a file is provisional on the statute
 * alone. Used by every working-day count of Order No. 312 (items 53, 56, 58, 63).
 *
 * Dates are counted as day numbers over one precomputed array per year: a count is a loop over
 * bytes, not over time-zone-aware objects.
 */
import { CalendarDataError, CalendarError } from './errors.js';
import { dateOfDay, dayNumber } from './iso-date.js';
import { parseStatute, type Statute } from './statute-schema.js';
import type { CalendarVersion } from './version.js';
import { buildYearDays, KIND_CODES, type DayKind, type DayReason, type YearDays, type YearInfo } from './year-days.js';
import { parseCalendarYear, type ParsedYear } from './year-schema.js';

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day strictly after `date` (n >= 1); n = 0 returns `date` itself. */
  addWorkingDays(date: string, n: number): string;
  /** The n-th working day strictly before `date` (n >= 1). */
  subtractWorkingDays(date: string, n: number): string;
  /** First working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** Number of working days d with from < d <= to (0 if to <= from). */
  workingDaysBetween(from: string, to: string): number;
}

/** The calendar as built from data: what kind of day a date is, why, and how sure. */
export interface ClassifiedCalendar extends WorkingCalendar {
  dayKind(date: string): DayKind;
  /** Which data the calendar was built from. */
  readonly version: CalendarVersion;
  /** The years that have a file, ascending (every other year is the statute's alone). */
  readonly fileYears: readonly number[];
  yearInfo(year: number): YearInfo;
  /** Every day off of the year and every weekend day made working, with its reason and source, by date. */
  daysOff(year: number): DayReason[];
  /** True when any year from `from` to `to` (dates, inclusive) is provisional. */
  isProvisional(from: string, to: string): boolean;
}

/** The data of one calendar version, parsed or raw (validated here). */
export interface CalendarData {
  statute: unknown;
  /** Year files by the label used in errors (e.g. "config/calendar/2027.json"). */
  years: { label: string; data: unknown }[];
  version: CalendarVersion;
  /** How errors name the statute file (default config/calendar/statute.json). */
  statuteLabel?: string;
}

/** Years the calendar computes; a date outside is an input error, not a missing file. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2199;

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new CalendarError('CALENDAR_INVALID_COUNT', `A working-day count must be a whole number >= 0, got ${n}.`, {
      n,
    });
  }
}

/** Builds a calendar; every file is validated (CALENDAR_DATA_INVALID naming the file, the entry and the fix). */
export function buildCalendar(data: CalendarData): ClassifiedCalendar {
  const statuteLabel = data.statuteLabel ?? 'config/calendar/statute.json';
  const statute: Statute = parseStatute(data.statute, statuteLabel);
  const files = new Map<number, { parsed: ParsedYear; label: string }>();
  for (const { label, data: raw } of data.years) {
    const parsed = parseCalendarYear(raw, label);
    if (files.has(parsed.year))
      throw new CalendarDataError(label, [`year ${parsed.year} is also given by ${files.get(parsed.year)!.label}`]);
    files.set(parsed.year, { parsed, label });
  }
  const years = new Map<number, YearDays>();
  const yearDays = (year: number): YearDays => {
    let y = years.get(year);
    if (!y) {
      if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
        throw new CalendarError(
          'CALENDAR_OUT_OF_RANGE',
          `The working-day calendar covers ${FIRST_YEAR}-${LAST_YEAR}; ${year} is outside: check the date sent.`,
          { year },
        );
      }
      const f = files.get(year);
      y = buildYearDays(year, statute, f?.parsed, f?.label ?? statuteLabel);
      years.set(year, y);
    }
    return y;
  };
  // Every file, and the statute over the years around them, is built once now: a bad file or a
  // statute entry that cannot work (a move into the next year) fails the load, not an application.
  const known = [...files.keys()];
  const from = Math.max(FIRST_YEAR, Math.min(...known, 2025) - 1);
  const to = Math.min(LAST_YEAR, Math.max(...known, 2025) + 3);
  for (let year = from; year <= to; year++) yearDays(year);

  const kindAt = (n: number): number => {
    const year = new Date(n * 86_400_000).getUTCFullYear();
    const y = yearDays(year);
    return y.kinds[n - y.firstDay]!;
  };
  const working = (n: number) => {
    const k = kindAt(n);
    return k === 0 || k === 4;
  };
  const step = (date: string, n: number, dir: 1 | -1): string => {
    assertCount(n);
    let d = dayNumber(date);
    for (let left = n; left > 0;) {
      d += dir;
      if (working(d)) left -= 1;
    }
    return dateOfDay(d);
  };
  const yearOfDate = (date: string) => new Date(dayNumber(date) * 86_400_000).getUTCFullYear();

  return {
    version: data.version,
    fileYears: [...files.keys()].sort((a, b) => a - b),
    dayKind: (date) => KIND_CODES[kindAt(dayNumber(date))]!,
    isWorkingDay: (date) => working(dayNumber(date)),
    addWorkingDays: (date, n) => step(date, n, 1),
    subtractWorkingDays: (date, n) => step(date, n, -1),
    nextWorkingDay: (date) => step(date, 1, 1),
    workingDaysBetween(from, to) {
      const end = dayNumber(to);
      let count = 0;
      for (let d = dayNumber(from) + 1; d <= end; d++) if (working(d)) count += 1;
      return count;
    },
    yearInfo: (year) => yearDays(year).info,
    daysOff(year) {
      const y = yearDays(year);
      return [...y.reasons.values()].sort((a, b) => a.date.localeCompare(b.date));
    },
    isProvisional(from, to) {
      for (let year = yearOfDate(from); year <= yearOfDate(to); year++)
        if (yearDays(year).info.status === 'provisional') return true;
      return false;
    },
  };
}
