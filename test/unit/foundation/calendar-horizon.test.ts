import { describe, expect, it } from 'vitest';
import { missingCalendarYear } from '../../../src/platform/calendar/calendar-horizon.js';

describe('calendar horizon warning', () => {
  it('is silent while the data reaches 45 days ahead', () => {
    expect(missingCalendarYear([2025, 2026], new Date('2026-11-15T00:00:00Z'))).toBeNull();
  });

  it('names the next year once terms can run into it', () => {
    expect(missingCalendarYear([2025, 2026], new Date('2026-11-20T00:00:00Z'))).toBe(2027);
  });

  it('names the current year when even that is missing', () => {
    expect(missingCalendarYear([2025, 2026], new Date('2028-03-01T00:00:00Z'))).toBe(2028);
  });
});
