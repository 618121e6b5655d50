/**
 * Working schedules per channel (Order No. 312, Appendix 6 p.7): is a channel open at an instant,
 * and on which days.
 */
import schedulesJson from '../../../config/calendar/schedules.json' with { type: 'json' };
import { parseSchedules, minutesOf, type Schedules } from './schedule-schema.js';
import { almatyDate, almatyMinuteOfDay } from './time-zone.js';
import { isoWeekday } from './iso-date.js';
import type { ClassifiedCalendar } from './working-calendar.js';

/** R1: the three ways to apply (mirrors the application model's Channel). */
export type ScheduleChannel = 'PORTAL' | 'PSC' | 'COLLEGE_OFFICE';

let shipped: Schedules | undefined;

/** The shipped config/calendar/schedules.json (validated once, then cached). */
export function defaultSchedules(): Schedules {
  shipped ??= parseSchedules(schedulesJson);
  return shipped;
}

/**
 * Is the channel open on `date` (Appendix 6 p.7)? The PSC works Saturdays unless the Saturday
 * is a holiday or a moved day off.
 */
export function isChannelOpenOn(
  cal: ClassifiedCalendar,
  channel: ScheduleChannel,
  date: string,
  schedules = defaultSchedules(),
): boolean {
  const openOn = schedules.channels[channel].openOn;
  if (openOn === 'ALWAYS') return true;
  if (cal.isWorkingDay(date)) return true;
  if (openOn === 'WORKING_DAYS' || isoWeekday(date) !== 6) return false;
  return cal.dayKind(date) === 'WEEKEND';
}

/** Is the channel open (serving applicants) at `instant`, Kazakhstan time (Appendix 6 p.7)? */
export function isChannelOpenAt(
  cal: ClassifiedCalendar,
  channel: ScheduleChannel,
  instant: string,
  schedules = defaultSchedules(),
): boolean {
  const date = almatyDate(instant);
  if (!isChannelOpenOn(cal, channel, date, schedules)) return false;
  const minute = almatyMinuteOfDay(instant);
  return schedules.channels[channel].hours.some((h) => minutesOf(h.from) <= minute && minute < minutesOf(h.to));
}
