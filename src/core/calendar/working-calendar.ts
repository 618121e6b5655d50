/**
 * The Kazakhstan working-day calendar (Labour Code: Saturdays and Sundays off, public holidays
 * off, days off moved each year), built from the per-year data files. Used by every working-day
 * count of Order No. 312 (items 53, 56, 58, 63).
 */
import { parseCalendarYear, type CalendarYear } from './calendar-year-schema.js';
import { buildYearDays, type DayKind, type YearDays } from './days-off.js';
import { CalendarDataError, CalendarError, CalendarYearMissingError } from './errors.js';
import { addDays, assertIsoDate, isWeekend, yearOf } from './iso-date.js';

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day strictly after `date` (n >= 1); n = 0 returns `date` itself. Throws CalendarYearMissingError for a year with no data file. */
  addWorkingDays(date: string, n: number): string;
  /** The n-th working day strictly before `date` (n >= 1). */
  subtractWorkingDays(date: string, n: number): string;
  /** First working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** Number of working days d with from < d <= to (0 if to <= from). */
  workingDaysBetween(from: string, to: string): number;
}

/** The calendar as built from data: also tells what kind of day a date is. */
export interface ClassifiedCalendar extends WorkingCalendar {
  dayKind(date: string): DayKind;
  /** The years that have data, ascending. */
  readonly years: readonly number[];
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new CalendarError('CALENDAR_INVALID_COUNT', `A working-day count must be a whole number >= 0, got ${n}.`, { n });
  }
}

/** Builds a calendar from parsed year files; each is validated (CALENDAR_DATA_INVALID on error). */
export function calendarFromData(years: CalendarYear[]): ClassifiedCalendar {
  const byYear = new Map<number, YearDays>();
  for (const raw of years) {
    const label = `config/calendar/${(raw as { year?: unknown })?.year ?? '<year>'}.json`;
    const parsed = parseCalendarYear(raw, label);
    if (byYear.has(parsed.year)) throw new CalendarDataError(label, [`year ${parsed.year} given twice`]);
    byYear.set(parsed.year, buildYearDays(parsed, label));
  }

  const yearData = (date: string): YearDays => {
    assertIsoDate(date);
    const year = yearOf(date);
    const data = byYear.get(year);
    if (!data) throw new CalendarYearMissingError(year, date);
    return data;
  };

  const dayKind = (date: string): DayKind => {
    const y = yearData(date);
    const off = y.daysOff.get(date);
    if (off) return off.kind;
    if (y.workingWeekendDays.has(date)) return 'TRANSFERRED_WORKING_DAY';
    return isWeekend(date) ? 'WEEKEND' : 'WORKING';
  };
  const isWorkingDay = (date: string) => {
    const k = dayKind(date);
    return k === 'WORKING' || k === 'TRANSFERRED_WORKING_DAY';
  };
  const step = (date: string, n: number, dir: 1 | -1): string => {
    assertIsoDate(date);
    assertCount(n);
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, dir);
      if (isWorkingDay(d)) left -= 1;
    }
    return d;
  };

  return {
    years: [...byYear.keys()].sort((a, b) => a - b),
    dayKind,
    isWorkingDay,
    addWorkingDays: (date, n) => step(date, n, 1),
    subtractWorkingDays: (date, n) => step(date, n, -1),
    nextWorkingDay: (date) => step(date, 1, 1),
    workingDaysBetween(from, to) {
      assertIsoDate(from);
      assertIsoDate(to);
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
      return count;
    },
  };
}
