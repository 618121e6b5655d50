/**
 * The adapter's only clock. Production reads the real time. Tests and simulations may shift it
 * (config clock.startAt: "now" starts at that instant) and speed it up (clock.speed), so that a
 * run on any day behaves as on a chosen day, and weeks of service pass in minutes; the shift is
 * never applied unless configured.
 */
export interface Clock {
  now(): Date;
  /** Real milliseconds for `ms` of clock time (a timer of the clock's time waits this long). */
  realMs(ms: number): number;
  /**
   * The real instant at which the clock will read `at`: real now + (at - clock now) / speed.
   * For whatever compares with a real time source, e.g. the timer queue's run_at with the
   * database's now().
   */
  toReal(at: Date): Date;
}

export interface ClockConfig {
  startAt: string;
  /**
   * The real instant at which the clock reads `startAt` (default: when the clock is created); processes that
   * share it agree.
   */
  anchorAt: string;
  speed: number;
}

/** A clock from configuration; `realNow` is the real time source (Date.now by default). */
export function createClock(cfg: ClockConfig, realNow: () => number = Date.now): Clock {
  if (!cfg.startAt && cfg.speed === 1) {
    return { now: () => new Date(realNow()), realMs: (ms) => ms, toReal: (at) => new Date(at.getTime()) };
  }
  const origin = cfg.anchorAt ? Date.parse(cfg.anchorAt) : realNow();
  const start = cfg.startAt ? Date.parse(cfg.startAt) : origin;
  return {
    now: () => new Date(start + (realNow() - origin) * cfg.speed),
    realMs: (ms) => ms / cfg.speed,
    // The inverse of now(): the clock reads `at` when realNow() = origin + (at - start) / speed.
    toReal: (at) => new Date(origin + (at.getTime() - start) / cfg.speed),
  };
}
