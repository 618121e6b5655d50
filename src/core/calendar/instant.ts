/**
 * Instants as epoch milliseconds, and their Kazakhstan-time form, without a luxon object per call
 * (the hot path: every stage, deadline and Avro timestamp). The zone's offset still comes from
 * luxon (the runtime's IANA data for Asia/Almaty), asked once per UTC hour and kept; the ordinary
 * ISO-8601 shapes are parsed and written here, and everything else (years before 1000, hour 24,
 * offsets beyond ±14:59) is left to luxon, so the results are luxon's in every case.
 */
import { DateTime } from 'luxon';

export const KZ_ZONE = 'Asia/Almaty';
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Offset (minutes) of Asia/Almaty per UTC hour, for hours without a transition inside. */
const offsetByHour = new Map<number, number>();
const MAX_CACHED_HOURS = 200_000;

function luxonOffset(ms: number): number {
  return DateTime.fromMillis(ms, { zone: KZ_ZONE }).offset;
}

/** The UTC offset of Kazakhstan time at an instant, in minutes (+300 from 1 March 2024). */
export function almatyOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const atStart = luxonOffset(hour * HOUR_MS);
  // A transition inside this hour: not kept, asked at the instant itself.
  if (luxonOffset(hour * HOUR_MS + HOUR_MS - 1) !== atStart) return luxonOffset(ms);
  if (offsetByHour.size >= MAX_CACHED_HOURS) offsetByHour.clear();
  offsetByHour.set(hour, atStart);
  return atStart;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

function luxonMillis(s: string): number | null {
  const dt = DateTime.fromISO(s, { setZone: true });
  return dt.isValid ? dt.toMillis() : null;
}

/**
 * Epoch milliseconds of an ISO-8601 instant with an offset or Z (`YYYY-MM-DDTHH:mm[:ss[.fff…]]`),
 * as luxon reads it (fraction digits after the third are cut); null when it is not a real instant.
 * The caller checks the shape it accepts; this only reads it.
 */
export function parseInstantMillis(s: string): number | null {
  const m = INSTANT.exec(s);
  if (!m) return luxonMillis(s);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const offH = m[8] ? 0 : Number(m[10]);
  const offM = m[8] ? 0 : Number(m[11]);
  // The shapes luxon reads its own way (or refuses) are left to it.
  if (year < 1000 || hour > 23 || offH > 14 || offM > 59 || (m[7]?.length ?? 0) > 30) return luxonMillis(s);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || minute > 59 || second > 59) return null;
  const fraction = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const sign = m[9] === '-' ? -1 : 1;
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction) - sign * (offH * 60 + offM) * MINUTE_MS;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** An instant in Kazakhstan time with milliseconds, e.g. 2026-03-02T10:15:00.000+05:00 (luxon's toISO form). */
export function formatAlmaty(ms: number): string {
  const offset = almatyOffsetMinutes(ms);
  const local = new Date(ms + offset * MINUTE_MS);
  const year = local.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999) || offset % 1 !== 0)
    return DateTime.fromMillis(ms, { zone: KZ_ZONE }).toISO() as string;
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return (
    `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}T` +
    `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}.` +
    `${pad3(local.getUTCMilliseconds())}${zone}`
  );
}

/** The Kazakhstan calendar date ('YYYY-MM-DD') and minute of the day of an instant. */
export function almatyParts(ms: number): { date: string; minuteOfDay: number } {
  const local = new Date(ms + almatyOffsetMinutes(ms) * MINUTE_MS);
  const year = local.getUTCFullYear();
  const date =
    year >= 1000 && year <= 9999
      ? `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`
      : (DateTime.fromMillis(ms, { zone: KZ_ZONE }).toISODate() as string);
  return { date, minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * Epoch milliseconds of local midnight starting `date` ('YYYY-MM-DD', already checked) plus
 * `days` calendar days, in Kazakhstan time.
 */
export function almatyMidnightMillis(date: string, days = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const luxon = () => DateTime.fromISO(date, { zone: KZ_ZONE }).plus({ days }).startOf('day').toMillis();
  if (y < 1000) return luxon();
  const wall = Date.UTC(y, m - 1, d + days);
  // The offset in force at that wall time: guessed from the wall time, then checked at the result.
  const guess = wall - almatyOffsetMinutes(wall) * MINUTE_MS;
  const at = wall - almatyOffsetMinutes(guess) * MINUTE_MS;
  // Midnight that does not exist (a transition at 00:00 moving forward): luxon decides.
  if (almatyOffsetMinutes(at) !== almatyOffsetMinutes(guess)) return luxon();
  return at;
}
