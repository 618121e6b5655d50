import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../src/core/calendar/index.js';

const cal = defaultCalendar();

describe('shipped calendar: days', () => {
  it.each([
    // New Year 2025 and the transfer 5 Jan (Sunday, working) -> 3 Jan (Friday, off)
    ['2025-01-01', 'HOLIDAY', false],
    ['2025-01-02', 'HOLIDAY', false],
    ['2025-01-03', 'MOVED_DAY_OFF', false],
    ['2025-01-04', 'WEEKEND', false],
    ['2025-01-05', 'TRANSFERRED_WORKING_DAY', true],
    ['2025-01-06', 'WORKING', true],
    ['2025-01-07', 'HOLIDAY', false],
    ['2025-01-08', 'WORKING', true],
    // 8 March 2025 is a Saturday: the day off moves to Monday 10 March
    ['2025-03-08', 'HOLIDAY', false],
    ['2025-03-10', 'MOVED_DAY_OFF', false],
    ['2025-03-11', 'WORKING', true],
    // Nauryz 2025: Fri-Sun, moved to Mon 24 and Tue 25
    ['2025-03-21', 'HOLIDAY', false],
    ['2025-03-24', 'MOVED_DAY_OFF', false],
    ['2025-03-25', 'MOVED_DAY_OFF', false],
    ['2025-03-26', 'WORKING', true],
    ['2025-06-06', 'HOLIDAY', false],
    ['2025-07-07', 'MOVED_DAY_OFF', false],
    ['2025-09-01', 'MOVED_DAY_OFF', false],
    ['2025-10-27', 'MOVED_DAY_OFF', false],
    ['2025-12-16', 'HOLIDAY', false],
    ['2025-12-31', 'WORKING', true],
    // 2026
    ['2026-01-02', 'HOLIDAY', false],
    ['2026-01-05', 'WORKING', true],
    ['2026-01-07', 'HOLIDAY', false],
    ['2026-03-08', 'HOLIDAY', false],
    ['2026-03-09', 'MOVED_DAY_OFF', false],
    ['2026-03-10', 'WORKING', true],
    ['2026-03-20', 'WORKING', true],
    ['2026-03-23', 'HOLIDAY', false],
    ['2026-03-24', 'MOVED_DAY_OFF', false],
    ['2026-03-25', 'MOVED_DAY_OFF', false],
    ['2026-03-26', 'WORKING', true],
    ['2026-05-11', 'MOVED_DAY_OFF', false],
    ['2026-05-26', 'WORKING', true],
    ['2026-05-27', 'HOLIDAY', false],
    ['2026-05-28', 'WORKING', true],
    ['2026-08-31', 'MOVED_DAY_OFF', false],
    ['2026-10-26', 'MOVED_DAY_OFF', false],
    ['2026-03-07', 'WEEKEND', false],
  ])('%s is %s (working: %s)', (date, kind, working) => {
    expect(cal.dayKind(date)).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('moves exactly the days off published for 2026 (SPEC section 4)', () => {
    const moved: string[] = [];
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      if (cal.dayKind(iso) === 'MOVED_DAY_OFF') moved.push(iso);
    }
    expect(moved).toEqual(['2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-08-31', '2026-10-26']);
  });

  it('knows its years', () => {
    expect(cal.years).toEqual([2025, 2026]);
  });
});

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
    ['2025-12-31', 1, '2026-01-05'],
    ['2025-12-31', 0, '2025-12-31'],
    ['2026-03-21', 0, '2026-03-21'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-01-08', 1, '2025-01-06'],
    ['2025-01-08', 2, '2025-01-05'],
    ['2025-01-08', 3, '2024-12-31'],
  ])('subtractWorkingDays(%s, %i) = %s (or fails for a missing year)', (date, n, expected) => {
    if (expected.startsWith('2024')) {
      expect(() => cal.subtractWorkingDays(date, n)).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }));
    } else {
      expect(cal.subtractWorkingDays(date, n)).toBe(expected);
    }
  });

  it.each([
    ['2026-03-27', 1, '2026-03-26'],
    ['2026-03-26', 1, '2026-03-20'],
    ['2026-05-28', 1, '2026-05-26'],
  ])('subtractWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.subtractWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-01-04', '2025-01-05'],
    ['2025-01-05', '2025-01-06'],
    ['2025-01-06', '2025-01-08'],
    ['2026-03-20', '2026-03-26'],
    ['2026-03-07', '2026-03-10'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(cal.nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2025-01-01', '2025-01-10', 5],
    ['2026-03-20', '2026-03-26', 1],
    ['2026-03-20', '2026-03-25', 0],
    ['2026-03-26', '2026-03-20', 0],
    ['2026-03-26', '2026-03-26', 0],
    ['2026-01-01', '2026-12-31', 246],
  ])('workingDaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(cal.workingDaysBetween(from, to)).toBe(n);
  });

  it('throws CALENDAR_YEAR_MISSING naming the file for a year without data', () => {
    expect(() => cal.isWorkingDay('2027-01-04')).toThrow(/config\/calendar\/2027\.json/);
    expect(() => cal.addWorkingDays('2026-12-28', 10)).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2027 }));
    expect(() => cal.workingDaysBetween('2024-12-30', '2025-01-06')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }));
  });

  it.each([-1, 1.5, Number.NaN])('rejects the count %s', (n) => {
    expect(() => cal.addWorkingDays('2026-03-02', n)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_COUNT' }));
  });

  it.each(['2026-02-30', '26-03-02', '2026-3-2'])('rejects the date %s', (d) => {
    expect(() => cal.isWorkingDay(d)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
    expect(() => cal.addWorkingDays(d, 1)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
    expect(() => cal.workingDaysBetween(d, '2026-03-02')).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
  });
});
