/** What `decide` may use besides the state and the command: pure, no I/O, no clock. */
import type { WorkingCalendar } from '../../calendar/index.js';

export interface DecideContext {
  calendar: WorkingCalendar;
}
