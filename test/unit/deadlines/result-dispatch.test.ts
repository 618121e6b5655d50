import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../support/calendar.js';
import { resultPickupWindow } from '../../../src/core/deadlines/index.js';

const cal = shippedCalendar();
const ms = (iso: string) => Date.parse(iso);

describe('the pick-up window of the result (items 58-59, 62)', () => {
  it('runs from the order to the delivery limit when the limit leaves a working day', () => {
    expect(resultPickupWindow(cal, '2026-04-09T10:00:00+05:00', '2026-04-26T23:59:59.999+05:00')).toEqual({
      from: '2026-04-09T10:00:00+05:00',
      to: '2026-04-26T23:59:59.999+05:00',
    });
  });

  it('an order placed after its limit still ends after it starts: at the end of the next working day', () => {
    // Mon 27 April 2026 12:00, the limit was Sun 26 April: the courier has until the end of Tue 28 April.
    const w = resultPickupWindow(cal, '2026-04-27T12:00:00+05:00', '2026-04-26T23:59:59.999+05:00');
    expect(w).toEqual({ from: '2026-04-27T12:00:00+05:00', to: '2026-04-28T23:59:59.999+05:00' });
    expect(ms(w.to)).toBeGreaterThan(ms(w.from));
  });

  it('a limit closer than the next working day is stretched to it; the next working day skips days off', () => {
    // Fri 24 April 2026 18:00, limit the same evening: the next working day is Mon 27 April.
    expect(resultPickupWindow(cal, '2026-04-24T18:00:00+05:00', '2026-04-24T23:59:59.999+05:00').to).toBe(
      '2026-04-27T23:59:59.999+05:00',
    );
  });

  it('the way back after storage (no legal limit) is given 72 hours, and at least the next working day', () => {
    expect(resultPickupWindow(cal, '2026-06-02T10:00:00+05:00', null).to).toBe('2026-06-05T10:00:00.000+05:00');
    // Fri 20 March 2026: Nauryz (21-23 March) and the weekend: 72 hours end before the next working day.
    const w = resultPickupWindow(cal, '2026-03-20T10:00:00+05:00', null);
    expect(w.to).toBe(`${cal.addWorkingDays('2026-03-20', 1)}T23:59:59.999+05:00`);
    expect(ms(w.to)).toBeGreaterThan(ms('2026-03-23T10:00:00+05:00'));
  });
});
