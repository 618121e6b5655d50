/**
 * Instant and date helpers of the workflow (Kazakhstan time, SPEC section 4). Pure.
 */
import {
  almatyDate,
  almatyInstantPlus,
  endOfAlmatyDay,
  instantMillis,
  isIsoDate,
  parseInstantMillis,
  type ClassifiedCalendar,
} from '../../calendar/index.js';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(s: unknown): s is string {
  if (typeof s !== 'string' || !INSTANT_RE.test(s)) return false;
  return parseInstantMillis(s) !== null;
}

export function isDate(s: unknown): s is string {
  return typeof s === 'string' && isIsoDate(s);
}

export function millis(instant: string): number {
  return instantMillis(instant);
}

export function isAfter(a: string, b: string): boolean {
  return millis(a) > millis(b);
}

export function isBefore(a: string, b: string): boolean {
  return millis(a) < millis(b);
}

export function earlier(a: string, b: string): string {
  return millis(a) <= millis(b) ? a : b;
}

export function later(a: string, b: string): string {
  return millis(a) >= millis(b) ? a : b;
}

export { almatyDate, endOfAlmatyDay };

/** `date` itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(cal: ClassifiedCalendar, date: string): string {
  return cal.isWorkingDay(date) ? date : cal.nextWorkingDay(date);
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** `instant` plus `ms` milliseconds, in Kazakhstan time. */
export function instantPlus(instant: string, ms: number): string {
  return almatyInstantPlus(instant, ms);
}
