/**
 * The tests' "now": the same clock as the adapter's (config clock.*), so a run with
 * CLOCK_START_AT set to a day in 2027 files its applications in 2027. Business instants in tests
 * come from here or are written out; never from the machine's date.
 */
import { millisToInstant } from '../../src/contract/logical-types.js';
import type { AppConfig } from '../../src/platform/config/schema.js';
import { createClock } from '../../src/platform/clock/clock.js';

/** "Now" of the run, as an instant in Kazakhstan time (+05:00, milliseconds). */
export function clockNow(config: AppConfig, plusMs = 0): string {
  return millisToInstant(createClock(config.clock).now().getTime() + plusMs);
}
