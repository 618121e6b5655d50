import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityBackoffMs } from '../../../src/core/application/workflow/identity-backoff.js';

const policy = { maxAttempts: 5, responseTimeoutMs: 20_000, minBackoffMs: 1_000, maxBackoffMs: 60_000 };

describe("identityBackoffMs (the core's pacing of identity requests)", () => {
  it('doubles from minBackoffMs with each attempt, jitter x[1, 2)', () => {
    for (const [attempt, base] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [4, 8_000],
      [5, 16_000],
    ] as const) {
      const d = identityBackoffMs('idr-APP-1-1', attempt, policy);
      expect(d).toBeGreaterThanOrEqual(base);
      expect(d).toBeLessThan(2 * base);
    }
  });

  it('is capped at maxBackoffMs, jitter included', () => {
    expect(identityBackoffMs('idr-APP-1-1', 7, policy)).toBe(60_000);
    expect(identityBackoffMs('idr-APP-1-1', 2_000, policy)).toBe(60_000);
  });

  it('treats attempt 0 or below like attempt 1', () => {
    expect(identityBackoffMs('idr-X-1', 0, policy)).toBe(identityBackoffMs('idr-X-1', 1, policy));
    expect(identityBackoffMs('idr-X-1', -3, policy)).toBe(identityBackoffMs('idr-X-1', 1, policy));
  });

  it('is the same for the same request and attempt (a replay decides the same delay), and spreads across requests', () => {
    expect(identityBackoffMs('idr-A-1', 2, policy)).toBe(identityBackoffMs('idr-A-1', 2, policy));
    const delays = new Set(Array.from({ length: 50 }, (_, i) => identityBackoffMs(`idr-APP-${i}-1`, 2, policy)));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('property: within [min x 2^(a-1), 2 x that) or the cap, for any request and attempt', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (id, attempt) => {
        const base = policy.minBackoffMs * 2 ** (attempt - 1);
        const d = identityBackoffMs(id, attempt, policy);
        return d === policy.maxBackoffMs || (d >= base && d < 2 * base);
      }),
    );
  });
});
