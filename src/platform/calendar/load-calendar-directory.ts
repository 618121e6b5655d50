/**
 * Edge loader (reads files; not part of the pure core and not exported from index.ts): builds a
 * calendar from every config/calendar/<year>.json in a directory, so a new year is added by
 * dropping in a file, without a code change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarDataError } from '../../core/calendar/errors.js';
import type { CalendarYear } from '../../core/calendar/calendar-year-schema.js';
import { calendarFromData, type ClassifiedCalendar } from '../../core/calendar/working-calendar.js';

const YEAR_FILE = /^(\d{4})\.json$/;

export function loadCalendarDirectory(dir: string): ClassifiedCalendar {
  const files = readdirSync(dir).filter((f) => YEAR_FILE.test(f)).sort();
  if (files.length === 0) throw new CalendarDataError(dir, ['no <year>.json files found']);
  const years = files.map((f) => {
    const label = join(dir, f);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(label, 'utf8'));
    } catch (e) {
      throw new CalendarDataError(label, [`not readable JSON: ${(e as Error).message}`]);
    }
    const expected = Number(YEAR_FILE.exec(f)![1]);
    if ((data as { year?: unknown })?.year !== expected) {
      throw new CalendarDataError(label, [`the file name says ${expected} but "year" is ${JSON.stringify((data as { year?: unknown })?.year)}`]);
    }
    return data as CalendarYear;
  });
  return calendarFromData(years);
}
