import { describe, expect, it } from 'vitest';
import { defaultSchedules } from '../../../src/core/calendar/index.js';
import { calendarOf, shippedCalendar, shippedStatute } from '../../support/calendar.js';
import { registerDispatchPlan } from '../../../src/core/deadlines/index.js';

const cal = shippedCalendar();

describe('register dispatch slots (items 54-55)', () => {
  it.each([
    ['2026-03-07T10:00:00+05:00', '2026-03-07T13:00:00.000+05:00'],
    ['2026-03-19T13:00:00+05:00', '2026-03-19T13:00:00.000+05:00'],
    ['2026-03-19T13:01:00+05:00', '2026-03-19T20:00:00.000+05:00'],
    ['2026-03-19T20:00:00+05:00', '2026-03-19T20:00:00.000+05:00'],
    ['2026-03-19T09:00:00+06:00', '2026-03-19T13:00:00.000+05:00'],
    // after the last slot: next PSC day (a Saturday counts; holidays and moved days off do not)
    ['2026-03-06T20:30:00+05:00', '2026-03-07T13:00:00.000+05:00'],
    ['2026-03-07T20:30:00+05:00', '2026-03-10T13:00:00.000+05:00'],
    ['2026-03-20T20:01:00+05:00', '2026-03-26T13:00:00.000+05:00'],
  ])('acceptance at %s travels in the slot %s', (acceptedAt, slot) => {
    const plan = registerDispatchPlan(cal, acceptedAt);
    expect(plan.slot).toBe(slot);
    expect(plan.daySlots.length).toBeGreaterThanOrEqual(2);
    expect(plan.daySlots.every((s) => s.startsWith(plan.acceptanceDate))).toBe(true);
  });

  it('lists every slot of the day of acceptance', () => {
    expect(registerDispatchPlan(cal, '2026-03-19T10:00:00+05:00')).toEqual({
      acceptanceDate: '2026-03-19',
      daySlots: ['2026-03-19T13:00:00.000+05:00', '2026-03-19T20:00:00.000+05:00'],
      slot: '2026-03-19T13:00:00.000+05:00',
    });
  });

  it('uses the configured slot times', () => {
    const s = structuredClone(defaultSchedules());
    s.registerDispatch.slots = ['10:00', '12:00', '16:00'];
    expect(registerDispatchPlan(cal, '2026-03-19T11:00:00+05:00', s).slot).toBe('2026-03-19T12:00:00.000+05:00');
  });

  it('fails with REGISTER_SLOT_NOT_FOUND when no PSC day follows within a month', () => {
    // A statute amended (as data) with 40 consecutive days off from 1 January 2029: no PSC day in 31 days.
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2029, 0, 1 + i)).toISOString().slice(5, 10));
    const statute = shippedStatute();
    (statute.holidays as unknown[]).push({
      id: 'test-closed',
      name: { en: 'Test closure', kk: 'Test closure', ru: 'Test closure' },
      kind: 'FIXED',
      days,
      movesWhenOnWeekend: false,
      fromYear: 2029,
      untilYear: 2029,
      source: 'Test amendment of the Law "On holidays", art. 5',
    });
    const closed = calendarOf([], statute);
    expect(closed.dayKind('2029-02-09')).toBe('HOLIDAY');
    expect(() => registerDispatchPlan(closed, '2029-01-01T21:00:00+05:00')).toThrow(
      expect.objectContaining({ code: 'REGISTER_SLOT_NOT_FOUND' }),
    );
  });
});
