import { describe, expect, it } from 'vitest';
import { createClock } from '../../../src/platform/clock/clock.js';

/** A real time source the test moves by hand: no test depends on the machine's date. */
function realTime(startMs: number) {
  let t = startMs;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const REAL_START = Date.parse('2030-01-10T08:00:00Z');

describe('Clock.toReal: the real instant at which the clock reads a given time', () => {
  it('is the identity for the real clock', () => {
    const real = realTime(REAL_START);
    const clock = createClock({ startAt: '', anchorAt: '', speed: 1 }, real.now);
    const at = new Date(REAL_START + 300);
    expect(clock.toReal(at).getTime()).toBe(at.getTime());
  });

  it('undoes a shift: "in 300 ms" on a clock set to 2027 is 300 ms from the real now', () => {
    const real = realTime(REAL_START);
    const clock = createClock({ startAt: '2027-06-15T10:00:00+05:00', anchorAt: '', speed: 1 }, real.now);
    real.advance(5_000);
    const due = new Date(clock.now().getTime() + 300);
    expect(due.toISOString()).toBe('2027-06-15T05:00:05.300Z');
    expect(clock.toReal(due).getTime()).toBe(real.now() + 300);
  });

  it('undoes a speed-up: an hour of a clock 1000 times faster is 3.6 real seconds away', () => {
    const real = realTime(REAL_START);
    const clock = createClock({ startAt: '2028-02-28T19:00:00+05:00', anchorAt: '', speed: 1000 }, real.now);
    real.advance(2_000);
    const inAnHour = new Date(clock.now().getTime() + 3_600_000);
    expect(clock.toReal(inAnHour).getTime()).toBe(real.now() + 3_600);
    expect(clock.toReal(clock.now()).getTime()).toBe(real.now());
  });

  it('honours the anchor shared by the processes of one run', () => {
    const real = realTime(REAL_START);
    const anchorAt = new Date(REAL_START - 60_000).toISOString();
    const clock = createClock({ startAt: '2027-01-01T00:00:00+05:00', anchorAt, speed: 2 }, real.now);
    expect(clock.now().toISOString()).toBe('2026-12-31T19:02:00.000Z');
    expect(clock.toReal(new Date('2026-12-31T19:00:00.000Z')).toISOString()).toBe(anchorAt);
  });

  it('is the inverse of now() at any point of the run, to the millisecond a Date holds', () => {
    const real = realTime(REAL_START);
    const clock = createClock({ startAt: '2027-06-15T10:00:00+05:00', anchorAt: '', speed: 7.5 }, real.now);
    for (const step of [0, 13, 1_000, 86_400_000]) {
      real.advance(step);
      expect(Math.abs(clock.toReal(clock.now()).getTime() - real.now())).toBeLessThanOrEqual(1);
    }
  });
});
