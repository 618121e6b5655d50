import { describe, expect, it } from 'vitest';
import { millisToInstant } from '../../../../src/contract/logical-types.js';
import {
  addWorkingHours,
  collegeOfficeHours,
  nextOfficeMoment,
  pscHours,
  sameOfficeDay,
} from '../../../../src/local/simulator-kit/office-hours.js';
import { shippedCalendar } from '../../../support/calendar.js';

const college = collegeOfficeHours(shippedCalendar());
const psc = pscHours(shippedCalendar());
const ms = (instant: string) => Date.parse(instant);
const plus = (from: string, hours: number, office = college) =>
  millisToInstant(addWorkingHours(office, ms(from), hours));

describe('working hours of the college office on the shipped calendar (9:00-13:00, 14:00-18:30, Asia/Almaty)', () => {
  it.each([
    // [start, working hours, result, why]
    [
      '2026-02-13T18:00:00+05:00',
      2,
      '2026-02-16T10:30:00.000+05:00',
      'Friday 18:00 + 2 h: 30 min Friday, 1.5 h Monday',
    ],
    ['2026-02-13T18:00:00+05:00', 0.5, '2026-02-13T18:30:00.000+05:00', 'ends exactly at closing: stays on Friday'],
    ['2026-02-13T18:30:00+05:00', 0, '2026-02-16T09:00:00.000+05:00', 'closing time is not an office moment'],
    ['2026-02-11T12:30:00+05:00', 1, '2026-02-11T14:30:00.000+05:00', 'the lunch hour does not count'],
    ['2026-02-11T13:20:00+05:00', 0, '2026-02-11T14:00:00.000+05:00', 'in the lunch hour: the afternoon opening'],
    ['2026-02-11T07:00:00+05:00', 1, '2026-02-11T10:00:00.000+05:00', 'before opening: counted from 9:00'],
    ['2026-02-11T10:00:00+05:00', 8.5, '2026-02-12T10:00:00.000+05:00', 'a full office day is 8.5 hours'],
    ['2026-02-14T11:00:00+05:00', 1, '2026-02-16T10:00:00.000+05:00', 'Saturday: from Monday 9:00'],
    [
      '2026-03-06T18:00:00+05:00',
      2,
      '2026-03-10T10:30:00.000+05:00',
      'Friday before 8 March (a Sunday): Monday 9 March is the moved day off',
    ],
    [
      '2026-03-20T17:00:00+05:00',
      3,
      '2026-03-26T10:30:00.000+05:00',
      'Nauryz 2026: 21-23 March and the moved 24-25 March are off',
    ],
    ['2026-04-30T18:00:00+05:00', 1, '2026-05-04T09:30:00.000+05:00', '1 May (Friday) is a holiday'],
  ])('%s + %s h = %s (%s)', (start, hours, expected) => {
    expect(plus(start, hours)).toBe(expected);
  });

  it('counts fractions of an hour to the minute and is additive', () => {
    const start = '2026-02-11T16:45:00+05:00';
    const once = addWorkingHours(college, ms(start), 3.75);
    const twice = addWorkingHours(college, addWorkingHours(college, ms(start), 1.25), 2.5);
    expect(once).toBe(twice);
    expect(millisToInstant(once)).toBe('2026-02-12T11:00:00.000+05:00');
  });

  it('the next office moment of an instant inside the hours is the instant itself', () => {
    expect(nextOfficeMoment(college, ms('2026-02-11T10:07:13.500+05:00'))).toBe(ms('2026-02-11T10:07:13.500+05:00'));
  });

  it('the PSC works ordinary Saturdays until 20:00, not on a holiday Saturday', () => {
    expect(plus('2026-02-13T19:30:00+05:00', 1, psc)).toBe('2026-02-14T09:30:00.000+05:00');
    expect(plus('2026-03-20T19:30:00+05:00', 1, psc)).toBe('2026-03-26T09:30:00.000+05:00');
  });

  it('sameOfficeDay keeps a delay on the day of the first office moment, at most until closing', () => {
    const on = (arrival: string, hours: number) => millisToInstant(sameOfficeDay(college, ms(arrival), hours));
    expect(on('2026-02-11T10:00:00+05:00', 0.25)).toBe('2026-02-11T10:15:00.000+05:00');
    expect(on('2026-02-11T18:20:00+05:00', 0.25)).toBe('2026-02-11T18:30:00.000+05:00');
    expect(on('2026-02-11T21:00:00+05:00', 0.25)).toBe('2026-02-12T09:15:00.000+05:00');
    expect(on('2026-02-14T12:00:00+05:00', 0)).toBe('2026-02-16T09:00:00.000+05:00');
  });

  it('refuses a negative duration', () => {
    expect(() => addWorkingHours(college, ms('2026-02-11T10:00:00+05:00'), -1)).toThrow(/>= 0/);
  });

  it('gives up on office hours that are never open instead of looping', () => {
    const never = { openOn: () => false, intervals: [{ from: '09:00', to: '18:00' }] };
    expect(() => addWorkingHours(never, ms('2026-02-11T10:00:00+05:00'), 1)).toThrow(/no open hour/);
  });
});
