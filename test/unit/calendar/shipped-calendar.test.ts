/**
 * The shipped calendar (config/calendar: statute.json and the year files), day by day against
 * the published production calendars, and the counts every deadline is built on.
 */
import { describe, expect, it } from 'vitest';
import { computeServiceDeadlines } from '../../../src/core/deadlines/index.js';
import { shippedCalendar } from '../../support/calendar.js';

const cal = shippedCalendar();

function movedDaysOf(year: number): string[] {
  return cal
    .daysOff(year)
    .filter((d) => d.kind === 'MOVED_DAY_OFF')
    .map((d) => d.date);
}

describe('shipped calendar 2025 (official)', () => {
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
    ['2025-03-22', 'HOLIDAY', false],
    ['2025-03-23', 'HOLIDAY', false],
    ['2025-03-24', 'MOVED_DAY_OFF', false],
    ['2025-03-25', 'MOVED_DAY_OFF', false],
    ['2025-03-26', 'WORKING', true],
    ['2025-06-05', 'WORKING', true],
    ['2025-06-06', 'HOLIDAY', false],
    ['2025-07-06', 'HOLIDAY', false],
    ['2025-07-07', 'MOVED_DAY_OFF', false],
    // 30 August 2025 (Saturday) was still Constitution Day: moved to Monday 1 September
    ['2025-08-30', 'HOLIDAY', false],
    ['2025-09-01', 'MOVED_DAY_OFF', false],
    ['2025-10-25', 'HOLIDAY', false],
    ['2025-10-27', 'MOVED_DAY_OFF', false],
    ['2025-12-16', 'HOLIDAY', false],
    ['2025-12-31', 'WORKING', true],
  ] as const)('%s is %s (working: %s)', (date, kind, working) => {
    expect(cal.dayKind(date)).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('moves exactly the published days off of 2025 and is official', () => {
    expect(movedDaysOf(2025)).toEqual([
      '2025-01-03',
      '2025-03-10',
      '2025-03-24',
      '2025-03-25',
      '2025-07-07',
      '2025-09-01',
      '2025-10-27',
    ]);
    expect(cal.yearInfo(2025)).toMatchObject({ status: 'official', basis: 'FILE' });
    expect(cal.yearInfo(2025).kurbanAit).toEqual([expect.objectContaining({ date: '2025-06-06', basis: 'ANNOUNCED' })]);
  });
});

