/**
 * The calendar shipped with the product: config/calendar/<year>.json. Replacing a file's content
 * needs no code change; a new year file is added to SHIPPED_YEARS below (or loaded at the edge
 * with loadCalendarDirectory, see load-calendar-directory.ts).
 */
import y2025 from '../../../config/calendar/2025.json' with { type: 'json' };
import y2026 from '../../../config/calendar/2026.json' with { type: 'json' };
import type { CalendarYear } from './calendar-year-schema.js';
import { calendarFromData, type ClassifiedCalendar } from './working-calendar.js';

export const SHIPPED_YEARS: readonly CalendarYear[] = [y2025, y2026];

let shipped: ClassifiedCalendar | undefined;

/** The calendar built from the shipped year files (validated once, then cached). */
export function defaultCalendar(): ClassifiedCalendar {
  shipped ??= calendarFromData([...SHIPPED_YEARS]);
  return shipped;
}
