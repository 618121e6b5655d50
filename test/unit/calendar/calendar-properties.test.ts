import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendar } from '../../../src/core/calendar/index.js';

const cal = defaultCalendar();
/** Any date of 2025 (so that +60 working days stays within the shipped 2026). */
const date2025 = fc.integer({ min: 0, max: 364 }).map((i) => addDays('2025-01-01', i));
const count = fc.integer({ min: 0, max: 60 });

describe('calendar properties', () => {
  it('addWorkingDays lands on a working day strictly later (n >= 1)', () => {
    fc.assert(
      fc.property(date2025, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const r = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(r > d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(fc.property(date2025, count, (d, n) => cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n));
  });

  it('addWorkingDays inverts workingDaysBetween on working days', () => {
    fc.assert(
      fc.property(date2025, fc.integer({ min: 0, max: 300 }), (d, k) => {
        const e = addDays(d, k);
        fc.pre(cal.isWorkingDay(e) && e > d);
        return cal.addWorkingDays(d, cal.workingDaysBetween(d, e)) === e;
      }),
    );
  });

  it('subtractWorkingDays inverts addWorkingDays from a working day', () => {
    fc.assert(
      fc.property(date2025, count, (d, n) => {
        fc.pre(cal.isWorkingDay(d));
        return cal.subtractWorkingDays(cal.addWorkingDays(d, n), n) === d;
      }),
    );
  });

  it('addWorkingDays is monotonic in the start date and in n', () => {
    fc.assert(
      fc.property(date2025, date2025, count, (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(lo, n) <= cal.addWorkingDays(hi, n)).toBe(true);
        expect(cal.addWorkingDays(lo, n) <= cal.addWorkingDays(lo, n + 1)).toBe(true);
      }),
    );
  });

  it('nextWorkingDay is addWorkingDays(d, 1)', () => {
    fc.assert(fc.property(date2025, (d) => cal.nextWorkingDay(d) === cal.addWorkingDays(d, 1)));
  });
});
