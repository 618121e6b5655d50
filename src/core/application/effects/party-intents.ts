/**
 * Who is told what about an event (items 49-62, and a revised term): the portal's personal
 * cabinet, the PSC branch, the e-government gateway, the college, the courier, the digital
 * documents service. The texts are the core's (texts/).
 */
import { almatyDate, type ClassifiedCalendar } from '../../calendar/index.js';
import { resultPickupWindow } from '../../deadlines/index.js';
import type { Application, PresentedDocument } from '../model.js';
import { acceptedStatus, refusalMotivation, termRevisedStatus } from '../texts/intake-texts.js';
import {
  hearingNoticeText,
  officeReceiptText,
  placeText,
  readyText,
  refusalAtPlaceText,
  refusalText,
} from '../texts/decision-texts.js';
import { isIntakeRefusal } from '../workflow/decide-intake.js';
import type {
  ApplicationEvent,
  DeadlinesRevised,
  IntakeRefused,
  PreliminaryRefusalIssued,
  ResultReady,
} from '../workflow/events.js';
import type { ApplicationState } from '../workflow/state.js';
import type { Intent, PortalNotice, PscNotice, TermRevisedNotice } from './intents.js';

/** Notices of the personal cabinet go to whoever filed: the representative of a minor, else the applicant. */
function toPortal(app: Application, notice: PortalNotice): Intent {
  return { type: 'NotifyPortal', recipientIin: app.representative?.iin ?? app.applicant.iin, notice };
}

/**
 * About the application (receipt, refusal receipt, hearing notice, revised term, a result waiting
 * at the college office): the PSC branch that accepted the documents, or the one chosen for the result.
 */
function toPsc(app: Application, notice: PscNotice): Intent {
  const branchId = app.psc?.branchId ?? (app.resultPlace.kind === 'PSC' ? app.resultPlace.branchId : '');
  return { type: 'NotifyPsc', branchId, notice };
}

/**
 * About the paper result kept for hand-over (items 61-62): the branch it is delivered to and kept
 * at, which the applicant chose as the place of receipt, not the one that accepted the documents.
 */
function toResultBranch(branchId: string, notice: PscNotice): Intent {
  return { type: 'NotifyPsc', branchId, notice };
}

/** The representative files for a minor, but the identity checked is the learner's (item 49). */
function identityRequest(app: Application, s: ApplicationState): Intent {
  return {
    type: 'RequestIdentity',
    requestId: s.identity!.requestId!,
    iin: app.applicant.iin,
    attempt: s.identity!.attempt,
  };
}

/** Which presented document a missing-document finding is about, where one is named. */
function documentTypeOf(code: string): PresentedDocument['type'] | null {
  if (code === 'ORIGINAL_DOCUMENT_MISSING') return 'ORIGINAL_EDUCATION_DOCUMENT';
  if (code === 'IDENTITY_DOCUMENT_MISSING') return 'ID_CARD';
  if (code === 'APPLICATION_FORM_MISSING') return 'APPLICATION_FORM';
  return null;
}

function intakeRefusal(app: Application, e: IntakeRefused): Intent[] {
  const motivation = refusalMotivation(e.findings.filter(isIntakeRefusal));
  if (app.channel === 'PORTAL') return [toPortal(app, { kind: 'INTAKE_REFUSED', motivation })];
  if (app.channel !== 'PSC') return [];
  const submittedOn = almatyDate(app.submittedAt);
  return [
    toPsc(app, {
      kind: 'REFUSAL_RECEIPT',
      receiptNumber: e.refusalReceipt.receiptNumber,
      motivation,
      missingDocuments: e.refusalReceipt.missingDocuments
        .map((m) => documentTypeOf(m.code))
        .filter((t): t is NonNullable<typeof t> => t !== null),
      expiredDocuments: app.presentedDocuments.filter((d) => d.validUntil !== undefined && d.validUntil < submittedOn),
    }),
  ];
}

function termRevised(app: Application, e: DeadlinesRevised): Intent[] {
  if (!e.termEndChanged) return [];
  const notice: TermRevisedNotice = {
    kind: 'TERM_REVISED',
    previousTermEndDate: e.previous.deadlines.termEndDate,
    termEndDate: e.revised.deadlines.termEndDate,
    serviceTermEndsAt: e.revised.deadlines.termEndsAt,
    provisional: e.calendar.provisional,
    calendarVersion: e.calendar.calendarVersion,
    status: termRevisedStatus(e.previous.deadlines.termEndDate, e.revised.deadlines.termEndDate),
  };
  if (app.channel === 'PORTAL') return [toPortal(app, notice)];
  if (app.channel === 'PSC') return [toPsc(app, notice)];
  return [];
}

