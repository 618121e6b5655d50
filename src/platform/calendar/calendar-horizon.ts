/**
 * The working-day calendar is data per year; an application whose term runs into a year without a
 * file is refused with CALENDAR_YEAR_MISSING. A term is 15 working days (about 3 weeks, more over
 * the New Year holidays), so the next year's file is needed some 45 days before the year ends.
 */
export const CALENDAR_HORIZON_DAYS = 45;

/** The year whose file is missing for applications filed `now`, or null when the data reaches far enough. */
export function missingCalendarYear(years: readonly number[], now: Date, horizonDays = CALENDAR_HORIZON_DAYS): number | null {
  const needed = new Date(now.getTime() + horizonDays * 86_400_000).getUTCFullYear();
  for (let y = now.getUTCFullYear(); y <= needed; y++) if (!years.includes(y)) return y;
  return null;
}
