/**
 * Properties of the working-day counts and of the service deadlines over 2025-2030 (official,
 * provisional and statute-only years alike: a count must not care which).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/core/application/model.js';
import { addDays } from '../../../src/core/calendar/index.js';
import { computeServiceDeadlines } from '../../../src/core/deadlines/index.js';
import { shippedCalendar } from '../../support/calendar.js';

const cal = shippedCalendar();
const DAYS_2025_TO_2030 = 6 * 365 + 1; // 2028 is a leap year
/** Any date from 1 January 2025 to 31 December 2030. */
const date = fc.integer({ min: 0, max: DAYS_2025_TO_2030 - 1 }).map((i) => addDays('2025-01-01', i));
const count = fc.integer({ min: 0, max: 60 });
const START = Date.parse('2025-01-01T00:00:00+05:00');
const END = Date.parse('2030-12-31T23:59:59.999+05:00');
/** Any instant of 2025-2030 in Kazakhstan time, written in UTC as another system would send it. */
const instant = fc.integer({ min: START, max: END }).map((ms) => new Date(ms).toISOString());
const channel = fc.constantFrom<Channel>('PORTAL', 'PSC', 'COLLEGE_OFFICE');

describe('calendar properties (2025-2030)', () => {
  it('the last day of the range is 31 December 2030', () => {
    expect(addDays('2025-01-01', DAYS_2025_TO_2030 - 1)).toBe('2030-12-31');
  });

  it('service deadlines fall on working days, the term ending after registration', () => {
    fc.assert(
      fc.property(channel, instant, (ch, submittedAt) => {
        const d = computeServiceDeadlines(cal, { channel: ch, submittedAt });
        expect(cal.isWorkingDay(d.registrationDate)).toBe(true);
        expect(cal.isWorkingDay(d.termEndDate)).toBe(true);
        expect(cal.isWorkingDay(d.hearingNoticeLatest)).toBe(true);
        expect(d.termEndDate > d.registrationDate).toBe(true);
        expect(d.hearingNoticeLatest < d.termEndDate).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingDays lands on a working day strictly later (n >= 1)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const r = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(r > d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(fc.property(date, count, (d, n) => cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n));
  });

  it('addWorkingDays inverts workingDaysBetween on working days', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 300 }), (d, k) => {
        const e = addDays(d, k);
        fc.pre(cal.isWorkingDay(e));
        return cal.addWorkingDays(d, cal.workingDaysBetween(d, e)) === e;
      }),
    );
  });

  it('subtractWorkingDays inverts addWorkingDays from a working day', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        fc.pre(cal.isWorkingDay(d));
        return cal.subtractWorkingDays(cal.addWorkingDays(d, n), n) === d;
      }),
    );
  });

  it('addWorkingDays is monotonic in the start date and in n', () => {
    fc.assert(
      fc.property(date, date, count, (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(lo, n) <= cal.addWorkingDays(hi, n)).toBe(true);
        expect(cal.addWorkingDays(lo, n) <= cal.addWorkingDays(lo, n + 1)).toBe(true);
      }),
    );
  });

  it('nextWorkingDay is addWorkingDays(d, 1)', () => {
    fc.assert(fc.property(date, (d) => cal.nextWorkingDay(d) === cal.addWorkingDays(d, 1)));
  });

  it('isWorkingDay agrees with dayKind', () => {
    fc.assert(
      fc.property(date, (d) => {
        const kind = cal.dayKind(d);
        return cal.isWorkingDay(d) === (kind === 'WORKING' || kind === 'TRANSFERRED_WORKING_DAY');
      }),
    );
  });
});
