/**
 * Builds the set of days off of one year from its data file:
 * - public holidays (Law "On holidays in the Republic of Kazakhstan", art. 5; Labour Code art. 85);
 * - the rule: a holiday falling on a Saturday or Sunday moves the day off to the next working day,
 *   except 7 January and the first day of Kurban Ait (flag `movesWhenOnWeekend` in the file);
 * - the transfers decreed by the Government for the year (data, e.g. 5 Jan 2025 -> 3 Jan 2025).
 */
import type { z } from 'zod';
import type { calendarYearSchema } from './calendar-year-schema.js';
import { CalendarDataError } from './errors.js';
import { addDays, isWeekend } from './iso-date.js';

export type DayKind = 'WORKING' | 'WEEKEND' | 'HOLIDAY' | 'MOVED_DAY_OFF' | 'TRANSFERRED_WORKING_DAY';

export interface YearDays {
  year: number;
  /** Holidays and moved days off, each with why it is off. */
  daysOff: Map<string, { kind: 'HOLIDAY' | 'MOVED_DAY_OFF'; reason: string }>;
  /** Saturdays/Sundays made working days by a transfer. */
  workingWeekendDays: Set<string>;
}

export function buildYearDays(y: z.output<typeof calendarYearSchema>, fileLabel: string): YearDays {
  const daysOff: YearDays['daysOff'] = new Map();
  const workingWeekendDays = new Set(y.transfers.map((t) => t.workingDay));
  for (const h of y.holidays) daysOff.set(h.date, { kind: 'HOLIDAY', reason: `${h.name} (${h.source})` });
  for (const t of y.transfers) {
    if (daysOff.has(t.dayOff)) throw new CalendarDataError(fileLabel, [`transfer day off ${t.dayOff} is already a holiday`]);
    daysOff.set(t.dayOff, { kind: 'MOVED_DAY_OFF', reason: `moved from ${t.workingDay} (${t.source})` });
  }
  // A day explicitly made working by a transfer is not taken: that would cancel the decree.
  const isFree = (d: string) => !daysOff.has(d) && !isWeekend(d);
  const movedByRule: string[] = [];
  const holidays = [...y.holidays].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of holidays) {
    if (!h.movesWhenOnWeekend || !isWeekend(h.date) || workingWeekendDays.has(h.date)) continue;
    let d = addDays(h.date, 1);
    while (!isFree(d)) d = addDays(d, 1);
    daysOff.set(d, { kind: 'MOVED_DAY_OFF', reason: `${h.name} ${h.date} fell on a weekend (${h.source})` });
    movedByRule.push(d);
  }
  if (y.publishedMovedDaysOff) {
    const computed = new Set([...movedByRule, ...y.transfers.map((t) => t.dayOff)]);
    const published = new Set(y.publishedMovedDaysOff.dates);
    const missing = [...published].filter((d) => !computed.has(d));
    const extra = [...computed].filter((d) => !published.has(d));
    if (missing.length || extra.length) {
      throw new CalendarDataError(fileLabel, [
        `moved days off computed from the holidays and transfers (${[...computed].sort().join(', ')}) ` +
          `differ from publishedMovedDaysOff (${[...published].sort().join(', ')}): ` +
          `published but not computed [${missing.join(', ')}], computed but not published [${extra.join(', ')}]`,
      ]);
    }
  }
  return { year: y.year, daysOff, workingWeekendDays };
}
