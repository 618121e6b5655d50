/**
 * The luxon-free instant functions give luxon's answers: compared with luxon itself over
 * instants from 1950 to 2100 (the 2024 change of Asia/Almaty from UTC+6 to UTC+5 included),
 * over written forms valid and not, and over dates and local times.
 */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  almatyMidnightMillis,
  almatyOffsetMinutes,
  almatyParts,
  formatAlmaty,
  KZ_ZONE,
  parseInstantMillis,
} from '../../../src/core/calendar/instant.js';
import { almatyInstant, endOfAlmatyDay } from '../../../src/core/calendar/time-zone.js';

/** A small deterministic generator (mulberry32), so every run checks the same cases. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261201);
const between = (lo: number, hi: number) => Math.floor(lo + random() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const FROM = Date.UTC(1950, 0, 1);
const TO = Date.UTC(2100, 0, 1);
/** The change to UTC+5: 1 March 2024 00:00 at UTC+6. */
const CHANGE = Date.UTC(2024, 1, 29, 18, 0);

const instants = [
  ...Array.from({ length: 3000 }, () => between(FROM, TO)),
  ...Array.from({ length: 500 }, () => CHANGE + between(-7_200_000, 7_200_000)),
  CHANGE - 1,
  CHANGE,
];

const luxonMillis = (s: string) => {
  const dt = DateTime.fromISO(s, { setZone: true });
  return dt.isValid ? dt.toMillis() : null;
};

describe('instants without a luxon object per call', () => {
  it("formats every instant as luxon's toISO in Asia/Almaty, and reads it back to the same millisecond", () => {
    for (const ms of instants) {
      const expected = DateTime.fromMillis(ms, { zone: KZ_ZONE }).toISO();
      expect(formatAlmaty(ms), String(ms)).toBe(expected);
      expect(parseInstantMillis(expected!)).toBe(ms);
      expect(almatyOffsetMinutes(ms)).toBe(DateTime.fromMillis(ms, { zone: KZ_ZONE }).offset);
    }
    expect(formatAlmaty(CHANGE - 1)).toBe('2024-02-29T23:59:59.999+06:00');
    expect(formatAlmaty(CHANGE)).toBe('2024-02-29T23:00:00.000+05:00');
  });

  it('reads written forms as luxon does: offsets, Z, no seconds, fractions cut after 3 digits, and refuses what luxon refuses', () => {
    const forms: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const y = between(1000, 2100);
      const mo = between(0, 13);
      const d = between(0, 32);
      const h = between(0, 24);
      const mi = between(0, 60);
      const s = between(0, 60);
      const frac = ['', '.1', '.12', '.123', '.1239', '.9999'][between(0, 5)];
      const zone = ['Z', '+05:00', '+06:00', '-03:30', '+14:00', '+15:00', '+05:60'][between(0, 6)];
      const secs = random() < 0.2 ? '' : `:${pad(s)}${frac}`;
      forms.push(`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${secs}${zone}`);
    }
    forms.push('0999-02-28T10:00:00Z', '2026-02-28T24:00:00Z', '2024-02-29T10:00+05:00', '2023-02-29T10:00+05:00');
    for (const f of forms) expect(parseInstantMillis(f), f).toBe(luxonMillis(f));
  });

  it('gives the Kazakhstan date and minute of the day as luxon does', () => {
    for (const ms of instants) {
      const dt = DateTime.fromMillis(ms, { zone: KZ_ZONE });
      expect(almatyParts(ms)).toEqual({ date: dt.toISODate(), minuteOfDay: dt.hour * 60 + dt.minute });
    }
  });

  it('finds local midnight, the end of a day and a local time of a day as luxon does', () => {
    const days = [
      ...Array.from({ length: 1500 }, () => DateTime.fromMillis(between(FROM, TO), { zone: 'utc' }).toISODate()!),
      '2024-02-29',
      '2024-03-01',
      '2024-02-28',
    ];
    for (const day of days) {
      const start = DateTime.fromISO(day, { zone: KZ_ZONE }).startOf('day');
      expect(almatyMidnightMillis(day), day).toBe(start.toMillis());
      expect(endOfAlmatyDay(day), day).toBe(start.endOf('day').toISO());
      for (const hhmm of ['00:00', '09:00', '13:30', '18:00', '23:59', '24:00'])
        expect(almatyInstant(day, hhmm), `${day} ${hhmm}`).toBe(
          start.plus({ hours: Number(hhmm.slice(0, 2)), minutes: Number(hhmm.slice(3)) }).toISO(),
        );
    }
  });
});
