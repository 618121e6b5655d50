/**
 * The college's answers to one application (items 57-60), as a pure function of the message, the
 * settings, the working-day calendar and the office hours. Every instant is counted in working
 * hours of the college office from the one before:
 *
 *   arrival (the message's occurredAt)
 *   -> REGISTERED, registrationDelayHours after the first office moment, on that same day (item 57)
 *   -> reviewHours later: DUPLICATE_ISSUED                                   (path ISSUE)
 *                      or PRELIMINARY_REFUSAL, the notice sent at that instant (HEARING_*)
 *   -> hearingAfterNoticeHours later the hearing (no later than 2 working days from the notice)
 *   -> HEARING_HELD when the hearing is over (HEARING_MINUTES later)
 *   -> decisionAfterHearingHours later: DUPLICATE_ISSUED or REFUSED on the ground heard
 *   -> collectionHours after DUPLICATE_ISSUED: RESULT_HANDED_OVER at the office (item 61), when
 *      the applicant collects it there (place PORTAL or COLLEGE_OFFICE; a PSC's result travels)
 *
 * Path SILENT stops after REGISTERED. Arrival is the message's occurredAt, not the moment it is
 * read, so a message read again (a restart, a redelivery) gives the same answers at the same
 * instants; what is already due is published at once, in order.
 */
import type { ClassifiedCalendar } from '../../core/calendar/index.js';
import { envelope } from '../../contract/envelope.js';
import { instantToMillis, millisToInstant } from '../../contract/logical-types.js';
import type {
  CollegeApplicationRegistered,
  CollegeDecisionKind,
  CollegeDecisionMessage,
  PresentedDocument,
} from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import { uuidV5 } from '../simulator-kit/deterministic-id.js';
import {
  addOfficeTime,
  addWorkingHours,
  dateOf,
  lastIntervalStart,
  MS_PER_MINUTE,
  sameOfficeDay,
  type OfficeHours,
} from '../simulator-kit/office-hours.js';
import type { PlannedStep } from '../simulator-kit/planned-responder.js';
import { drawCollege, noticeChannelFor, type CollegeDraws, type CollegeMix, type CollegePath } from './draws.js';
import { hearingPlaceOrWay, OBJECTION_SUMMARY, preliminaryMotivation, refusalMotivation } from './texts.js';

export interface CollegeSettings {
  readonly seed: number;
  readonly mix: CollegeMix;
  readonly objectionRate: number;
  readonly registrationDelayHours: number;
  readonly reviewHours: number;
  readonly hearingAfterNoticeHours: number;
  readonly decisionAfterHearingHours: number;
  readonly collectionHours: number;
}

/** How long a hearing lasts: HEARING_HELD is published this much office time after it began. */
export const HEARING_MINUTES = 30;
/** Item 58: the hearing is held no later than 2 working days from the day of the notice. */
export const HEARING_WORKING_DAYS = 2;
/** Series printed on the simulated duplicate forms. */
export const DUPLICATE_SERIES = 'ТКБ';

export interface CollegePlan {
  readonly path: CollegePath;
  readonly draws: CollegeDraws;
  readonly steps: PlannedStep<CollegeDecisionMessage>[];
}

/** The message id of one step of an application: the same on every run. */
export function decisionMessageId(applicationId: string, kind: CollegeDecisionKind): string {
  return uuidV5(`college.decisions:${applicationId}:${kind}`);
}

/**
 * The hearing `hearingAfterNoticeHours` after the notice, but no later than the second working
 * day after the notice's day (then at the start of that day's afternoon hours).
 */
export function hearingTime(
  cal: ClassifiedCalendar,
  office: OfficeHours,
  noticeMs: number,
  hearingAfterNoticeHours: number,
): number {
  const planned = addWorkingHours(office, noticeMs, hearingAfterNoticeHours);
  const latest = cal.addWorkingDays(dateOf(noticeMs), HEARING_WORKING_DAYS);
  return dateOf(planned) <= latest ? planned : Math.max(noticeMs, lastIntervalStart(office, latest));
}

