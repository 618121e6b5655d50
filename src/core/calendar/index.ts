/**
 * Kazakhstan working-day calendar and time (public API of the calendar module).
 * The directory loader (load-calendar-directory.ts) is kept out of this index: it reads files.
 */
export type { WorkingCalendar, ClassifiedCalendar } from './working-calendar.js';
export { calendarFromData } from './working-calendar.js';
export type { CalendarYear } from './calendar-year-schema.js';
export { calendarYearSchema, parseCalendarYear } from './calendar-year-schema.js';
export type { DayKind } from './days-off.js';
export { defaultCalendar, SHIPPED_YEARS } from './default-calendar.js';
export { KZ_ZONE, almatyDate, almatyDateTime, almatyInstant, almatyMinuteOfDay, endOfAlmatyDay } from './time-zone.js';
export { addDays, addMonths, isIsoDate, isoWeekday } from './iso-date.js';
export {
  CalendarError,
  CalendarYearMissingError,
  CalendarDataError,
  InvalidDateError,
  ScheduleConfigError,
} from './errors.js';
export type { Schedules, ChannelSchedule } from './schedule-schema.js';
export { parseSchedules, schedulesSchema } from './schedule-schema.js';
export { defaultSchedules, isChannelOpenAt, isChannelOpenOn } from './schedules.js';
