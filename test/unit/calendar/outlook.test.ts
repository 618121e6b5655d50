/**
 * provisionalOutlook: what the operator is told about provisional years new deadlines reach.
 * `today` is always given: the outlook never reads the clock.
 */
import { describe, expect, it } from 'vitest';
import { addDays, provisionalOutlook } from '../../../src/core/calendar/index.js';
import { calendarOf, shippedCalendar } from '../../support/calendar.js';
import { shippedYearFile, SRC } from './fixtures.js';

const cal = shippedCalendar();
const TERM = 15;
const termEndYear = (filed: string) => cal.addWorkingDays(filed, TERM).slice(0, 4);

describe('provisionalOutlook', () => {
  it('on 2026-12-01 lists 2027 from the first filing day whose term ends in 2027', () => {
    const outlook = provisionalOutlook(cal, '2026-12-01', TERM);
    expect(outlook.map((o) => [o.year, o.info.status, o.info.basis])).toEqual([[2027, 'provisional', 'FILE']]);
    const from = outlook[0]!.affectsFilingsFrom;
    expect(from.startsWith('2026-12-')).toBe(true);
    expect(termEndYear(from)).toBe('2027');
    expect(termEndYear(addDays(from, -1))).toBe('2026');
    // Filed on 9 December, the 15th working day is 31 December; filed on 10 December, 5 January 2027.
    expect(from).toBe('2026-12-10');
    expect(outlook[0]!.info.pending.length).toBeGreaterThan(0);
  });

  it('lists nothing when every year the deadlines reach is official', () => {
    expect(provisionalOutlook(cal, '2026-06-01', TERM)).toEqual([]);
  });

  it('lists a year without a file as provisional on the statute alone', () => {
    const official2027 = {
      ...shippedYearFile(2027),
      status: 'official' as const,
      pending: [],
      kurbanAit: { date: '2027-05-16', basis: 'ANNOUNCED' as const, source: SRC },
    };
    const outlook = provisionalOutlook(calendarOf([shippedYearFile(2026), official2027]), '2027-12-01', TERM);
    expect(outlook.map((o) => [o.year, o.info.basis])).toEqual([[2028, 'STATUTE']]);
    expect(outlook[0]!.affectsFilingsFrom.startsWith('2027-12-')).toBe(true);
  });

  it('starts from today when today is in a provisional year', () => {
    const outlook = provisionalOutlook(cal, '2027-02-01', TERM);
    expect(outlook[0]).toMatchObject({ year: 2027, affectsFilingsFrom: '2027-02-01' });
  });
});
