/**
 * Who is told what about an event (items 49-52, and a revised term): the portal's personal
 * cabinet, the PSC branch, the e-government gateway. The texts are the core's (texts/).
 */
import { almatyDate } from '../../calendar/index.js';
import type { Application, PresentedDocument } from '../model.js';
import { acceptedStatus, refusalMotivation, termRevisedStatus } from '../texts/intake-texts.js';
import { isIntakeRefusal } from '../workflow/decide-intake.js';
import type { ApplicationEvent, DeadlinesRevised, IntakeRefused } from '../workflow/events.js';
import type { ApplicationState } from '../workflow/state.js';
import type { Intent, PortalNotice, PscNotice, TermRevisedNotice } from './intents.js';

/** Notices of the personal cabinet go to whoever filed: the representative of a minor, else the applicant. */
function toPortal(app: Application, notice: PortalNotice): Intent {
  return { type: 'NotifyPortal', recipientIin: app.representative?.iin ?? app.applicant.iin, notice };
}

/** The PSC branch that accepted the documents, or the one chosen for the result. */
function toPsc(app: Application, notice: PscNotice): Intent {
  const branchId = app.psc?.branchId ?? (app.resultPlace.kind === 'PSC' ? app.resultPlace.branchId : '');
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

export function partyIntents(event: ApplicationEvent, after: ApplicationState): Intent[] {
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
      if (app.channel !== 'PSC') return [identityRequest(app, after)];
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
    default:
      return [];
  }
}
