/**
 * Validation of statute.json and of a year file: every problem is CALENDAR_DATA_INVALID and
 * names the file, the entry (by its id or date) and what to do.
 */
import { describe, expect, it } from 'vitest';
import { parseCalendarYear, parseStatute } from '../../../src/core/calendar/index.js';
import { SHIPPED_CALENDAR_DIR, shippedStatute } from '../../support/calendar.js';
import { shippedYearFile, SRC, yearFile } from './fixtures.js';

type Json = Record<string, any>;

/** The index of a holiday of the shipped statute, so a message can be expected as "holidays[i] (id)". */
function indexOf(id: string): number {
  return (shippedStatute().holidays as { id: string }[]).findIndex((h) => h.id === id);
}

/** The index a holiday pushed onto the shipped list gets. */
const HOLIDAY_COUNT = (shippedStatute().holidays as unknown[]).length;

function statuteWhere(mutate: (s: Json) => void): Json {
  const s = shippedStatute() as Json;
  mutate(s);
  return s;
}

const invalid = (message: RegExp | string) =>
  expect.objectContaining({ code: 'CALENDAR_DATA_INVALID', message: expect.stringMatching(message) });
const entry = (id: string, rest = '') => `holidays\\[${indexOf(id)}\\] \\(${id}\\)${rest}`;

describe('statute.json validation (parseStatute)', () => {
  it('accepts the shipped statute', () => {
    expect(parseStatute(shippedStatute()).holidays.length).toBeGreaterThan(10);
  });

  it.each([
    [
      'a missing source',
      (s: Json) => delete s.holidays[indexOf('nauryz')].source,
      `${entry('nauryz', '\\.source')}: is missing \\(expected string\\); add it`,
    ],
    [
      'an empty source',
      (s: Json) => (s.holidays[indexOf('nauryz')].source = ''),
      `${entry('nauryz', '\\.source')}: must name the legal source .*; add it`,
    ],
    [
      'a bad MM-DD',
      (s: Json) => (s.holidays[indexOf('nauryz')].days[1] = '3-22'),
      `${entry('nauryz', '\\.days\\[1\\]')}: must be a day of the year MM-DD, e.g. "03-21"`,
    ],
    [
      '29 February',
      (s: Json) => (s.holidays[indexOf('womens-day')].days = ['02-29']),
      `${entry('womens-day', '\\.days\\[0\\]')}: 02-29 is not a day of every year`,
    ],
    [
      '31 April',
      (s: Json) => (s.holidays[indexOf('womens-day')].days = ['04-31']),
      `${entry('womens-day', '\\.days\\[0\\]')}: 04-31 is not a day of every year`,
    ],
    [
      'untilYear before fromYear',
      (s: Json) => (s.holidays[indexOf('constitution-day-1995')].untilYear = 1995),
      `${entry('constitution-day-1995', '\\.untilYear')}: must not be before fromYear`,
    ],
    [
      'a duplicate id',
      (s: Json) => s.holidays.push({ ...s.holidays[0], days: ['06-01'] }),
      `holidays\\[${HOLIDAY_COUNT}\\] \\(new-year\\)\\.id: id "new-year" is given twice`,
    ],
    [
      'Kurban Ait moving when on a weekend',
      (s: Json) => (s.holidays[indexOf('kurban-ait')].movesWhenOnWeekend = true),
      `${entry('kurban-ait', '\\.movesWhenOnWeekend')}: must be false: Labour Code art. 84 p.5`,
    ],
    [
      'Kurban Ait twice',
      (s: Json) => s.holidays.push({ ...s.holidays[indexOf('kurban-ait')], id: 'kurban-ait' }),
      'Kurban Ait is listed twice; keep one entry',
    ],
    [
      'an unknown key in a holiday',
      (s: Json) => (s.holidays[indexOf('nauryz')].extra = 1),
      `${entry('nauryz')}: unknown key\\(s\\) "extra"; remove them or check the spelling`,
    ],
    ['an unknown key at the top', (s: Json) => (s.extra = 1), '\\(root\\): unknown key\\(s\\) "extra"; remove them'],
    ['an unknown kind', (s: Json) => (s.holidays[indexOf('nauryz')].kind = 'MOVABLE'), `${entry('nauryz', '\\.kind')}`],
    ['no publishedAt', (s: Json) => delete s.publishedAt, 'publishedAt: is missing \\(expected string\\); add it'],
    [
      'a bad publishedAt',
      (s: Json) => (s.publishedAt = '2026-12-01'),
      'publishedAt: must be an ISO-8601 instant with offset',
    ],
    ['no weekend days', (s: Json) => (s.weekend.days = []), 'weekend\\.days'],
  ])('rejects %s, naming the entry', (_name, mutate, message) => {
    expect(() => parseStatute(statuteWhere(mutate))).toThrow(invalid(new RegExp(message)));
  });

  it('names the file and tells what to do', () => {
    const bad = statuteWhere((s) => (s.holidays[indexOf('nauryz')].days[1] = '3-22'));
    expect(() => parseStatute(bad, `${SHIPPED_CALENDAR_DIR}statute.json`)).toThrow(
      invalid(/^Calendar file .*statute\.json is invalid: .*Fix the file; the calendar in use stays as it was/),
    );
    try {
      parseStatute(bad);
    } catch (e) {
      expect(e).toMatchObject({ file: 'config/calendar/statute.json', problems: [expect.stringMatching(/nauryz/)] });
    }
    expect.assertions(2);
  });
});

