/**
 * Working-day counts on the shipped calendar (every deadline of Order No. 312 is one), and the
 * inputs they refuse.
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../support/calendar.js';

const cal = shippedCalendar();

describe('shipped calendar: counting', () => {
  it.each([
    ['2025-01-01', 1, '2025-01-05'],
    ['2025-01-01', 2, '2025-01-06'],
    ['2025-01-01', 3, '2025-01-08'],
    ['2025-01-06', 1, '2025-01-08'],
    ['2025-03-07', 1, '2025-03-11'],
    ['2026-03-20', 1, '2026-03-26'],
    ['2026-03-06', 1, '2026-03-10'],
    ['2026-05-26', 1, '2026-05-28'],
    ['2026-08-28', 1, '2026-08-31'],
    ['2025-12-31', 1, '2026-01-05'],
    ['2025-12-31', 0, '2025-12-31'],
    ['2026-03-21', 0, '2026-03-21'],
    ['2026-12-28', 10, '2027-01-14'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-01-08', 1, '2025-01-06'],
    ['2025-01-08', 2, '2025-01-05'],
    ['2026-03-27', 1, '2026-03-26'],
    ['2026-03-26', 1, '2026-03-20'],
    ['2026-05-28', 1, '2026-05-26'],
  ])('subtractWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.subtractWorkingDays(date, n)).toBe(expected);
  });

  it('counts back into 2024, a year without a file, on the statute alone (provisional)', () => {
    expect(cal.subtractWorkingDays('2025-01-08', 3)).toBe('2024-12-31');
    expect(cal.yearInfo(2024)).toMatchObject({ status: 'provisional', basis: 'STATUTE' });
    expect(cal.isProvisional('2024-12-31', '2025-01-08')).toBe(true);
  });

  it.each([
    ['2025-01-04', '2025-01-05'],
    ['2025-01-05', '2025-01-06'],
    ['2025-01-06', '2025-01-08'],
    ['2026-03-20', '2026-03-26'],
    ['2026-03-07', '2026-03-10'],
    ['2026-12-31', '2027-01-05'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(cal.nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2025-01-01', '2025-01-10', 5],
    ['2026-03-20', '2026-03-26', 1],
    ['2026-03-20', '2026-03-25', 0],
    ['2026-03-26', '2026-03-20', 0],
    ['2026-03-26', '2026-03-26', 0],
    // 247: 246 of the calendar published in January 2026, plus Monday 31 August made working
    ['2026-01-01', '2026-12-31', 247],
  ])('workingDaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(cal.workingDaysBetween(from, to)).toBe(n);
  });

  it('refuses a date outside the years the calendar computes', () => {
    const outOfRange = expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' });
    expect(() => cal.isWorkingDay('1989-12-31')).toThrow(outOfRange);
    expect(() => cal.addWorkingDays('2199-12-30', 5)).toThrow(outOfRange);
  });

  it.each([-1, 1.5, Number.NaN])('rejects the count %s', (n) => {
    const invalidCount = expect.objectContaining({ code: 'CALENDAR_INVALID_COUNT' });
    expect(() => cal.addWorkingDays('2026-03-02', n)).toThrow(invalidCount);
    expect(() => cal.subtractWorkingDays('2026-03-02', n)).toThrow(invalidCount);
  });

  it.each(['2026-02-30', '26-03-02', '2026-3-2'])('rejects the date %s', (d) => {
    const invalidDate = expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' });
    expect(() => cal.isWorkingDay(d)).toThrow(invalidDate);
    expect(() => cal.dayKind(d)).toThrow(invalidDate);
    expect(() => cal.addWorkingDays(d, 1)).toThrow(invalidDate);
    expect(() => cal.workingDaysBetween(d, '2026-03-02')).toThrow(invalidDate);
  });
});
