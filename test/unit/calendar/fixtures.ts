/**
 * Data for calendar tests: year files and statute variants written in a test, derived from the
 * shipped files so that a test states only what it changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarYear } from '../../../src/core/calendar/index.js';
import { SHIPPED_CALENDAR_DIR, shippedStatute } from '../../support/calendar.js';

export const SRC = 'Test order of the labour authority No. 1 of 2 January 2028';

/** A provisional year file that decides nothing yet; a test adds what the year decides. */
export function yearFile(year: number, extra: Partial<CalendarYear> = {}): CalendarYear {
  const publishedAt = '2028-11-20T12:00:00+05:00';
  return { year, status: 'provisional', publishedAt, source: SRC, transfers: [], ...extra };
}

/** The shipped config/calendar/<year>.json as JSON. */
export function shippedYearFile(year: number): CalendarYear {
  return JSON.parse(readFileSync(join(SHIPPED_CALENDAR_DIR, `${year}.json`), 'utf8')) as CalendarYear;
}

export interface ExtraHoliday {
  id: string;
  days: string[];
  movesWhenOnWeekend?: boolean;
  fromYear?: number;
  untilYear?: number;
}

/** The shipped statute with extra FIXED holidays (as a law amendment would add them). */
export function statuteWith(...extra: ExtraHoliday[]): Record<string, unknown> {
  const statute = shippedStatute();
  const holidays = statute.holidays as unknown[];
  for (const h of extra) {
    holidays.push({
      id: h.id,
      name: { en: `Test ${h.id}`, kk: `Test ${h.id}`, ru: `Test ${h.id}` },
      kind: 'FIXED',
      days: h.days,
      movesWhenOnWeekend: h.movesWhenOnWeekend ?? true,
      fromYear: h.fromYear ?? 2028,
      ...(h.untilYear === undefined ? {} : { untilYear: h.untilYear }),
      source: 'Test amendment of the Law "On holidays", art. 5',
    });
  }
  return statute;
}
