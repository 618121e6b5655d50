/** What `decide` may use besides the state and the command: pure, no I/O, no clock. */
import type { ClassifiedCalendar } from '../../calendar/index.js';

export interface DecideContext {
  calendar: ClassifiedCalendar;
}
