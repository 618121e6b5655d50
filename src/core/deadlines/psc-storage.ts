/**
 * Item 62 (R13): the PSC keeps the result for one month, then hands it to the college.
 */
import { addMonths, type ClassifiedCalendar } from '../calendar/index.js';

/**
 * The last day of the PSC's one-month storage of a result ready on `readyOn`: the same day
 * number of the next month; when the next month has no such day, its last day
 * (31 January -> 28/29 February; 31 March -> 30 April). Calendar days, not working days.
 */
export function pscStorageEnd(readyOn: string): string {
  return addMonths(readyOn, 1);
}

/**
 * The day the PSC hands an uncollected result to the college (item 62 "then"): the first working
 * day after the storage end (the college's office works on working days only).
 */
export function pscReturnToCollegeOn(cal: ClassifiedCalendar, readyOn: string): string {
  return cal.nextWorkingDay(pscStorageEnd(readyOn));
}
