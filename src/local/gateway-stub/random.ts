/**
 * Deterministic pseudo-random numbers for the gateway stub: the same input always gives the same
 * sequence, so a population and the stub's answers are reproducible across runs and processes.
 * Not for anything secret.
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of `s`. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A random source: each call returns the next number in [0, 1). */
export type Random = () => number;

/** mulberry32 seeded with a 32-bit integer. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random source of a string (e.g. a request id, or "seed:index"). */
export function randomFor(key: string): Random {
  return mulberry32(hash32(key));
}

/** A whole number in [0, n). */
export function intBelow(rnd: Random, n: number): number {
  return Math.floor(rnd() * n);
}

/** One element of a non-empty list. */
export function pick<T>(rnd: Random, list: readonly T[]): T {
  return list[intBelow(rnd, list.length)]!;
}
