/**
 * The service term and the deadlines derived from it (Order No. 312, items 53, 56, 58, 59, 63).
 * See docs/deadline-rules.md for how each count works and why.
 */
import type { ScheduleChannel as Channel } from '../calendar/schedules.js';
import { almatyDate, almatyInstantPlus, endOfAlmatyDay, type ClassifiedCalendar } from '../calendar/index.js';
import { registrationDate } from './registration-date.js';

/** Item 63, Appendix 6 p.3 (1): the service term, in working days. */
export const SERVICE_TERM_WORKING_DAYS = 15;
/** Item 58: the hearing notice goes out no later than 3 working days before the term ends. */
export const HEARING_NOTICE_WORKING_DAYS_BEFORE_END = 3;

export interface ServiceDeadlines {
  registrationDate: string; // R8 (item 53)
  termEndDate: string; // R10, R18 (items 56, 63): the 15th working day
  termEndsAt: string; // instant: end of termEndDate, Asia/Almaty
  resultToPscLatest: string; // instant: R14/R16 "no later than one day (тәулік) before the term ends"
  hearingNoticeLatest: string; // date: R15, 3 working days before the term ends
}

/**
 * Items 56 and 63: the term is 15 working days "from the moment the documents are submitted";
 * the day of submission (for the PSC, the day of acceptance, item 56) is not counted, so the term
 * ends on the 15th working day strictly after the submission's Kazakhstan date.
 */
export function termEndDate(cal: ClassifiedCalendar, submittedAt: string): string {
  return cal.addWorkingDays(almatyDate(submittedAt), SERVICE_TERM_WORKING_DAYS);
}

/**
 * Items 58 and 59: the result reaches the PSC "no later than one тәулік (24 hours) before the
 * end of the service term": the term's end instant minus 24 hours (absolute time).
 */
export function resultToPscLatest(termEndsAt: string): string {
  return almatyInstantPlus(termEndsAt, -24 * 3_600_000);
}

/** Item 58: the hearing notice goes out no later than 3 working days before the term ends. */
export function hearingNoticeLatest(cal: ClassifiedCalendar, termEnd: string): string {
  return cal.subtractWorkingDays(termEnd, HEARING_NOTICE_WORKING_DAYS_BEFORE_END);
}

/** All deadlines of one application, from its channel and submission instant. */
export function computeServiceDeadlines(
  cal: ClassifiedCalendar,
  input: { channel: Channel; submittedAt: string },
): ServiceDeadlines {
  const end = termEndDate(cal, input.submittedAt);
  const termEndsAt = endOfAlmatyDay(end);
  return {
    registrationDate: registrationDate(cal, input),
    termEndDate: end,
    termEndsAt,
    resultToPscLatest: resultToPscLatest(termEndsAt),
    hearingNoticeLatest: hearingNoticeLatest(cal, end),
  };
}
