/**
 * Kazakhstan working-day calendar and time (public API of the calendar module). The calendar is
 * built from data (buildCalendar); reading the files is the edge's job (src/platform/calendar).
 */
export type { WorkingCalendar, ClassifiedCalendar, CalendarData } from './working-calendar.js';
export { buildCalendar, FIRST_YEAR, LAST_YEAR } from './working-calendar.js';
export type { CalendarVersion } from './version.js';
export { compareCalendarVersions, versionId } from './version.js';
export type { CalendarYear, ParsedYear } from './year-schema.js';
export { yearSchema, parseCalendarYear } from './year-schema.js';
export type { Statute, StatuteHoliday } from './statute-schema.js';
export { statuteSchema, parseStatute } from './statute-schema.js';
export type { DayKind, DayReason, YearInfo, YearStatus, KurbanAitInfo } from './year-days.js';
export { expectedKurbanAit } from './kurban-ait.js';
export { provisionalOutlook, type ProvisionalOutlook } from './outlook.js';
export {
  KZ_ZONE,
  almatyDate,
  almatyDateTime,
  almatyInstant,
  almatyInstantPlus,
  almatyMinuteOfDay,
  endOfAlmatyDay,
  instantMillis,
} from './time-zone.js';
export { formatAlmaty, parseInstantMillis } from './instant.js';
export { addDays, addMonths, isIsoDate, isoWeekday } from './iso-date.js';
export { CalendarError, CalendarDataError, InvalidDateError, ScheduleConfigError } from './errors.js';
export type { Schedules, ChannelSchedule } from './schedule-schema.js';
export { parseSchedules, schedulesSchema } from './schedule-schema.js';
export { defaultSchedules, isChannelOpenAt, isChannelOpenOn } from './schedules.js';
