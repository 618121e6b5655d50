/**
 * The deadline of the step an application waits for (items 53-59): what has to happen next, and
 * by when. An SLA timer waits for it; when it passes with the step not done, SLA_BREACHED is
 * reported for that step, once (docs/sla.md). The whole-term signals are in sla-check.ts.
 */
import type { ClassifiedCalendar } from '../../calendar/index.js';
import { decisionDeadline } from '../workflow/decide-college.js';
import { registerSlotDay } from '../workflow/decide-register.js';
import type { ApplicationState } from '../workflow/state.js';
import { almatyDate, endOfAlmatyDay, laterDate, workingDayOnOrAfter } from '../workflow/time.js';

export interface StageDeadline {
  /** The step awaited and its deadline: the key a breach is reported under, once. */
  key: string;
  deadline: string;
}

function of(step: string, deadline: string): StageDeadline {
  return { key: `${step}@${deadline}`, deadline };
}

export function stageDeadlineOf(s: ApplicationState, cal: ClassifiedCalendar): StageDeadline | null {
  const app = s.application;
  const d = s.deadlines;
  if (!app || !d) return null;
  switch (s.phase) {
    case 'AWAITING_REGISTER_DISPATCH': {
      // Items 54-55: the register leaves on the day of the acceptance's slot (also when the
      // application missed it and was planned into a later one: that is late).
      const slotDay = s.registerPlan ? registerSlotDay(s, cal) : d.registrationDate;
      return of('REGISTER_DISPATCHED', endOfAlmatyDay(slotDay));
    }
    case 'REGISTER_IN_TRANSIT': {
      const slotDay = almatyDate(s.register!.courierSlot.pickupAt);
      return of('DELIVERED_TO_COLLEGE', endOfAlmatyDay(workingDayOnOrAfter(cal, slotDay)));
    }
    case 'AWAITING_REGISTRATION': {
      // Item 57: registered on the day the documents arrive (item 53 for the portal and the office).
      const arrived = s.register?.deliveredAt
        ? workingDayOnOrAfter(cal, almatyDate(s.register.deliveredAt))
        : d.registrationDate;
      return of('REGISTERED_AT_COLLEGE', endOfAlmatyDay(laterDate(arrived, d.registrationDate)));
    }
    case 'UNDER_REVIEW':
    case 'AWAITING_DECISION':
      // A duplicate held for the identity check: the college has decided, the gateway's answer is
      // awaited (its stage is due by the end of the registration day, item 53).
      if (s.heldDecision) return of('IDENTITY_VERIFIED', endOfAlmatyDay(d.registrationDate));
      return of('DECISION', decisionDeadline(s));
    case 'HEARING_PENDING':
      return of('HEARING_HELD', endOfAlmatyDay(s.preliminaryRefusal!.hearingLatest));
    case 'DECIDED':
    case 'RESULT_IN_TRANSIT':
      // Items 58-59: the result reaches the PSC no later than one day before the term ends.
      return app.resultPlace.kind === 'PSC' ? of('RESULT_READY', d.resultToPscLatest) : null;
    default:
      return null;
  }
}
