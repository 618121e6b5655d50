import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/core/application/model.js';
import { shippedCalendar } from '../../support/calendar.js';
import {
  collegeReviewDeadline,
  computeServiceDeadlines,
  hearingLatest,
  objectionWindowEnd,
} from '../../../src/core/deadlines/index.js';

const cal = shippedCalendar();
const START = Date.parse('2025-01-01T00:00:00+05:00');
const END = Date.parse('2026-10-01T00:00:00+05:00'); // the 15-day term stays within the shipped 2026
const instant = fc.integer({ min: START, max: END }).map((ms) => new Date(ms).toISOString());
const channel = fc.constantFrom<Channel>('PORTAL', 'PSC', 'COLLEGE_OFFICE');

describe('deadline properties', () => {
  it('the term end is always a working day, 15 working days after the submission day', () => {
    fc.assert(
      fc.property(channel, instant, (ch, submittedAt) => {
        const d = computeServiceDeadlines(cal, { channel: ch, submittedAt });
        expect(cal.isWorkingDay(d.termEndDate)).toBe(true);
        expect(cal.isWorkingDay(d.registrationDate)).toBe(true);
        expect(cal.isWorkingDay(d.hearingNoticeLatest)).toBe(true);
        expect(d.registrationDate <= d.termEndDate).toBe(true);
        expect(Date.parse(d.resultToPscLatest)).toBe(Date.parse(d.termEndsAt) - 24 * 3600 * 1000);
      }),
    );
  });

  it('deadlines never move earlier when the submission moves later', () => {
    fc.assert(
      fc.property(channel, instant, instant, (ch, a, b) => {
        const [early, late] = Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a];
        const x = computeServiceDeadlines(cal, { channel: ch, submittedAt: early });
        const y = computeServiceDeadlines(cal, { channel: ch, submittedAt: late });
        expect(x.registrationDate <= y.registrationDate).toBe(true);
        expect(x.termEndDate <= y.termEndDate).toBe(true);
        expect(Date.parse(x.termEndsAt) <= Date.parse(y.termEndsAt)).toBe(true);
        expect(Date.parse(x.resultToPscLatest) <= Date.parse(y.resultToPscLatest)).toBe(true);
        expect(x.hearingNoticeLatest <= y.hearingNoticeLatest).toBe(true);
      }),
    );
  });

  it('review, hearing and objection deadlines are working days after their start', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const day = at.slice(0, 10);
        for (const f of [collegeReviewDeadline, hearingLatest, objectionWindowEnd]) {
          const r = f(cal, day);
          expect(r > day && cal.isWorkingDay(r)).toBe(true);
        }
      }),
    );
  });
});
