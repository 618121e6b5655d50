/**
 * What an operator is told at start and after a reload: which years that deadlines of new
 * applications reach are provisional, and from which filing date on the deadlines are
 * provisional. Pure: `today` is given.
 */
import { addDays, yearOf } from './iso-date.js';
import type { ClassifiedCalendar } from './working-calendar.js';
import type { YearInfo } from './year-days.js';

export interface ProvisionalOutlook {
  year: number;
  info: YearInfo;
  /** First filing day from `today` whose service term reaches this year. */
  affectsFilingsFrom: string;
}

/**
 * Years within `horizonDays` of `today` that are provisional, each with the first filing date
 * whose `termWorkingDays`-day term ends in it.
 */
export function provisionalOutlook(
  cal: ClassifiedCalendar,
  today: string,
  termWorkingDays: number,
  horizonDays = 60,
): ProvisionalOutlook[] {
  const out: ProvisionalOutlook[] = [];
  const lastYear = yearOf(cal.addWorkingDays(addDays(today, horizonDays), termWorkingDays));
  for (let year = yearOf(today); year <= lastYear; year++) {
    const info = cal.yearInfo(year);
    if (info.status !== 'provisional') continue;
    let d = today;
    while (yearOf(cal.addWorkingDays(d, termWorkingDays)) < year) d = addDays(d, 1);
    out.push({ year, info, affectsFilingsFrom: d });
  }
  return out;
}
