import { describe, expect, it } from 'vitest';
import {
  defaultSchedules,
  isChannelOpenAt,
  isChannelOpenOn,
  parseSchedules,
} from '../../../src/core/calendar/index.js';
import schedulesJson from '../../../config/calendar/schedules.json' with { type: 'json' };
import { shippedCalendar } from '../../support/calendar.js';

const cal = shippedCalendar();

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

  it.each([
    ['2026-03-07', true], // a plain Saturday
    ['2026-03-21', false], // Nauryz on a Saturday
    ['2026-03-09', false], // a moved day off
    ['2025-01-05', true], // a Sunday made working
    ['2027-05-01', false], // Unity Day on a Saturday (2027, provisional)
    ['2029-03-03', true], // a Saturday of a year without a file
  ])('the PSC is open on %s: %s (Saturdays unless off)', (date, open) => {
    expect(isChannelOpenOn(cal, 'PSC', date)).toBe(open);
  });

  it('loads the shipped schedules with at least two register slots (item 55)', () => {
    const s = defaultSchedules();
    expect(s.registerDispatch.slots.length).toBeGreaterThanOrEqual(2);
    expect(s.channels.COLLEGE_OFFICE.registrationCutoff).toBe('18:30');
  });

  it.each([
    [
      'one register slot',
      (s: any) => {
        s.registerDispatch.slots = ['13:00'];
      },
      /at least two register deliveries/,
    ],
    [
      'slots out of order',
      (s: any) => {
        s.registerDispatch.slots = ['20:00', '13:00'];
      },
      /strictly ascending/,
    ],
    [
      'a bad time',
      (s: any) => {
        s.channels.PSC.registrationCutoff = '25:00';
      },
      /HH:mm/,
    ],
    [
      'an empty interval',
      (s: any) => {
        s.channels.PSC.hours = [{ from: '20:00', to: '09:00' }];
      },
      /before "to"/,
    ],
    [
      'overlapping intervals',
      (s: any) => {
        s.channels.COLLEGE_OFFICE.hours = [
          { from: '09:00', to: '14:00' },
          { from: '13:00', to: '18:30' },
        ];
      },
      /not overlap/,
    ],
    [
      'an unknown day rule',
      (s: any) => {
        s.channels.PSC.openOn = 'SOMETIMES';
      },
      /openOn/,
    ],
    [
      'a missing channel',
      (s: any) => {
        delete s.channels.PORTAL;
      },
      /PORTAL/,
    ],
  ])('rejects %s', (_name, mutate, message) => {
    const s = structuredClone(schedulesJson);
    mutate(s);
    expect(() => parseSchedules(s)).toThrow(
      expect.objectContaining({ code: 'SCHEDULE_CONFIG_INVALID', message: expect.stringMatching(message) }),
    );
  });
});
