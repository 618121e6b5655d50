/**
 * Item 53 (R8): an application filed after working hours, on a weekend or on a public holidays
 * (Labour Code) is registered on the next working day.
 */
import type { ScheduleChannel as Channel } from '../calendar/schedules.js';
import {
  almatyDate,
  almatyMinuteOfDay,
  defaultSchedules,
  type Schedules,
  type ClassifiedCalendar,
} from '../calendar/index.js';
import { minutesOf } from '../calendar/schedule-schema.js';

/**
 * The registration date of a submission: the submission's Kazakhstan date when that is a working
 * day and the submission came before the channel's registration cutoff (config
 * `registrationCutoff`: 18:30 for the office and the portal, 20:00 for the PSC); otherwise the
 * next working day. A submission before opening time on a working day is not "after the end of
 * working time" (item 53: "жұмыс уақыты аяқталғаннан кейін") and is registered that day.
 */
export function registrationDate(
  cal: ClassifiedCalendar,
  input: { channel: Channel; submittedAt: string },
  schedules: Schedules = defaultSchedules(),
): string {
  const date = almatyDate(input.submittedAt);
  const cutoff = minutesOf(schedules.channels[input.channel].registrationCutoff);
  if (cal.isWorkingDay(date) && almatyMinuteOfDay(input.submittedAt) < cutoff) return date;
  return cal.nextWorkingDay(date);
}
