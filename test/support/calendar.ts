/**
 * Calendars for tests: the shipped data (config/calendar, read through the edge loader, as the
 * adapter reads it) and calendars built from data written in a test.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { buildCalendar, type CalendarYear, type ClassifiedCalendar } from '../../src/core/calendar/index.js';
import { loadCalendarDirectory } from '../../src/platform/calendar/load-calendar-directory.js';

export const SHIPPED_CALENDAR_DIR = fileURLToPath(new URL('../../config/calendar/', import.meta.url));

let shipped: ClassifiedCalendar | undefined;

/** The calendar of config/calendar (loaded once per test file). */
export function shippedCalendar(): ClassifiedCalendar {
  shipped ??= loadCalendarDirectory(SHIPPED_CALENDAR_DIR);
  return shipped;
}

/** The shipped statute.json, parsed as JSON (tests derive variants from it). */
export function shippedStatute(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SHIPPED_CALENDAR_DIR, 'statute.json'), 'utf8')) as Record<string, unknown>;
}

/** A calendar of the shipped statute (or `statute`) and the given year files. */
export function calendarOf(
  years: CalendarYear[],
  statute: unknown = shippedStatute(),
  id = 'test/000000000000',
): ClassifiedCalendar {
  return buildCalendar({
    statute,
    years: years.map((y) => ({ label: `config/calendar/${y.year}.json`, data: y })),
    version: { id, hash: id.padEnd(64, '0'), publishedAt: '2026-12-01T12:00:00+05:00' },
  });
}
