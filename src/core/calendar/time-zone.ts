/**
 * Kazakhstan time (SPEC section 4). The zone is the IANA zone Asia/Almaty, resolved by luxon
 * through the runtime's Intl data: UTC+5 from 1 March 2024, UTC+6 before. No offsets are written
 * by hand here.
 */
import { DateTime } from 'luxon';
import { InvalidDateError } from './errors.js';
import { assertIsoDate } from './iso-date.js';

export const KZ_ZONE = 'Asia/Almaty';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant that carries an offset (or Z) and views it in Kazakhstan time. */
export function almatyDateTime(instant: string): DateTime {
  if (!INSTANT_RE.test(instant)) throw new InvalidDateError('instant', instant);
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) throw new InvalidDateError('instant', instant);
  return dt.setZone(KZ_ZONE);
}

/** The Kazakhstan calendar date ('YYYY-MM-DD') of an instant. */
export function almatyDate(instant: string): string {
  return almatyDateTime(instant).toISODate() as string;
}

/** Minutes since local midnight of an instant, in Kazakhstan time. */
export function almatyMinuteOfDay(instant: string): number {
  const dt = almatyDateTime(instant);
  return dt.hour * 60 + dt.minute;
}

/** The instant of local time `hhmm` ('HH:mm', '24:00' allowed) on `date`, Kazakhstan time. */
export function almatyInstant(date: string, hhmm: string): string {
  assertIsoDate(date);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const start = DateTime.fromISO(date, { zone: KZ_ZONE }).startOf('day');
  return start.plus({ hours: h, minutes: m }).toISO() as string;
}

/** The last millisecond of `date` in Kazakhstan time, e.g. 2026-03-20T23:59:59.999+05:00. */
export function endOfAlmatyDay(date: string): string {
  assertIsoDate(date);
  return DateTime.fromISO(date, { zone: KZ_ZONE }).endOf('day').toISO() as string;
}
