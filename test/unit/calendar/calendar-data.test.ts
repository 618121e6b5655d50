/**
 * The calendar as data: the statute's rules (weekend rule, years in force), what a year file
 * decides over the statute (transfers, Kurban Ait), years without a file, and the problems a
 * build finds across files.
 */
import { describe, expect, it } from 'vitest';
import { expectedKurbanAit } from '../../../src/core/calendar/index.js';
import { calendarOf, shippedCalendar } from '../../support/calendar.js';
import { shippedYearFile, SRC, statuteWith, yearFile } from './fixtures.js';

const announced = (date: string) => ({ date, basis: 'ANNOUNCED' as const, source: SRC });

// 2029: 1 January is a Monday, so 6 January is a Saturday, 7 January a Sunday, 10 February a Saturday.

describe('the law rule for holidays on weekends', () => {
  it('moves a movable holiday to the next working day but not 7 January or Kurban Ait', () => {
    const statute = statuteWith({ id: 'test-saturday', days: ['01-06'], fromYear: 2029 });
    const kurbanAit = { date: '2029-04-22', basis: 'ANNOUNCED' as const, source: SRC };
    const cal = calendarOf([yearFile(2029, { kurbanAit })], statute);
    expect(cal.dayKind('2029-01-07')).toBe('HOLIDAY');
    // 6 Jan (Sat) moves to Mon 8 Jan; 7 Jan (Sun) does not move, so Tue 9 Jan stays working.
    expect(cal.dayKind('2029-01-08')).toBe('MOVED_DAY_OFF');
    expect(cal.isWorkingDay('2029-01-09')).toBe(true);
    // Kurban Ait on Sunday 22 April: no day off in exchange.
    expect(cal.dayKind('2029-04-22')).toBe('HOLIDAY');
    expect(cal.isWorkingDay('2029-04-23')).toBe(true);
  });

  it('skips a weekend day made working and other days off when moving', () => {
    const statute = statuteWith({ id: 'test-sat', days: ['02-10'] }, { id: 'test-mon', days: ['02-12'] });
    const transfers = [{ workingDay: '2029-02-11', dayOff: '2029-02-13', source: SRC }];
    const cal = calendarOf([yearFile(2029, { transfers })], statute);
    // Sat 10 skips Sun 11 (made working by the transfer), Mon 12 (holiday), Tue 13 (transfer day off).
    expect(cal.dayKind('2029-02-11')).toBe('TRANSFERRED_WORKING_DAY');
    expect(cal.isWorkingDay('2029-02-11')).toBe(true);
    expect(cal.dayKind('2029-02-12')).toBe('HOLIDAY');
    expect(cal.dayKind('2029-02-13')).toBe('MOVED_DAY_OFF');
    expect(cal.dayKind('2029-02-14')).toBe('MOVED_DAY_OFF');
    expect(cal.isWorkingDay('2029-02-15')).toBe(true);
  });

  it('gives one day off when Kurban Ait falls on another holiday, which still moves', () => {
    const file = { ...shippedYearFile(2027), kurbanAit: announced('2027-05-09') };
    const cal = calendarOf([file]);
    expect(cal.dayKind('2027-05-09')).toBe('HOLIDAY');
    expect(cal.dayKind('2027-05-10')).toBe('MOVED_DAY_OFF');
    expect(cal.dayKind('2027-05-16')).toBe('WEEKEND');
    expect(cal.isWorkingDay('2027-05-11')).toBe(true);
  });
});

