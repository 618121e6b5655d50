/**
 * The courier order of the result from the college to a PSC branch (items 58-59, 62): the pick-up
 * window the courier is given. The legal limit of the delivery (one тәулік before the term ends,
 * `resultToPscLatest`) is the order's `deliverBy`; the window never ends before a courier can come.
 */
import { almatyDate, almatyDateTime, endOfAlmatyDay, KZ_ZONE, type ClassifiedCalendar } from '../calendar/index.js';

/** The courier has at least the rest of the order's day and the next working day to pick the result up. */
export const RESULT_PICKUP_WORKING_DAYS = 1;
/** Item 62 sets no term for the way back after storage at the college: the courier is given 72 hours. */
export const WAY_BACK_HOURS = 72;

export interface PickupWindow {
  from: string;
  to: string;
}

/**
 * From the order's instant to the later of the delivery limit (`deliverBy`, or 72 hours on the way
 * back) and the end of the next working day: an order placed late (after its limit, or just before
 * it) still gets a window that ends after it starts; `deliverBy` stays the limit the law sets.
 */
export function resultPickupWindow(cal: ClassifiedCalendar, orderedAt: string, deliverBy: string | null): PickupWindow {
  const at = almatyDateTime(orderedAt);
  const limit = deliverBy ? almatyDateTime(deliverBy) : at.plus({ hours: WAY_BACK_HOURS });
  const earliestEnd = almatyDateTime(
    endOfAlmatyDay(cal.addWorkingDays(almatyDate(orderedAt), RESULT_PICKUP_WORKING_DAYS)),
  );
  const to = limit.toMillis() >= earliestEnd.toMillis() ? limit : earliestEnd;
  return { from: orderedAt, to: to.setZone(KZ_ZONE).toISO() as string };
}