export function planCollegeDecisions(
  app: CollegeApplicationRegistered,
  settings: CollegeSettings,
  cal: ClassifiedCalendar,
  office: OfficeHours,
): CollegePlan {
  const consent = app.form.personalDataConsent;
  const draws = drawCollege(settings.seed, app.applicationId, settings.mix, settings.objectionRate, consent);
  const year = (ms: number) => dateOf(ms).slice(0, 4);
  const steps: PlannedStep<CollegeDecisionMessage>[] = [];
  const add = (kind: CollegeDecisionKind, at: number, body: object) => {
    const header = {
      messageId: decisionMessageId(app.applicationId, kind),
      correlationId: app.correlationId,
      occurredAt: millisToInstant(at),
      applicationId: app.applicationId,
      collegeBin: app.collegeBin,
    };
    const value = envelope<CollegeDecisionMessage>(Topics.collegeDecisions, kind, body, header);
    steps.push({ at, label: kind, value });
  };
  const issue = (at: number) => {
    add('DUPLICATE_ISSUED', at, {
      documentKind: app.form.requestedDocument,
      series: DUPLICATE_SERIES,
      number: String(draws.formNumber).padStart(7, '0'),
      issuedOn: dateOf(at),
      registrationNumber: `№ ${draws.bookNumber}-Д/${year(at)}`,
    });
    if (app.resultPlace.kind === 'PSC') return;
    const handedOverAt = addWorkingHours(office, at, settings.collectionHours);
    add('RESULT_HANDED_OVER', handedOverAt, {
      handedOverAt: millisToInstant(handedOverAt),
      officerId: 'OFFICE-SIM',
      recipientIin: (app.form.representative ?? app.form.applicant).iin,
      identityDocument: identityDocumentOf(app),
    });
  };

  const registeredAt = sameOfficeDay(office, instantToMillis(app.occurredAt), settings.registrationDelayHours);
  add('REGISTERED', registeredAt, {
    registrationNumber: `№ ${draws.journalNumber}-Т/${year(registeredAt)}`,
    registeredAt: millisToInstant(registeredAt),
  });
  if (draws.path === 'SILENT') return { path: draws.path, draws, steps };

  const decidedAt = addWorkingHours(office, registeredAt, settings.reviewHours);
  if (draws.path === 'ISSUE') {
    issue(decidedAt);
    return { path: draws.path, draws, steps };
  }

  const noticeAt = decidedAt;
  const hearingAt = hearingTime(cal, office, noticeAt, settings.hearingAfterNoticeHours);
  const contact = app.form.representative ?? app.form.applicant;
  const noticeChannel = noticeChannelFor(contact);
  const ref = String(draws.reference).padStart(9, '0');
  add('PRELIMINARY_REFUSAL', noticeAt, {
    ground: draws.ground,
    motivationKk: preliminaryMotivation(draws.ground).kk,
    motivationRu: preliminaryMotivation(draws.ground).ru,
    hearingAt: millisToInstant(hearingAt),
    hearingPlaceOrWay: hearingPlaceOrWay(app.form.collegeName, draws.byVideo),
    noticeChannel,
    noticeSentAt: millisToInstant(noticeAt),
    noticeReference: noticeChannel === 'REGISTERED_LETTER' ? `RR${ref}KZ` : `${noticeChannel}-${ref}`,
  });

  const heldAt = addOfficeTime(office, hearingAt, HEARING_MINUTES * MS_PER_MINUTE);
  const objectionAt = Math.min(hearingAt, addWorkingHours(office, noticeAt, settings.hearingAfterNoticeHours / 2));
  add('HEARING_HELD', heldAt, {
    heldAt: millisToInstant(hearingAt),
    objectionFiled: draws.objection,
    objectionReceivedAt: draws.objection ? millisToInstant(objectionAt) : null,
    objectionSummary: draws.objection ? OBJECTION_SUMMARY : null,
  });

  const finalAt = addWorkingHours(office, heldAt, settings.decisionAfterHearingHours);
  if (draws.path === 'HEARING_ISSUE') {
    issue(finalAt);
  } else {
    const m = refusalMotivation(draws.ground);
    add('REFUSED', finalAt, {
      ground: draws.ground,
      motivationKk: m.kk,
      motivationRu: m.ru,
      decidedOn: dateOf(finalAt),
    });
  }
  return { path: draws.path, draws, steps };
}

/** The identity document presented at the office on collection: the one of the application, else an ID card. */
function identityDocumentOf(app: CollegeApplicationRegistered): PresentedDocument {
  const ids = ['ID_CARD', 'PASSPORT', 'BIRTH_CERTIFICATE', 'DIGITAL_DOCUMENT'];
  const presented = app.presentedDocuments.find((d) => ids.includes(d.type));
  if (presented) return presented;
  const known = app.identity?.documents.find((d) => ids.includes(d.type));
  return {
    type: known?.type ?? 'ID_CARD',
    number: known?.number ?? null,
    validUntil: known?.validUntil ?? null,
    holderIin: null,
  };
}
