/**
 * Working schedules per channel (Order No. 312, Appendix 6 p.7): is a channel open at an instant,
 * and on which days.
 */
import type { Channel } from '../application/model.js';
import schedulesJson from '../../../config/calendar/schedules.json' with { type: 'json' };
import { parseSchedules, minutesOf, type Schedules } from './schedule-schema.js';
import { almatyDate, almatyMinuteOfDay } from './time-zone.js';
import { isoWeekday } from './iso-date.js';
import type { ClassifiedCalendar, WorkingCalendar } from './working-calendar.js';

let shipped: Schedules | undefined;

/** The shipped config/calendar/schedules.json (validated once, then cached). */
export function defaultSchedules(): Schedules {
  shipped ??= parseSchedules(schedulesJson);
  return shipped;
}

function hasDayKind(cal: WorkingCalendar): cal is ClassifiedCalendar {
  return typeof (cal as Partial<ClassifiedCalendar>).dayKind === 'function';
}

/**
 * Is the channel open on `date` (Appendix 6 p.7)? The PSC works Saturdays unless the Saturday
 * is a holiday or a moved day off; with a calendar that cannot classify days, every Saturday
 * counts as open.
 */
export function isChannelOpenOn(cal: WorkingCalendar, channel: Channel, date: string, schedules = defaultSchedules()): boolean {
  const openOn = schedules.channels[channel].openOn;
  if (openOn === 'ALWAYS') return true;
  if (cal.isWorkingDay(date)) return true;
  if (openOn === 'WORKING_DAYS' || isoWeekday(date) !== 6) return false;
  return hasDayKind(cal) ? cal.dayKind(date) === 'WEEKEND' : true;
}

/** Is the channel open (serving applicants) at `instant`, Kazakhstan time (Appendix 6 p.7)? */
export function isChannelOpenAt(cal: WorkingCalendar, channel: Channel, instant: string, schedules = defaultSchedules()): boolean {
  const date = almatyDate(instant);
  if (!isChannelOpenOn(cal, channel, date, schedules)) return false;
  const minute = almatyMinuteOfDay(instant);
  return schedules.channels[channel].hours.some((h) => minutesOf(h.from) <= minute && minute < minutesOf(h.to));
}
