/**
 * Pure 'YYYY-MM-DD' calendar-date arithmetic (no time zone involved: a date is a day of the
 * Kazakhstan calendar). Dates are converted to day numbers (days since 1970-01-01) with
 * Date.UTC, which is plain arithmetic: no clock, no zone data, no allocation of luxon objects.
 */
import { InvalidDateError } from './errors.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Day number of a valid date, or NaN. */
function tryDayNumber(value: string): number {
  const m = DATE_RE.exec(value);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 31 April over to 1 May: a date that does not come back unchanged is not real.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / DAY_MS;
}

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return !Number.isNaN(tryDayNumber(value));
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws InvalidDateError for anything else. */
export function dayNumber(date: string): number {
  const n = tryDayNumber(date);
  if (Number.isNaN(n)) throw new InvalidDateError('date', date);
  return n;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Throws InvalidDateError unless `date` is a real YYYY-MM-DD date; returns it unchanged. */
export function assertIsoDate(date: string): string {
  dayNumber(date);
  return date;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Calendar months; the day is clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  dayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return dateOfDay(Date.UTC(ty, tm, Math.min(d, last)) / DAY_MS);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  return weekdayOfDay(dayNumber(date));
}

export function yearOf(date: string): number {
  dayNumber(date);
  return Number(date.slice(0, 4));
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}