describe('year file validation (parseCalendarYear)', () => {
  const announced = { date: '2029-04-24', basis: 'ANNOUNCED' as const, source: SRC };

  it.each([2025, 2026, 2027])('accepts the shipped %i.json', (year) => {
    expect(parseCalendarYear(shippedYearFile(year)).year).toBe(year);
  });

  it('accepts an official year with its announced Kurban Ait and nothing pending', () => {
    expect(parseCalendarYear(yearFile(2029, { status: 'official', kurbanAit: announced })).status).toBe('official');
  });

  it.each([
    ['official without Kurban Ait', { status: 'official' }, /kurbanAit: an official year needs the announced date/],
    [
      'official with an expected Kurban Ait',
      { status: 'official', kurbanAit: { ...announced, basis: 'EXPECTED' } },
      /kurbanAit: an official year needs the announced date .*else mark the year "provisional"/,
    ],
    [
      'official with pending decisions',
      { status: 'official', kurbanAit: announced, pending: ['transfers of 2029'] },
      /pending: an official year has no pending decisions; empty the list or mark the year "provisional"/,
    ],
    ['an unknown status', { status: 'draft' }, /status: must be "official" .* or "provisional"/],
    [
      'a transfer from a weekday',
      { transfers: [{ workingDay: '2029-01-10', dayOff: '2029-01-11', source: SRC }] },
      /transfers\[0\] \(2029-01-11\)\.workingDay: 2029-01-10 is not a Saturday or Sunday/,
    ],
    [
      'a transfer to a weekend',
      { transfers: [{ workingDay: '2029-01-13', dayOff: '2029-01-14', source: SRC }] },
      /transfers\[0\] \(2029-01-14\)\.dayOff: 2029-01-14 is already a weekend day/,
    ],
    [
      'a transfer in another year',
      { transfers: [{ workingDay: '2028-12-30', dayOff: '2029-01-03', source: SRC }] },
      /transfers\[0\] \(2029-01-03\): transfer dates must be in 2029/,
    ],
    [
      'a transfer without its source',
      { transfers: [{ workingDay: '2029-01-06', dayOff: '2029-01-03', source: '' }] },
      /transfers\[0\] \(2029-01-03\)\.source: must name the source/,
    ],
    [
      'a non-date',
      { transfers: [{ workingDay: '2029-02-30', dayOff: '2029-01-03', source: SRC }] },
      /transfers\[0\] \(2029-01-03\)\.workingDay: must be a real date YYYY-MM-DD/,
    ],
    [
      'Kurban Ait outside the year',
      { kurbanAit: { date: '2030-04-13', basis: 'EXPECTED', source: SRC } },
      /kurbanAit\.date: 2030-04-13 is not in 2029/,
    ],
    ['an unknown key', { extra: 1 }, /\(root\): unknown key\(s\) "extra"; remove them or check the spelling/],
    ['a missing publishedAt', { publishedAt: undefined }, /publishedAt: is missing \(expected string\); add it/],
    ['a missing source', { source: undefined }, /source: is missing \(expected string\); add it/],
  ])('rejects %s', (_name, change, message) => {
    expect(() => parseCalendarYear({ ...yearFile(2029), ...change }, 'config/calendar/2029.json')).toThrow(
      invalid(new RegExp(`config/calendar/2029\\.json is invalid: .*${message.source}`)),
    );
  });
});
