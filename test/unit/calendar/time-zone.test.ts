import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  KZ_ZONE,
  almatyDate,
  almatyDateTime,
  almatyInstant,
  almatyMinuteOfDay,
  endOfAlmatyDay,
} from '../../../src/core/calendar/index.js';

describe('Asia/Almaty zone data of this runtime (SPEC section 4)', () => {
  it.each([
    ['2024-02-29T12:00', 360],
    ['2023-07-01T12:00', 360],
    ['2024-03-01T00:00', 300],
    ['2024-03-01T12:00', 300],
    ['2025-01-03T12:00', 300],
    ['2026-12-31T23:00', 300],
  ])('%s local has offset %i minutes', (local, offset) => {
    expect(DateTime.fromISO(local, { zone: KZ_ZONE }).offset).toBe(offset);
  });

  it('switches from +06:00 to +05:00 at the start of 1 March 2024', () => {
    expect(almatyDateTime('2024-02-29T17:59:00Z').toISO()).toBe('2024-02-29T23:59:00.000+06:00');
    expect(almatyDateTime('2024-02-29T18:00:00Z').toISO()).toBe('2024-02-29T23:00:00.000+05:00');
    expect(almatyDateTime('2024-02-29T19:00:00Z').toISO()).toBe('2024-03-01T00:00:00.000+05:00');
  });
});

describe('almatyDate', () => {
  it.each([
    ['2025-01-02T19:00:00Z', '2025-01-03'],
    ['2025-01-02T18:59:59Z', '2025-01-02'],
    ['2023-12-31T18:00:00Z', '2024-01-01'],
    ['2023-12-31T17:59:00Z', '2023-12-31'],
    ['2026-03-20T23:59:00+05:00', '2026-03-20'],
    ['2026-03-20T23:59:00+06:00', '2026-03-20'],
    ['2026-03-21T00:30:00+06:00', '2026-03-20'],
    ['2026-03-20T10:00:00.123+03:00', '2026-03-20'],
  ])('%s is %s in Kazakhstan', (instant, date) => {
    expect(almatyDate(instant)).toBe(date);
  });

  it.each(['2026-03-20T10:00', '2026-03-20', 'yesterday', '2026-02-30T10:00:00+05:00'])('rejects %s', (bad) => {
    expect(() => almatyDate(bad)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_INSTANT' }));
  });
});

describe('local instants', () => {
  it('builds an instant from a date and a local time', () => {
    expect(almatyInstant('2026-03-20', '13:00')).toBe('2026-03-20T13:00:00.000+05:00');
    expect(almatyInstant('2024-02-01', '09:30')).toBe('2024-02-01T09:30:00.000+06:00');
  });
  it('gives the end of a Kazakhstan day', () => {
    expect(endOfAlmatyDay('2026-04-15')).toBe('2026-04-15T23:59:59.999+05:00');
  });
  it('gives the minute of the day in Kazakhstan time', () => {
    expect(almatyMinuteOfDay('2026-03-20T13:30:00Z')).toBe(18 * 60 + 30);
  });
  it('rejects a non-date', () => {
    expect(() => endOfAlmatyDay('2026-13-01')).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
  });
});
