import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarFromData, parseCalendarYear, SHIPPED_YEARS, type CalendarYear } from '../../../src/core/calendar/index.js';
import { loadCalendarDirectory } from '../../../src/platform/calendar/load-calendar-directory.js';

const SRC = 'Test source, law art. 1';

/** 2029: 7 January is a Sunday, 8 March a Thursday, 1 May a Tuesday. */
function year2029(extra: Partial<CalendarYear> = {}): CalendarYear {
  return {
    year: 2029,
    source: 'test calendar 2029',
    holidays: [
      { date: '2029-01-06', name: 'Test holiday on a Saturday', movesWhenOnWeekend: true, source: SRC },
      { date: '2029-01-07', name: 'Orthodox Christmas', movesWhenOnWeekend: false, source: SRC },
      { date: '2029-04-22', name: 'Kurban Ait on a Sunday', movesWhenOnWeekend: false, source: SRC },
    ],
    transfers: [],
    ...extra,
  };
}

describe('the law rule for holidays on weekends', () => {
  it('moves a movable holiday to the next working day but not 7 January or Kurban Ait', () => {
    const cal = calendarFromData([year2029()]);
    expect(cal.dayKind('2029-01-07')).toBe('HOLIDAY');
    // 6 Jan (Sat) moves to Mon 8 Jan; 7 Jan (Sun) does not move, so Tue 9 Jan stays working.
    expect(cal.dayKind('2029-01-08')).toBe('MOVED_DAY_OFF');
    expect(cal.isWorkingDay('2029-01-09')).toBe(true);
    expect(cal.isWorkingDay('2029-04-23')).toBe(true);
  });

  it('skips a weekend day made working and other days off when moving', () => {
    const cal = calendarFromData([
      {
        year: 2029,
        source: 'test calendar 2029',
        holidays: [
          { date: '2029-03-10', name: 'Sat holiday', movesWhenOnWeekend: true, source: SRC },
          { date: '2029-03-12', name: 'Mon holiday', movesWhenOnWeekend: true, source: SRC },
        ],
        transfers: [{ workingDay: '2029-03-11', dayOff: '2029-03-13', source: SRC }],
      },
    ]);
    // Sat 10 skips Sun 11 (made working by the transfer), Mon 12 (holiday), Tue 13 (transfer day off).
    expect(cal.dayKind('2029-03-11')).toBe('TRANSFERRED_WORKING_DAY');
    expect(cal.isWorkingDay('2029-03-11')).toBe(true);
    expect(cal.dayKind('2029-03-13')).toBe('MOVED_DAY_OFF');
    expect(cal.dayKind('2029-03-14')).toBe('MOVED_DAY_OFF');
    expect(cal.isWorkingDay('2029-03-15')).toBe(true);
  });

  it('accepts the published moved days off when they match the rule', () => {
    expect(() =>
      calendarFromData([year2029({ publishedMovedDaysOff: { dates: ['2029-01-08'], source: SRC } })]),
    ).not.toThrow();
  });

  it('rejects a file whose published moved days off differ from the rule', () => {
    expect(() =>
      calendarFromData([year2029({ publishedMovedDaysOff: { dates: ['2029-01-09'], source: SRC } })]),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_DATA_INVALID', message: expect.stringMatching(/published but not computed \[2029-01-09\]/) }));
  });
});

describe('calendar file validation', () => {
  it.each([
    ['a missing field', { year: 2029, holidays: [], transfers: [] }, /source/],
    ['no holidays', { ...year2029(), holidays: [] }, /holidays/],
    ['a holiday outside the year', { ...year2029(), holidays: [{ date: '2030-01-01', name: 'x', movesWhenOnWeekend: true, source: SRC }] }, /not in 2029/],
    ['a non-date', { ...year2029(), holidays: [{ date: '2029-02-30', name: 'x', movesWhenOnWeekend: true, source: SRC }] }, /real date/],
    ['a holiday without its source', { ...year2029(), holidays: [{ date: '2029-01-01', name: 'x', movesWhenOnWeekend: true, source: '' }] }, /legal source/],
    ['a duplicate holiday', { ...year2029(), holidays: [...year2029().holidays, year2029().holidays[0]] }, /duplicate holiday/],
    ['a transfer from a weekday', { ...year2029(), transfers: [{ workingDay: '2029-01-10', dayOff: '2029-01-11', source: SRC }] }, /not a Saturday or Sunday/],
    ['a transfer to a weekend', { ...year2029(), transfers: [{ workingDay: '2029-01-13', dayOff: '2029-01-14', source: SRC }] }, /already a weekend day/],
    ['a transfer in another year', { ...year2029(), transfers: [{ workingDay: '2028-12-30', dayOff: '2029-01-02', source: SRC }] }, /must be in 2029/],
    ['an unknown key', { ...year2029(), extra: 1 }, /extra|Unrecognized/],
  ])('rejects %s', (_name, data, message) => {
    expect(() => parseCalendarYear(data)).toThrow(expect.objectContaining({ code: 'CALENDAR_DATA_INVALID', message: expect.stringMatching(message) }));
  });

  it('rejects a transfer onto a holiday', () => {
    expect(() =>
      calendarFromData([year2029({ transfers: [{ workingDay: '2029-01-13', dayOff: '2029-01-08', source: SRC }], holidays: [{ date: '2029-01-08', name: 'x', movesWhenOnWeekend: true, source: SRC }] })]),
    ).toThrow(/already a holiday/);
  });

  it('rejects the same year twice', () => {
    expect(() => calendarFromData([year2029(), year2029()])).toThrow(/given twice/);
  });

  it('names the file in the error', () => {
    expect(() => calendarFromData([{ ...year2029(), holidays: [] }])).toThrow(/config\/calendar\/2029\.json/);
  });

  it('validates the shipped files', () => {
    for (const y of SHIPPED_YEARS) expect(parseCalendarYear(y).year).toBeGreaterThanOrEqual(2025);
  });
});

describe('loadCalendarDirectory (edge loader)', () => {
  const shipped = join(process.cwd(), 'config', 'calendar');

  it('loads every <year>.json of the shipped directory', () => {
    const cal = loadCalendarDirectory(shipped);
    expect(cal.years).toEqual([2025, 2026]);
    expect(cal.isWorkingDay('2025-01-05')).toBe(true);
  });

  it('adds a year by dropping in a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    copyFileSync(join(shipped, '2026.json'), join(dir, '2026.json'));
    writeFileSync(join(dir, '2029.json'), JSON.stringify(year2029()));
    const cal = loadCalendarDirectory(dir);
    expect(cal.years).toEqual([2026, 2029]);
    expect(() => cal.isWorkingDay('2027-06-01')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }));
  });

  it('rejects an empty directory, bad JSON and a file named for another year', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cal-'));
    expect(() => loadCalendarDirectory(empty)).toThrow(/no <year>\.json files/);
    const bad = mkdtempSync(join(tmpdir(), 'cal-'));
    writeFileSync(join(bad, '2029.json'), '{ not json');
    expect(() => loadCalendarDirectory(bad)).toThrow(/not readable JSON/);
    const wrong = mkdtempSync(join(tmpdir(), 'cal-'));
    writeFileSync(join(wrong, '2030.json'), JSON.stringify(year2029()));
    expect(() => loadCalendarDirectory(wrong)).toThrow(/file name says 2030/);
  });
});
