/**
 * Pure 'YYYY-MM-DD' calendar-date arithmetic (no time zone involved: a date is a day of the
 * Kazakhstan calendar).
 */
import { DateTime } from 'luxon';
import { InvalidDateError } from './errors.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return DATE_RE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

function parse(date: string): DateTime {
  if (!DATE_RE.test(date)) throw new InvalidDateError('date', date);
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  if (!dt.isValid) throw new InvalidDateError('date', date);
  return dt;
}

/** Throws InvalidDateError unless `date` is a real YYYY-MM-DD date; returns it unchanged. */
export function assertIsoDate(date: string): string {
  parse(date);
  return date;
}

export function addDays(date: string, days: number): string {
  return parse(date).plus({ days }).toISODate() as string;
}

/** Calendar months; the day is clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  return parse(date).plus({ months }).toISODate() as string;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  return parse(date).weekday;
}

export function yearOf(date: string): number {
  return parse(date).year;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}
