/**
 * Items 54-55 (R9): the PSC sends accepted applications to the college with a register in two
 * copies, on a schedule, at least twice on the day of acceptance. Slot times are configuration
 * (config/calendar/schedules.json, `registerDispatch.slots`).
 */
import {
  almatyDate,
  instantMillis,
  almatyInstant,
  defaultSchedules,
  isChannelOpenOn,
  addDays,
  type Schedules,
  type ClassifiedCalendar,
} from '../calendar/index.js';
import { CalendarError } from '../calendar/errors.js';

export interface RegisterDispatchPlan {
  /** Kazakhstan date of acceptance at the PSC. */
  acceptanceDate: string;
  /** Every register dispatch instant of the acceptance day (at least two, item 55). */
  daySlots: string[];
  /**
   * The slot this acceptance travels in: the first slot of the day at or after acceptance, else the first slot of
   * the next PSC day.
   */
  slot: string;
}

/** Days looked ahead for the next PSC day before giving up (covers the longest holiday run). */
const MAX_LOOKAHEAD_DAYS = 31;

export function registerDispatchPlan(
  cal: ClassifiedCalendar,
  acceptedAt: string,
  schedules: Schedules = defaultSchedules(),
): RegisterDispatchPlan {
  const acceptanceDate = almatyDate(acceptedAt);
  const slotsOn = (date: string) => schedules.registerDispatch.slots.map((t) => almatyInstant(date, t));
  const daySlots = slotsOn(acceptanceDate);
  const accepted = instantMillis(acceptedAt);
  const sameDay = daySlots.find((s) => instantMillis(s) >= accepted);
  if (sameDay) return { acceptanceDate, daySlots, slot: sameDay };
  let d = acceptanceDate;
  for (let i = 0; i < MAX_LOOKAHEAD_DAYS; i += 1) {
    d = addDays(d, 1);
    if (isChannelOpenOn(cal, 'PSC', d, schedules)) return { acceptanceDate, daySlots, slot: slotsOn(d)[0]! };
  }
  throw new CalendarError(
    'REGISTER_SLOT_NOT_FOUND',
    `No PSC working day within ${MAX_LOOKAHEAD_DAYS} days after ${acceptanceDate}: check config/calendar for that period.`,
    { acceptanceDate },
  );
}