/** The PSC receipt number when there is one (a portal application with a PSC place has none), else the id. */
function receiptNumberOf(app: Application): string {
  return app.psc?.receiptNumber ?? app.applicationId;
}

/**
 * Items 49, 54, 57: the application for the college, once, with identity when the gateway found
 * the person; again, as IDENTITY_CHECKED, when a check still running at the sending ends.
 */
function toCollege(
  app: Application,
  s: ApplicationState,
  dispatchRegisterId: string | null,
  office: boolean,
  purpose: 'APPLICATION' | 'IDENTITY_CHECKED' = 'APPLICATION',
): Intent {
  const d = s.deadlines!;
  const failure = s.identity?.status === 'FAILED' ? s.identity.failure : null;
  return {
    type: 'SendToCollege',
    purpose,
    registerNumber: receiptNumberOf(app),
    dispatchRegisterId,
    registrationDate: d.registrationDate,
    serviceTermEndsAt: d.termEndsAt,
    identity: s.identity?.person ?? null,
    identityFailure: failure ? { ...failure } : null,
    officeReceipt: office
      ? {
          receiptNumber: app.applicationId,
          acceptedAt: app.submittedAt,
          resultDueOn: d.termEndDate,
          text: officeReceiptText(app.applicationId, d.termEndDate),
        }
      : null,
  };
}

/** Item 58 (R15): the notice goes to the applicant where the application came from; the office notifies its own. */
function hearingNotice(app: Application, e: PreliminaryRefusalIssued): Intent[] {
  const venue = e.hearing.venue.kind === 'PLACE' ? e.hearing.venue.address : e.hearing.venue.description;
  const text = hearingNoticeText(e.ground, e.motivation, e.hearing.at, venue, e.objectionWindowEnd);
  const notice = {
    kind: 'HEARING_NOTICE' as const,
    ground: e.ground,
    hearingAt: e.hearing.at,
    hearingPlaceOrWay: venue,
    objectionDeadline: e.objectionWindowEnd,
    text,
  };
  if (app.channel === 'PORTAL') return [toPortal(app, notice)];
  if (app.channel === 'PSC') return [toPsc(app, { ...notice, receiptNumber: receiptNumberOf(app) })];
  return [];
}

/** Item 58: a PSC applicant's result at the college office: what it is (with the motivation of a refusal) and where. */
function resultAtCollege(app: Application, s: ApplicationState, e: ResultReady): PscNotice {
  const d = s.decision;
  const digital = d?.outcome === 'DUPLICATE_ISSUED' && d.digitalPublishedAt !== null;
  const refused = d?.outcome === 'REFUSED' ? d : null;
  return {
    kind: 'RESULT_AT_COLLEGE',
    receiptNumber: receiptNumberOf(app),
    resultKind: e.outcome === 'DUPLICATE' ? 'DUPLICATE' : 'MOTIVATED_REFUSAL',
    readyAt: e.at,
    collegeBin: app.collegeBin,
    placeAddress: placeText(e.place, app.collegeName).ru,
    refusalGround: refused?.ground ?? null,
    digitalDiplomaPublished: digital,
    text: refused
      ? refusalAtPlaceText(refused.ground, refused.motivation, e.place, app.collegeName)
      : readyText(e.place, app.collegeName, digital),
  };
}

/**
 * Items 58-59: the result at its place: the PSC keeps it for hand-over; a portal applicant is told
 * where; a PSC applicant whose result waits at the college office is told through the PSC.
 */
function resultReady(app: Application, s: ApplicationState, e: ResultReady): Intent[] {
  const out: Intent[] = [];
  if (e.place.kind === 'PSC' && e.storageEnd) {
    const resultKind = e.outcome === 'DUPLICATE' ? 'DUPLICATE' : 'MOTIVATED_REFUSAL';
    out.push(
      toResultBranch(e.place.branchId, {
        kind: 'RESULT_READY_FOR_HANDOVER',
        receiptNumber: receiptNumberOf(app),
        resultKind,
        arrivedAt: e.at,
        keepUntil: e.storageEnd,
      }),
    );
  }
  // A PSC applicant who chose the college office (or named the portal): the result does not travel
  // to the PSC, so the PSC that accepted the documents tells the applicant, duplicate or refusal.
  if (app.channel === 'PSC' && e.place.kind !== 'PSC') out.push(toPsc(app, resultAtCollege(app, s, e)));
  if (app.channel === 'PORTAL' && e.outcome === 'DUPLICATE' && !e.afterReturn) {
    const digital = s.decision?.outcome === 'DUPLICATE_ISSUED' && s.decision.digitalPublishedAt !== null;
    const place = placeText(e.place, app.collegeName);
    out.push(
      toPortal(app, {
        kind: 'READY',
        resultPlace: e.place,
        placeAddress: place.ru,
        digitalDiplomaPublished: digital,
        text: readyText(e.place, app.collegeName, digital),
      }),
    );
  }
  return out;
}

