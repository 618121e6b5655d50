/**
 * The start-up (and reload) warning about provisional years: which years new applications'
 * deadlines reach are not official yet, what they still wait for, and from which filing date on
 * deadlines are computed on them (and will be revised when the year's decisions are published).
 */
import { provisionalOutlook, type ClassifiedCalendar } from '../../core/calendar/index.js';
import { SERVICE_TERM_WORKING_DAYS } from '../../core/deadlines/index.js';
import type { Logger } from '../logging/logger.js';

export function logCalendarOutlook(cal: ClassifiedCalendar, today: string, horizonDays: number, log: Logger): void {
  const outlook = provisionalOutlook(cal, today, SERVICE_TERM_WORKING_DAYS, horizonDays);
  for (const o of outlook) {
    log.warn(
      {
        code: 'CALENDAR_PROVISIONAL',
        year: o.year,
        basis: o.info.basis,
        affectsFilingsFrom: o.affectsFilingsFrom,
        pending: o.info.pending,
        calendarVersion: cal.version.id,
      },
      `${o.year} is provisional (${o.info.basis === 'FILE' ? 'its file awaits decisions' : 'no year file: the statute alone'}); ` +
        `applications filed from ${o.affectsFilingsFrom} get provisional deadlines, revised when ${o.year}'s decisions ` +
        `are published: add or update config/calendar/${o.year}.json (the adapter reloads it while running).`,
    );
  }
  if (outlook.length === 0)
    log.info({ calendarVersion: cal.version.id }, 'calendar official for every year new deadlines reach');
}
