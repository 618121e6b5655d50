import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../support/calendar.js';
import {
  collegeReviewDeadline,
  hearingLatest,
  objectionWindowEnd,
  pscReturnToCollegeOn,
  pscStorageEnd,
} from '../../../src/core/deadlines/index.js';

const cal = shippedCalendar();

describe('college review and hearing (item 58)', () => {
  it.each([
    ['2026-03-20', '2026-04-01'],
    ['2026-03-02', '2026-03-10'],
    ['2025-01-02', '2025-01-10'],
    ['2026-05-25', '2026-06-02'],
  ])('collegeReviewDeadline(%s) = %s (5 working days)', (reg, expected) => {
    expect(collegeReviewDeadline(cal, reg)).toBe(expected);
  });

  it.each([
    ['2026-03-06', '2026-03-11'],
    ['2026-03-07', '2026-03-11'],
    ['2026-05-26', '2026-05-29'],
    ['2025-01-03', '2025-01-06'],
  ])('hearingLatest(%s) = %s (2 working days from the notice)', (notice, expected) => {
    expect(hearingLatest(cal, notice)).toBe(expected);
  });

  it.each([
    ['2026-05-26', '2026-05-29'],
    ['2026-03-19', '2026-03-26'],
    ['2025-01-04', '2025-01-06'],
  ])('objectionWindowEnd(%s) = %s (2 working days from receipt)', (received, expected) => {
    expect(objectionWindowEnd(cal, received)).toBe(expected);
  });
});

describe('PSC storage of one month (item 62)', () => {
  it.each([
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2026-01-30', '2026-02-28'],
    ['2026-03-31', '2026-04-30'],
    ['2026-01-15', '2026-02-15'],
    ['2025-12-31', '2026-01-31'],
    ['2026-02-28', '2026-03-28'],
  ])('pscStorageEnd(%s) = %s', (ready, end) => {
    expect(pscStorageEnd(ready)).toBe(end);
  });

  it.each([
    ['2026-01-31', '2026-03-02'],
    ['2025-12-31', '2026-02-02'],
    ['2026-02-09', '2026-03-10'],
    ['2026-02-21', '2026-03-26'],
  ])('pscReturnToCollegeOn(%s) = %s (next working day after storage)', (ready, due) => {
    expect(pscReturnToCollegeOn(cal, ready)).toBe(due);
  });

  it('rejects a non-date', () => {
    expect(() => pscStorageEnd('2026-02-31')).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
  });
});