/** Items 58-59, 62: a PSC place: the paper result goes by courier, with the order planned in the state. */
function resultDispatch(app: Application, s: ApplicationState, at: string, cal: ClassifiedCalendar): Intent[] {
  const planned = s.result?.plannedDispatch;
  if (app.resultPlace.kind !== 'PSC' || !planned) return [];
  const resultKind = s.result?.outcome === 'DUPLICATE' ? 'DUPLICATE' : 'MOTIVATED_REFUSAL';
  return [
    {
      type: 'OrderResultDispatch',
      dispatchId: planned.dispatchId,
      resultKind,
      toBranchId: app.resultPlace.branchId,
      deliverBy: planned.deliverBy,
      pickupWindow: resultPickupWindow(cal, at, planned.deliverBy),
    },
  ];
}

/** The event sent the application to the college (state.sentToCollegeAt is set by it): once per application. */
function reachesCollege(before: ApplicationState, after: ApplicationState): boolean {
  return !before.sentToCollegeAt && !!after.sentToCollegeAt;
}

export function partyIntents(
  event: ApplicationEvent,
  before: ApplicationState,
  after: ApplicationState,
  cal: ClassifiedCalendar,
): Intent[] {
  const app = after.application!;
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const d = event.deadlines;
      const accepted: PortalNotice = {
        kind: 'ACCEPTED',
        registrationDate: d.registrationDate,
        serviceTermEndsAt: d.termEndsAt,
        status: acceptedStatus(d.registrationDate, d.termEndDate),
      };
      return [toPortal(app, accepted), identityRequest(app, after)];
    }
    case 'ApplicationAccepted': {
      // The office: the application is at the college already (with the office's receipt), its identity checked beside.
      if (app.channel !== 'PSC') {
        const sent = reachesCollege(before, after) ? [toCollege(app, after, null, true)] : [];
        return [identityRequest(app, after), ...sent];
      }
      const d = event.deadlines;
      const receipt: PscNotice = {
        kind: 'RECEIPT',
        receiptNumber: event.receipt.receiptNumber,
        acceptedAt: event.receipt.acceptedAt,
        registrationDate: d.registrationDate,
        serviceTermEndsAt: d.termEndsAt,
      };
      return [toPsc(app, receipt), identityRequest(app, after)];
    }
    case 'IntakeRefused':
      return intakeRefusal(app, event);
    case 'IdentityCheckRetried':
    case 'IdentityRequestRepeated':
      return [identityRequest(app, after)];
    case 'DeadlinesRevised':
      return termRevised(app, event);
    case 'IdentityVerified':
    case 'IdentityFailed':
      // A portal application reaches the college when its identity check is over, verified or failed (item 49).
      if (reachesCollege(before, after)) return [toCollege(app, after, null, false)];
      // One already there (office; PSC delivered first) learns how the check ended: the G1 ground rests on it.
      if (!before.sentToCollegeAt) return [];
      return [toCollege(app, after, after.register?.registerId ?? null, false, 'IDENTITY_CHECKED')];
    case 'DeliveredToCollege':
      return reachesCollege(before, after) ? [toCollege(app, after, event.registerId, false)] : [];
    case 'PreliminaryRefusalIssued':
      return hearingNotice(app, event);
    case 'DuplicateIssued':
      return resultDispatch(app, after, event.at, cal);
    case 'DigitalDiplomaPublished':
      return [
        {
          type: 'PublishDigitalDiploma',
          documentKind: event.requestedDocument,
          series: event.series,
          number: event.number,
          // The paper duplicate's date of issue (items 59-60: the digital diploma is the same document).
          issuedOn: event.issuedOn,
        },
      ];
    case 'ApplicationRefused': {
      const refused =
        app.channel === 'PORTAL'
          ? [
              toPortal(app, {
                kind: 'REFUSED',
                ground: event.ground,
                text: refusalText(event.ground, event.motivation),
              }),
            ]
          : [];
      return [...refused, ...resultDispatch(app, after, event.at, cal)];
    }
    case 'ResultRequestedBack':
      return resultDispatch(app, after, event.at, cal);
    case 'ResultReady':
      return resultReady(app, after, event);
    case 'ReturnToCollegeDue':
      if (app.resultPlace.kind !== 'PSC') return [];
      return [
        toResultBranch(app.resultPlace.branchId, {
          kind: 'RETURN_TO_COLLEGE_DUE',
          receiptNumber: receiptNumberOf(app),
          collegeBin: app.collegeBin,
          storageEndedOn: event.storageEnd,
        }),
      ];
    default:
      return [];
  }
}
