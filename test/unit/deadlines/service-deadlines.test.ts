import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/core/application/model.js';
import { shippedCalendar } from '../../support/calendar.js';
import { computeServiceDeadlines, registrationDate, termEndDate } from '../../../src/core/deadlines/index.js';

const cal = shippedCalendar();

describe('computeServiceDeadlines (items 53, 56, 58, 59, 63)', () => {
  it.each<[string, Channel, string, string, string, string]>([
    // [case, channel, submittedAt, registrationDate, termEndDate, hearingNoticeLatest]
    [
      'PSC acceptance on Saturday before 8 March 2026 (9 March moved)',
      'PSC',
      '2026-03-07T10:00:00+05:00',
      '2026-03-10',
      '2026-04-02',
      '2026-03-30',
    ],
    [
      'portal at 23:59 on the last working day before Nauryz 2026',
      'PORTAL',
      '2026-03-20T23:59:00+05:00',
      '2026-03-26',
      '2026-04-15',
      '2026-04-10',
    ],
    [
      'portal at 18:29 on the same day',
      'PORTAL',
      '2026-03-20T18:29:00+05:00',
      '2026-03-20',
      '2026-04-15',
      '2026-04-10',
    ],
    [
      'portal at 18:30 on the same day',
      'PORTAL',
      '2026-03-20T18:30:00+05:00',
      '2026-03-26',
      '2026-04-15',
      '2026-04-10',
    ],
    [
      'portal at local midnight into the Nauryz Saturday',
      'PORTAL',
      '2026-03-20T19:00:00Z',
      '2026-03-26',
      '2026-04-15',
      '2026-04-10',
    ],
    [
      'portal on 2 January 2025 (holiday; 5 January is working)',
      'PORTAL',
      '2025-01-02T10:00:00+05:00',
      '2025-01-05',
      '2025-01-24',
      '2025-01-21',
    ],
    ['PSC on Saturday 4 January 2025', 'PSC', '2025-01-04T11:00:00+05:00', '2025-01-05', '2025-01-24', '2025-01-21'],
    [
      'office on the working Sunday 5 January 2025',
      'COLLEGE_OFFICE',
      '2025-01-05T10:00:00+05:00',
      '2025-01-05',
      '2025-01-27',
      '2025-01-22',
    ],
    [
      'office the day before 7 January 2026',
      'COLLEGE_OFFICE',
      '2026-01-06T17:00:00+05:00',
      '2026-01-06',
      '2026-01-28',
      '2026-01-23',
    ],
    [
      'portal in the evening before Kurban Ait 2026',
      'PORTAL',
      '2026-05-26T19:00:00+05:00',
      '2026-05-28',
      '2026-06-17',
      '2026-06-12',
    ],
    [
      'office on Friday before 8 March 2025 (10 March moved)',
      'COLLEGE_OFFICE',
      '2025-03-07T12:00:00+05:00',
      '2025-03-07',
      '2025-04-03',
      '2025-03-31',
    ],
    [
      'PSC at 19:30 on a working day (PSC open until 20:00)',
      'PSC',
      '2026-03-19T19:30:00+05:00',
      '2026-03-19',
      '2026-04-14',
      '2026-04-09',
    ],
    [
      'office at 19:30 on a working day (after 18:30)',
      'COLLEGE_OFFICE',
      '2026-03-19T19:30:00+05:00',
      '2026-03-20',
      '2026-04-14',
      '2026-04-09',
    ],
    [
      'portal at 07:00 on a working day (before opening, same day)',
      'PORTAL',
      '2026-03-19T07:00:00+05:00',
      '2026-03-19',
      '2026-04-14',
      '2026-04-09',
    ],
  ])('%s', (_case, channel, submittedAt, reg, termEnd, noticeLatest) => {
    const d = computeServiceDeadlines(cal, { channel, submittedAt });
    expect(d.registrationDate).toBe(reg);
    expect(d.termEndDate).toBe(termEnd);
    expect(d.termEndsAt).toBe(`${termEnd}T23:59:59.999+05:00`);
    expect(d.hearingNoticeLatest).toBe(noticeLatest);
    expect(cal.workingDaysBetween(d.hearingNoticeLatest, d.termEndDate)).toBe(3);
  });

  it('the result must reach the PSC 24 hours before the term ends (тәулік)', () => {
    const d = computeServiceDeadlines(cal, { channel: 'PSC', submittedAt: '2026-03-07T10:00:00+05:00' });
    expect(d.resultToPscLatest).toBe('2026-04-01T23:59:59.999+05:00');
  });

  it('counts 15 working days after the submission day', () => {
    const d = computeServiceDeadlines(cal, { channel: 'PORTAL', submittedAt: '2026-03-02T10:00:00+05:00' });
    expect(cal.workingDaysBetween('2026-03-02', d.termEndDate)).toBe(15);
    expect(termEndDate(cal, '2026-03-02T10:00:00+05:00')).toBe(d.termEndDate);
  });

  it('reads an instant with another offset in Kazakhstan time', () => {
    expect(registrationDate(cal, { channel: 'COLLEGE_OFFICE', submittedAt: '2026-03-19T13:29:00Z' })).toBe(
      '2026-03-19',
    );
    expect(registrationDate(cal, { channel: 'COLLEGE_OFFICE', submittedAt: '2026-03-19T13:30:00Z' })).toBe(
      '2026-03-20',
    );
  });

  it('computes a term that runs into the provisional 2027 over the New Year days off', () => {
    const d = computeServiceDeadlines(cal, { channel: 'PORTAL', submittedAt: '2026-12-20T10:00:00+05:00' });
    // Sun 20 Dec: registered Mon 21; 15 working days after 20 Dec skip 1-2 Jan, 4 Jan (moved from 2 Jan) and 7 Jan.
    expect(d.registrationDate).toBe('2026-12-21');
    expect(d.termEndDate).toBe('2027-01-13');
    expect(cal.isProvisional('2026-12-20', d.termEndDate)).toBe(true);
  });

  it('fails loudly outside the years the calendar computes', () => {
    expect(() => computeServiceDeadlines(cal, { channel: 'PORTAL', submittedAt: '2250-01-10T10:00:00+05:00' })).toThrow(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
  });
});
