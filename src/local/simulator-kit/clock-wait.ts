/**
 * Waiting for an instant of the adapter's clock (shifted and accelerated by config clock.*): the
 * real wait is the clock's distance divided by its speed, so at CLOCK_SPEED=1000 a working day of
 * delay passes in about 30 real seconds. Long waits are cut into pieces below Node's timer limit
 * (about 24.8 days) and the clock is read again after each one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../platform/clock/clock.js';

const MAX_TIMER_MS = 2_147_483_647;

/** Resolves when `clock` reads `atMs` or later; rejects with the signal's reason when it is aborted. */
export async function waitUntil(clock: Clock, atMs: number, signal: AbortSignal): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    const left = atMs - clock.now().getTime();
    if (left <= 0) return;
    const real = Math.ceil(clock.realMs(left));
    await sleep(Math.max(1, Math.min(real, MAX_TIMER_MS)), undefined, { signal });
  }
}
