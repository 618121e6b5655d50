import { describe, expect, it } from 'vitest';
import {
  calendarFromData,
  defaultCalendar,
  defaultSchedules,
  isChannelOpenAt,
  isChannelOpenOn,
  parseSchedules,
  SHIPPED_YEARS,
  type WorkingCalendar,
} from '../../../src/core/calendar/index.js';
import schedulesJson from '../../../config/calendar/schedules.json' with { type: 'json' };

const cal = defaultCalendar();

describe('working schedules (Appendix 6 p.7)', () => {
  it.each([
    ['COLLEGE_OFFICE', '2026-03-20T09:00:00+05:00', true],
    ['COLLEGE_OFFICE', '2026-03-20T08:59:00+05:00', false],
    ['COLLEGE_OFFICE', '2026-03-20T12:59:00+05:00', true],
    ['COLLEGE_OFFICE', '2026-03-20T13:30:00+05:00', false],
    ['COLLEGE_OFFICE', '2026-03-20T14:00:00+05:00', true],
    ['COLLEGE_OFFICE', '2026-03-20T18:29:00+05:00', true],
    ['COLLEGE_OFFICE', '2026-03-20T18:30:00+05:00', false],
    ['COLLEGE_OFFICE', '2026-03-07T10:00:00+05:00', false],
    ['COLLEGE_OFFICE', '2025-01-05T10:00:00+05:00', true],
    ['PSC', '2026-03-20T19:59:00+05:00', true],
    ['PSC', '2026-03-20T20:00:00+05:00', false],
    ['PSC', '2026-03-07T10:00:00+05:00', true],
    ['PSC', '2026-03-08T10:00:00+05:00', false],
    ['PSC', '2026-03-21T10:00:00+05:00', false],
    ['PSC', '2026-05-09T10:00:00+05:00', false],
    ['PSC', '2026-03-09T10:00:00+05:00', false],
    ['PORTAL', '2026-03-21T03:00:00+05:00', true],
    ['PORTAL', '2026-05-27T23:59:00+05:00', true],
  ] as const)('%s at %s open: %s', (channel, instant, open) => {
    expect(isChannelOpenAt(cal, channel, instant)).toBe(open);
  });

  it('treats every Saturday as a PSC day with a calendar that cannot classify days', () => {
    const plain: WorkingCalendar = {
      isWorkingDay: (d) => cal.isWorkingDay(d),
      addWorkingDays: (d, n) => cal.addWorkingDays(d, n),
      subtractWorkingDays: (d, n) => cal.subtractWorkingDays(d, n),
      nextWorkingDay: (d) => cal.nextWorkingDay(d),
      workingDaysBetween: (a, b) => cal.workingDaysBetween(a, b),
    };
    expect(isChannelOpenOn(plain, 'PSC', '2026-03-21')).toBe(true);
    expect(isChannelOpenOn(plain, 'PSC', '2026-03-22')).toBe(false);
    expect(isChannelOpenOn(calendarFromData([...SHIPPED_YEARS]), 'PSC', '2026-03-21')).toBe(false);
  });

  it('loads the shipped schedules with at least two register slots (item 55)', () => {
    const s = defaultSchedules();
    expect(s.registerDispatch.slots.length).toBeGreaterThanOrEqual(2);
    expect(s.channels.COLLEGE_OFFICE.registrationCutoff).toBe('18:30');
  });

  it.each([
    ['one register slot', (s: any) => { s.registerDispatch.slots = ['13:00']; }, /at least two register deliveries/],
    ['slots out of order', (s: any) => { s.registerDispatch.slots = ['20:00', '13:00']; }, /strictly ascending/],
    ['a bad time', (s: any) => { s.channels.PSC.registrationCutoff = '25:00'; }, /HH:mm/],
    ['an empty interval', (s: any) => { s.channels.PSC.hours = [{ from: '20:00', to: '09:00' }]; }, /before "to"/],
    ['overlapping intervals', (s: any) => { s.channels.COLLEGE_OFFICE.hours = [{ from: '09:00', to: '14:00' }, { from: '13:00', to: '18:30' }]; }, /not overlap/],
    ['an unknown day rule', (s: any) => { s.channels.PSC.openOn = 'SOMETIMES'; }, /openOn/],
    ['a missing channel', (s: any) => { delete s.channels.PORTAL; }, /PORTAL/],
  ])('rejects %s', (_name, mutate, message) => {
    const s = structuredClone(schedulesJson);
    mutate(s);
    expect(() => parseSchedules(s)).toThrow(expect.objectContaining({ code: 'SCHEDULE_CONFIG_INVALID', message: expect.stringMatching(message) }));
  });
});
