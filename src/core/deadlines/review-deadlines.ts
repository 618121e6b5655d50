/**
 * The college's review and the hearing (Order No. 312, item 58; R14, R15).
 * Every count starts on the day after the event (the event's own day is not counted).
 */
import type { ClassifiedCalendar } from '../calendar/index.js';

export const COLLEGE_REVIEW_WORKING_DAYS = 5;
export const HEARING_WORKING_DAYS_FROM_NOTICE = 2;
export const OBJECTION_WORKING_DAYS_FROM_RECEIPT = 2;

/** Item 58: the college reviews within 5 working days; counted from the day after registration (item 57). */
export function collegeReviewDeadline(cal: ClassifiedCalendar, collegeRegisteredOn: string): string {
  return cal.addWorkingDays(collegeRegisteredOn, COLLEGE_REVIEW_WORKING_DAYS);
}

/** Item 58: the hearing is held no later than 2 working days from the day of the notice. */
export function hearingLatest(cal: ClassifiedCalendar, noticeDate: string): string {
  return cal.addWorkingDays(noticeDate, HEARING_WORKING_DAYS_FROM_NOTICE);
}

/** Item 58: the applicant may object within 2 working days from receiving the notice. */
export function objectionWindowEnd(cal: ClassifiedCalendar, noticeReceivedOn: string): string {
  return cal.addWorkingDays(noticeReceivedOn, OBJECTION_WORKING_DAYS_FROM_RECEIPT);
}
