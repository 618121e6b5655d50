import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityBackoffMs } from '../../../src/partners/gateway/backoff.js';

const opts = { minMs: 1_000, maxMs: 60_000 };
const zero = () => 0;

describe('identityBackoffMs', () => {
  it('doubles from minMs with each unanswered attempt (no jitter)', () => {
    expect([1, 2, 3, 4, 5].map((a) => identityBackoffMs(a, opts, zero))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('is capped at maxMs, jitter included', () => {
    expect(identityBackoffMs(7, opts, zero)).toBe(60_000);
    expect(identityBackoffMs(6, opts, () => 0.999)).toBe(60_000);
    expect(identityBackoffMs(40, opts, () => 0.5)).toBe(60_000);
    expect(identityBackoffMs(2_000, opts, zero)).toBe(60_000);
  });

  it('treats attempt 0 or below like attempt 1', () => {
    expect(identityBackoffMs(0, opts, zero)).toBe(1_000);
    expect(identityBackoffMs(-3, opts, zero)).toBe(1_000);
  });

  it('multiplies by 1 + random: the random value in [0, 1) maps onto [delay, 2 x delay)', () => {
    expect(identityBackoffMs(3, opts, () => 0.5)).toBe(6_000);
    expect(identityBackoffMs(3, opts, () => 0.25)).toBe(5_000);
    expect(identityBackoffMs(1, opts, () => 0.9999)).toBe(2_000); // rounded to whole milliseconds
  });

  it('calls the injected random once per computation', () => {
    let calls = 0;
    identityBackoffMs(2, opts, () => {
      calls += 1;
      return 0.1;
    });
    expect(calls).toBe(1);
  });

  it('always lies in [min(max, base), min(max, 2 x base)] and is a whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const base = opts.minMs * 2 ** (attempt - 1);
        const d = identityBackoffMs(attempt, opts, () => r);
        return Number.isInteger(d) && d >= Math.min(opts.maxMs, base) && d <= Math.min(opts.maxMs, 2 * base);
      }),
    );
  });

  it('uses Math.random when no random is given, staying in range', () => {
    for (let i = 0; i < 50; i += 1) {
      const d = identityBackoffMs(2, opts);
      expect(d).toBeGreaterThanOrEqual(2_000);
      expect(d).toBeLessThanOrEqual(4_000);
    }
  });
});
