/**
 * Deadlines of the service "Issuance of duplicates of TVET documents" (Order No. 312 of 2023),
 * computed on the working-day calendar. How each count works: docs/deadline-rules.md.
 */
export type { ServiceDeadlines } from './service-deadlines.js';
export {
  computeServiceDeadlines,
  termEndDate,
  resultToPscLatest,
  hearingNoticeLatest,
  SERVICE_TERM_WORKING_DAYS,
  HEARING_NOTICE_WORKING_DAYS_BEFORE_END,
} from './service-deadlines.js';
export { registrationDate } from './registration-date.js';
export {
  collegeReviewDeadline,
  hearingLatest,
  objectionWindowEnd,
  COLLEGE_REVIEW_WORKING_DAYS,
  HEARING_WORKING_DAYS_FROM_NOTICE,
  OBJECTION_WORKING_DAYS_FROM_RECEIPT,
} from './review-deadlines.js';
export { pscStorageEnd, pscReturnToCollegeOn } from './psc-storage.js';
export type { RegisterDispatchPlan } from './register-dispatch.js';
export { registerDispatchPlan } from './register-dispatch.js';
export type { PickupWindow } from './result-dispatch.js';
export { resultPickupWindow, RESULT_PICKUP_WORKING_DAYS, WAY_BACK_HOURS } from './result-dispatch.js';