describe('shipped calendar 2026 (official)', () => {
  it.each([
    ['2026-01-01', 'HOLIDAY', false],
    ['2026-01-02', 'HOLIDAY', false],
    ['2026-01-05', 'WORKING', true],
    ['2026-01-07', 'HOLIDAY', false],
    ['2026-03-07', 'WEEKEND', false],
    ['2026-03-08', 'HOLIDAY', false],
    ['2026-03-09', 'MOVED_DAY_OFF', false],
    ['2026-03-10', 'WORKING', true],
    // 15 March 2026, the referendum day, is not yet Constitution Day (a day off from 2027)
    ['2026-03-15', 'WEEKEND', false],
    ['2026-03-16', 'WORKING', true],
    ['2026-03-20', 'WORKING', true],
    ['2026-03-23', 'HOLIDAY', false],
    ['2026-03-24', 'MOVED_DAY_OFF', false],
    ['2026-03-25', 'MOVED_DAY_OFF', false],
    ['2026-03-26', 'WORKING', true],
    ['2026-05-11', 'MOVED_DAY_OFF', false],
    ['2026-05-26', 'WORKING', true],
    ['2026-05-27', 'HOLIDAY', false],
    ['2026-05-28', 'WORKING', true],
    // 30 August is no longer a holiday from 2026 (MTSZN, 18.03.2026): 31 August 2026 is working
    ['2026-08-30', 'WEEKEND', false],
    ['2026-08-31', 'WORKING', true],
    ['2026-10-26', 'MOVED_DAY_OFF', false],
  ] as const)('%s is %s (working: %s)', (date, kind, working) => {
    expect(cal.dayKind(date)).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('moves exactly the days off published for 2026, without 31 August (SPEC section 4)', () => {
    expect(movedDaysOf(2026)).toEqual(['2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-10-26']);
    expect(cal.daysOff(2026).some((d) => d.date === '2026-08-30' || d.date === '2026-08-31')).toBe(false);
  });

  it('is official with the announced Kurban Ait of 27 May', () => {
    expect(cal.yearInfo(2026)).toMatchObject({ status: 'official', basis: 'FILE', pending: [] });
    expect(cal.yearInfo(2026).kurbanAit).toEqual([expect.objectContaining({ date: '2026-05-27', basis: 'ANNOUNCED' })]);
  });
});

describe('shipped calendar 2027 (provisional)', () => {
  // Every day off of 2027 by the statute, with the expected Kurban Ait (Sunday 16 May).
  const expected: [string, string, string][] = [
    ['2027-01-01', 'HOLIDAY', 'new-year'],
    ['2027-01-02', 'HOLIDAY', 'new-year'],
    ['2027-01-04', 'MOVED_DAY_OFF', 'new-year'],
    ['2027-01-07', 'HOLIDAY', 'orthodox-christmas'],
    ['2027-03-08', 'HOLIDAY', 'womens-day'],
    ['2027-03-15', 'HOLIDAY', 'constitution-day'],
    ['2027-03-21', 'HOLIDAY', 'nauryz'],
    ['2027-03-22', 'HOLIDAY', 'nauryz'],
    ['2027-03-23', 'HOLIDAY', 'nauryz'],
    ['2027-03-24', 'MOVED_DAY_OFF', 'nauryz'],
    ['2027-05-01', 'HOLIDAY', 'unity-day'],
    ['2027-05-03', 'MOVED_DAY_OFF', 'unity-day'],
    ['2027-05-07', 'HOLIDAY', 'defender-day'],
    ['2027-05-09', 'HOLIDAY', 'victory-day'],
    ['2027-05-10', 'MOVED_DAY_OFF', 'victory-day'],
    ['2027-05-16', 'HOLIDAY', 'kurban-ait'],
    ['2027-07-06', 'HOLIDAY', 'capital-day'],
    ['2027-10-25', 'HOLIDAY', 'republic-day'],
    ['2027-12-16', 'HOLIDAY', 'independence-day'],
  ];

  it('lists exactly the days off of 2027, each with a reason and a source', () => {
    const days = cal.daysOff(2027);
    expect(days.map((d) => [d.date, d.kind, d.holidayId])).toEqual(expected);
    for (const d of days) {
      expect(d.reason.trim()).not.toBe('');
      expect(d.source.trim()).not.toBe('');
    }
  });

  it.each([
    ['2027-01-04', '2027-01-02'],
    ['2027-03-24', '2027-03-21'],
    ['2027-05-03', '2027-05-01'],
    ['2027-05-10', '2027-05-09'],
  ])('says that %s is off because %s fell on a weekend', (moved, holiday) => {
    expect(cal.daysOff(2027).find((d) => d.date === moved)?.reason).toContain(holiday);
  });

  it.each([
    ['2027-01-03', 'WEEKEND'],
    ['2027-01-05', 'WORKING'],
    ['2027-05-17', 'WORKING'],
    ['2027-08-30', 'WORKING'],
    ['2027-08-31', 'WORKING'],
  ])('%s is %s', (date, kind) => {
    expect(cal.dayKind(date)).toBe(kind);
  });

  it('is provisional with the expected Kurban Ait and its pending decisions', () => {
    const info = cal.yearInfo(2027);
    expect(info).toMatchObject({ status: 'provisional', basis: 'FILE' });
    expect(info.kurbanAit).toEqual([expect.objectContaining({ date: '2027-05-16', basis: 'EXPECTED' })]);
    expect(info.pending.length).toBeGreaterThan(0);
    expect(cal.fileYears).toEqual([2025, 2026, 2027]);
  });
});

describe('a term across the year end', () => {
  it('counts a December 2026 term into January 2027 over the New Year days off', () => {
    const d = computeServiceDeadlines(cal, { channel: 'PORTAL', submittedAt: '2026-12-21T10:00:00+05:00' });
    // 8 working days in December; 1-2 Jan off, 3 Jan Sunday, 4 Jan moved, 7 Jan off: the 15th is 14 Jan.
    expect(d.termEndDate).toBe('2027-01-14');
    expect(d.hearingNoticeLatest).toBe('2027-01-11');
    expect(cal.workingDaysBetween('2026-12-21', '2027-01-14')).toBe(15);
    expect(cal.isProvisional('2026-12-21', d.termEndDate)).toBe(true);
  });

  it('a term entirely in 2026 is not provisional', () => {
    const d = computeServiceDeadlines(cal, { channel: 'PORTAL', submittedAt: '2026-03-02T10:00:00+05:00' });
    expect(d.termEndDate).toBe('2026-03-27');
    expect(cal.isProvisional('2026-03-02', d.termEndDate)).toBe(false);
  });
});
