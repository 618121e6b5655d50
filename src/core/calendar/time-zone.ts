/**
 * Kazakhstan time (SPEC section 4). The zone is the IANA zone Asia/Almaty, resolved by luxon
 * through the runtime's Intl data: UTC+5 from 1 March 2024, UTC+6 before. No offsets are written
 * by hand here; the functions on strings go through instant.ts (epoch milliseconds, the offset
 * asked of luxon once per hour), not through a luxon object per call.
 */
import { DateTime } from 'luxon';
import { InvalidDateError } from './errors.js';
import { assertIsoDate } from './iso-date.js';
import { almatyMidnightMillis, almatyParts, formatAlmaty, KZ_ZONE, parseInstantMillis } from './instant.js';

export { KZ_ZONE };

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant that carries an offset (or Z) and views it in Kazakhstan time. */
export function almatyDateTime(instant: string): DateTime {
  if (!INSTANT_RE.test(instant)) throw new InvalidDateError('instant', instant);
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) throw new InvalidDateError('instant', instant);
  return dt.setZone(KZ_ZONE);
}

/** Epoch milliseconds of an ISO-8601 instant that carries an offset (or Z). */
export function instantMillis(instant: string): number {
  const ms = INSTANT_RE.test(instant) ? parseInstantMillis(instant) : null;
  if (ms === null) throw new InvalidDateError('instant', instant);
  return ms;
}

/** The Kazakhstan calendar date ('YYYY-MM-DD') of an instant. */
export function almatyDate(instant: string): string {
  return almatyParts(instantMillis(instant)).date;
}

/** Minutes since local midnight of an instant, in Kazakhstan time. */
export function almatyMinuteOfDay(instant: string): number {
  return almatyParts(instantMillis(instant)).minuteOfDay;
}

/** The instant of local time `hhmm` ('HH:mm', '24:00' allowed) on `date`, Kazakhstan time. */
export function almatyInstant(date: string, hhmm: string): string {
  assertIsoDate(date);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  // Hours and minutes after midnight are elapsed time (as luxon's plus does), not wall-clock time.
  return formatAlmaty(almatyMidnightMillis(date) + (h * 60 + m) * 60_000);
}

/** The last millisecond of `date` in Kazakhstan time, e.g. 2026-03-20T23:59:59.999+05:00. */
export function endOfAlmatyDay(date: string): string {
  assertIsoDate(date);
  return formatAlmaty(almatyMidnightMillis(date, 1) - 1);
}

/** `instant` plus `ms` milliseconds, in Kazakhstan time. */
export function almatyInstantPlus(instant: string, ms: number): string {
  return formatAlmaty(instantMillis(instant) + ms);
}