describe('a year file over the statute', () => {
  const transfer = { workingDay: '2029-03-18', dayOff: '2029-03-20', source: SRC };

  it('makes a Sunday working and a weekday off by a transfer', () => {
    const statuteOnly = calendarOf([]);
    expect(statuteOnly.dayKind('2029-03-18')).toBe('WEEKEND');
    expect(statuteOnly.dayKind('2029-03-20')).toBe('WORKING');

    const cal = calendarOf([yearFile(2029, { transfers: [transfer] })]);
    expect(cal.dayKind('2029-03-18')).toBe('TRANSFERRED_WORKING_DAY');
    expect(cal.isWorkingDay('2029-03-18')).toBe(true);
    expect(cal.dayKind('2029-03-20')).toBe('MOVED_DAY_OFF');
    expect(cal.isWorkingDay('2029-03-20')).toBe(false);
    expect(cal.addWorkingDays('2029-03-16', 1)).toBe('2029-03-18');
    expect(cal.workingDaysBetween('2029-03-16', '2029-03-20')).toBe(2);
    expect(cal.daysOff(2029).filter((d) => d.holidayId === 'transfer')).toEqual([
      expect.objectContaining({ date: '2029-03-18', kind: 'TRANSFERRED_WORKING_DAY', source: SRC }),
      expect.objectContaining({ date: '2029-03-20', kind: 'MOVED_DAY_OFF', source: SRC }),
    ]);
    expect(cal.fileYears).toEqual([2029]);
    expect(cal.yearInfo(2029).basis).toBe('FILE');
  });

  it('a Kurban Ait confirmed on another day replaces the expected one', () => {
    const file = { ...shippedYearFile(2027), kurbanAit: announced('2027-05-17') };
    const cal = calendarOf([file]);
    expect(cal.dayKind('2027-05-17')).toBe('HOLIDAY');
    expect(cal.dayKind('2027-05-16')).toBe('WEEKEND');
    expect(cal.daysOff(2027).find((d) => d.date === '2027-05-17')).toMatchObject({ holidayId: 'kurban-ait' });
    expect(cal.daysOff(2027).find((d) => d.date === '2027-05-17')?.source).toContain(SRC);
    expect(cal.yearInfo(2027).status).toBe('provisional');
  });

  it('an official year (all decisions published) is not provisional', () => {
    const file = {
      ...shippedYearFile(2027),
      status: 'official' as const,
      pending: [],
      kurbanAit: announced('2027-05-17'),
    };
    const cal = calendarOf([file]);
    expect(cal.yearInfo(2027).status).toBe('official');
    expect(cal.isProvisional('2027-01-01', '2027-12-31')).toBe(false);
  });
});

describe('a year without a file', () => {
  it.each([2029, 2031])('computes %i from the statute alone, provisional, Kurban Ait expected', (year) => {
    const cal = shippedCalendar();
    const expected = expectedKurbanAit(year);
    expect(expected).toHaveLength(1);
    const info = cal.yearInfo(year);
    expect(info).toMatchObject({ year, status: 'provisional', basis: 'STATUTE' });
    expect(info.kurbanAit).toEqual([expect.objectContaining({ date: expected[0], basis: 'EXPECTED' })]);
    expect(cal.dayKind(expected[0]!)).toBe('HOLIDAY');
    expect(info.pending.join(' ')).toMatch(/Kurban Ait/);
    expect(info.pending.join(' ')).toContain(expected[0]!);
    expect(info.pending.join(' ')).toMatch(/transfers/);
    expect(cal.fileYears).not.toContain(year);
    expect(cal.isProvisional(`${year}-01-01`, `${year}-01-31`)).toBe(true);
    expect(cal.dayKind(`${year}-01-01`)).toBe('HOLIDAY');
  });

  it('has the Umm al-Qura dates that gave the announced Kurban Ait of 2025 and 2026', () => {
    expect(expectedKurbanAit(2025)).toEqual(['2025-06-06']);
    expect(expectedKurbanAit(2026)).toEqual(['2026-05-27']);
    expect(expectedKurbanAit(2027)).toEqual(['2027-05-16']);
  });
});

describe('days off in force by the statute', () => {
  const cal = shippedCalendar();
  const offIn = (id: string, year: number) => cal.daysOff(year).some((d) => d.holidayId === id && d.kind === 'HOLIDAY');

  it.each([
    ['constitution-day-1995', 2025, true],
    ['constitution-day-1995', 2026, false],
    ['constitution-day', 2026, false],
    ['constitution-day', 2027, true],
    ['constitution-day', 2030, true],
    ['republic-day', 2021, false],
    ['republic-day', 2022, true],
    ['independence-day-second', 2021, true],
    ['independence-day-second', 2022, false],
    ['first-president-day', 2011, false],
    ['first-president-day', 2012, true],
    ['first-president-day', 2021, true],
    ['first-president-day', 2022, false],
  ] as const)('%s is off in %i: %s', (id, year, off) => {
    expect(offIn(id, year)).toBe(off);
  });

  it.each([
    ['2025-08-30', 'HOLIDAY'],
    ['2026-08-30', 'WEEKEND'],
    ['2027-03-15', 'HOLIDAY'],
    ['2021-10-25', 'WORKING'],
    ['2022-10-25', 'HOLIDAY'],
    ['2021-12-17', 'HOLIDAY'],
    ['2022-12-17', 'WEEKEND'],
    ['2011-12-01', 'WORKING'],
    ['2012-12-01', 'HOLIDAY'],
    ['2012-12-03', 'MOVED_DAY_OFF'],
    ['2022-12-01', 'WORKING'],
  ])('%s is %s', (date, kind) => {
    expect(cal.dayKind(date)).toBe(kind);
  });

  it('takes a new day off from statute data alone, for its years only', () => {
    const amended = calendarOf([], statuteWith({ id: 'test-day', days: ['06-13'], fromYear: 2030, untilYear: 2031 }));
    expect(amended.dayKind('2029-06-13')).toBe('WORKING');
    expect(amended.dayKind('2030-06-13')).toBe('HOLIDAY');
    expect(amended.dayKind('2031-06-13')).toBe('HOLIDAY');
    expect(amended.dayKind('2032-06-14')).toBe('WORKING');
  });
});

