import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addYears, fromDays, toDays } from '../../../../src/local/gateway-stub/days.js';

describe('days', () => {
  it('round-trips real dates and rejects impossible ones', () => {
    expect(toDays('1970-01-01')).toBe(0);
    expect(fromDays(toDays('2024-02-29')!)).toBe('2024-02-29');
    expect(toDays('2025-02-29')).toBeNull();
    expect(toDays('2025-13-01')).toBeNull();
    expect(toDays('25-01-01')).toBeNull();
  });

  it('adds years like luxon, 29 February becoming 28 February', () => {
    expect(fromDays(addYears(toDays('2024-02-29')!, 1))).toBe('2025-02-28');
    expect(fromDays(addYears(toDays('2024-02-29')!, -4))).toBe('2020-02-29');
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), fc.integer({ min: -70, max: 70 }), (days, years) => {
        const expected = DateTime.fromISO(fromDays(days), { zone: 'utc' }).plus({ years }).toISODate();
        expect(fromDays(addYears(days, years))).toBe(expected);
      }),
    );
  });
});