describe('problems found when the files are built together', () => {
  const invalid = (message: RegExp) =>
    expect.objectContaining({ code: 'CALENDAR_DATA_INVALID', message: expect.stringMatching(message) });

  it('rejects a transfer onto a day already off, naming the file', () => {
    const file = yearFile(2029, { transfers: [{ workingDay: '2029-01-06', dayOff: '2029-01-02', source: SRC }] });
    expect(() => calendarOf([file])).toThrow(
      invalid(/config\/calendar\/2029\.json.*transfers\[0\].*already a day off \(New Year\)/),
    );
  });

  it('rejects a transfer that makes a holiday working', () => {
    const file = yearFile(2029, { transfers: [{ workingDay: '2029-01-07', dayOff: '2029-01-03', source: SRC }] });
    expect(() => calendarOf([file])).toThrow(invalid(/2029-01-07 is a holiday.*cannot be made working/));
  });

  it('accepts the published moved days off when they match the rule', () => {
    const statute = statuteWith({ id: 'test-saturday', days: ['01-06'], fromYear: 2029 });
    const published = { dates: ['2029-01-08', '2029-12-17'], source: SRC };
    expect(() => calendarOf([yearFile(2029, { publishedMovedDaysOff: published })], statute)).not.toThrow();
  });

  it('rejects published moved days off that differ from the rule, listing both sides', () => {
    const statute = statuteWith({ id: 'test-saturday', days: ['01-06'], fromYear: 2029 });
    const published = { dates: ['2029-01-09', '2029-12-17'], source: SRC };
    expect(() => calendarOf([yearFile(2029, { publishedMovedDaysOff: published })], statute)).toThrow(
      invalid(/published but not computed \[2029-01-09\], computed but not published \[2029-01-08\]/),
    );
  });

  it('rejects the same year twice', () => {
    expect(() => calendarOf([yearFile(2029), yearFile(2029)])).toThrow(invalid(/year 2029 is also given by/));
  });

  it('rejects, at load, a statute whose day off would move into the next year in a year without a file', () => {
    // 31 December 2028 is a Sunday: the next working day is in 2029. 2028 has no file, yet the load fails.
    expect(() => calendarOf([], statuteWith({ id: 'test-year-end', days: ['12-31'], fromYear: 2028 }))).toThrow(
      invalid(/statute\.json.*would move into the next year/),
    );
  });
});

describe('a year with two Kurban Ait days (2039: 5 January and 26 December by Umm al-Qura)', () => {
  it('expects both for a year without a file', () => {
    const cal = calendarOf([]);
    expect(cal.yearInfo(2039).kurbanAit.map((k) => k.date)).toEqual(['2039-01-05', '2039-12-26']);
    expect(cal.dayKind('2039-01-05')).toBe('HOLIDAY');
    expect(cal.dayKind('2039-12-26')).toBe('HOLIDAY');
  });

  it('accepts a list of two announced days, and refuses a file that names only one', () => {
    const both = [
      { date: '2039-01-05', basis: 'ANNOUNCED' as const, source: SRC },
      { date: '2039-12-26', basis: 'ANNOUNCED' as const, source: SRC },
    ];
    expect(calendarOf([yearFile(2039, { kurbanAit: both })]).dayKind('2039-12-26')).toBe('HOLIDAY');
    expect(() => calendarOf([yearFile(2039, { kurbanAit: both[0] })])).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_DATA_INVALID',
        message: expect.stringMatching(/2039 holds 2 Kurban Ait days .* give a list with each/),
      }),
    );
  });
});
