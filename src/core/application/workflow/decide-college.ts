/**
 * The college: registration (item 57, R11), review, preliminary refusal and hearing, decision
 * (item 58, R14-R15; Appendix 6 p.9 grounds G1-G3), digital form (items 59-60, R17).
 */
import { collegeReviewDeadline, hearingLatest, objectionWindowEnd } from '../../deadlines/index.js';
import type { NoticeChannel, RefusalGround } from '../model.js';
import type {
  HoldHearing,
  IssueDuplicate,
  IssuePreliminaryRefusal,
  RefuseApplication,
  RegisterAtCollege,
} from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent, DeadlineFinding } from './events.js';
import { appOf, checkFields, rejectIfDecided, requirePhase } from './guards.js';
import { accept, reject, type DecideResult } from './rejection.js';
import { readyAtCollege } from './decide-result.js';
import { decideDeliverRegister } from './decide-register.js';
import type { ApplicationState } from './state.js';
import { evolve } from './evolve.js';
import { almatyDate, earlier, endOfAlmatyDay, isBefore, laterDate, workingDayOnOrAfter } from './time.js';

const GROUNDS: RefusalGround[] = ['G1_UNRELIABLE_DATA', 'G2_NONCOMPLIANT_DOCUMENTS', 'G3_NO_CONSENT'];
const NOTICE_CHANNELS: NoticeChannel[] = [
  'REGISTERED_LETTER',
  'TELEGRAM',
  'TELEPHONOGRAM',
  'SMS',
  'EMAIL',
  'OTHER_RECORDED',
];

/**
 * Item 57 (R11): registered on the day the documents arrive. For a PSC application that is the
 * delivery day (or the next working day of the college office); for portal and office
 * applications the registration day of item 53 (R8).
 */
function registrationDeadline(state: ApplicationState, ctx: DecideContext): string {
  const { app, deadlines } = appOf(state);
  if (app.channel === 'PSC' && state.register?.deliveredAt) {
    const arrived = workingDayOnOrAfter(ctx.calendar, almatyDate(state.register.deliveredAt));
    return endOfAlmatyDay(laterDate(arrived, deadlines.registrationDate));
  }
  return endOfAlmatyDay(deadlines.registrationDate);
}

/**
 * The decision is due within the 5-working-day review (item 58) and in time for the result to
 * reach the place of receipt: for the PSC one day before the term ends (items 58-59), otherwise
 * the end of the term (item 63). After a hearing only the second limit applies (item 58 lets the
 * hearing run past the review days).
 */
export function decisionDeadline(state: ApplicationState): string {
  const { app, deadlines } = appOf(state);
  const limit = app.resultPlace.kind === 'PSC' ? deadlines.resultToPscLatest : deadlines.termEndsAt;
  if (state.hearing || !state.college) return limit;
  return earlier(endOfAlmatyDay(state.college.reviewDeadline), limit);
}

export function decideRegisterAtCollege(
  state: ApplicationState,
  cmd: RegisterAtCollege,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  // Out of order, on purpose: the college registers a PSC application whose register delivery is
  // still on its way (the courier reports late): the documents are there, so they were delivered.
  const inTransit = state.phase === 'REGISTER_IN_TRANSIT' || state.phase === 'AWAITING_REGISTER_DISPATCH';
  if (inTransit && state.registerPlan) {
    const delivered = decideDeliverRegister(
      state,
      {
        type: 'DeliverRegister',
        applicationId: cmd.applicationId,
        at: cmd.at,
        registerId: state.register?.registerId ?? state.registerPlan.registerId,
      },
      ctx,
    );
    if (!delivered.ok) return delivered;
    const after = delivered.events.reduce(evolve, state);
    const registered = decideRegisterAtCollege(after, cmd, ctx);
    return registered.ok ? accept(...delivered.events, ...registered.events) : registered;
  }
  const bad =
    requirePhase(state, cmd, ['AWAITING_REGISTRATION'], 'registration at the college') ??
    checkFields(state, cmd, [['registrationNumber', 'text', cmd.registrationNumber]]);
  if (bad) return bad;
  const registeredOn = almatyDate(cmd.at);
  return accept({
    type: 'RegisteredAtCollege',
    applicationId: cmd.applicationId,
    at: cmd.at,
    registrationNumber: cmd.registrationNumber,
    registeredOn,
    reviewDeadline: collegeReviewDeadline(ctx.calendar, registeredOn),
    stageDeadline: registrationDeadline(state, ctx),
  });
}

export function decidePreliminaryRefusal(
  state: ApplicationState,
  cmd: IssuePreliminaryRefusal,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const venue = cmd.hearing?.venue;
  const bad =
    rejectIfDecided(state, cmd) ??
    requirePhase(state, cmd, ['UNDER_REVIEW'], 'a preliminary refusal (once, after registration)') ??
    checkFields(state, cmd, [
      ['motivation.kk', 'text', cmd.motivation?.kk],
      ['motivation.ru', 'text', cmd.motivation?.ru],
      ['hearing.at', 'instant', cmd.hearing?.at],
      [
        'hearing.venue',
        'text',
        venue?.kind === 'PLACE' ? venue.address : venue?.kind === 'WAY' ? venue.description : undefined,
      ],
      ...(cmd.noticeReceivedOn === undefined
        ? []
        : [['noticeReceivedOn', 'date', cmd.noticeReceivedOn] as ['noticeReceivedOn', 'date', unknown]]),
    ]);
  if (bad) return bad;
  if (!GROUNDS.includes(cmd.ground)) {
    return reject(
      'INVALID_COMMAND',
      state.phase,
      cmd,
      `ground must be one of ${GROUNDS.join(', ')} (Appendix 6 p.9).`,
      { field: 'ground' },
    );
  }
  if (!NOTICE_CHANNELS.includes(cmd.noticeChannel)) {
    return reject(
      'INVALID_COMMAND',
      state.phase,
      cmd,
      `noticeChannel must be one of ${NOTICE_CHANNELS.join(', ')} (item 58).`,
      {
        field: 'noticeChannel',
      },
    );
  }
  if (isBefore(cmd.hearing.at, cmd.at)) {
    return reject(
      'HEARING_BEFORE_NOTICE',
      state.phase,
      cmd,
      `the hearing (${cmd.hearing.at}) cannot be before the notice (${cmd.at}); correct the hearing time at the college and resend.`,
    );
  }
  const { deadlines } = appOf(state);
  const noticeDate = almatyDate(cmd.at);
  const noticeReceivedOn = cmd.noticeReceivedOn ?? noticeDate;
  if (noticeReceivedOn < noticeDate) {
    return reject('INVALID_COMMAND', state.phase, cmd, 'noticeReceivedOn cannot be before the notice was sent.', {
      field: 'noticeReceivedOn',
    });
  }
  const latestHearing = hearingLatest(ctx.calendar, noticeDate);
  const findings: DeadlineFinding[] = [];
  if (noticeDate > deadlines.hearingNoticeLatest) {
    findings.push({
      code: 'HEARING_NOTICE_LATE',
      message: `Item 58: the hearing notice is due no later than ${deadlines.hearingNoticeLatest} (3 working days before the term ends on ${deadlines.termEndDate}); it went out on ${noticeDate}.`,
    });
  }
  if (almatyDate(cmd.hearing.at) > latestHearing) {
    findings.push({
      code: 'HEARING_SCHEDULED_TOO_LATE',
      message: `Item 58: the hearing is due no later than ${latestHearing} (2 working days from the notice); it is set for ${almatyDate(cmd.hearing.at)}.`,
    });
  }
  return accept({
    type: 'PreliminaryRefusalIssued',
    applicationId: cmd.applicationId,
    at: cmd.at,
    ground: cmd.ground,
    motivation: { kk: cmd.motivation.kk, ru: cmd.motivation.ru },
    hearing: { at: cmd.hearing.at, venue: { ...cmd.hearing.venue } },
    noticeChannel: cmd.noticeChannel,
    noticeDate,
    noticeReceivedOn,
    hearingLatest: latestHearing,
    objectionWindowEnd: objectionWindowEnd(ctx.calendar, noticeReceivedOn),
    findings,
    stageDeadline: endOfAlmatyDay(deadlines.hearingNoticeLatest),
  });
}

/** Item 58: what is recorded of an objection the college reported without a summary of it. */
export const OBJECTION_SUMMARY_NOT_GIVEN = 'Objection received; the college sent no summary of it.';

export function decideHoldHearing(state: ApplicationState, cmd: HoldHearing): DecideResult<ApplicationEvent> {
  const bad =
    rejectIfDecided(state, cmd) ??
    requirePhase(state, cmd, ['HEARING_PENDING'], 'holding the hearing (after the preliminary refusal)') ??
    (cmd.objection === null
      ? null
      : checkFields(state, cmd, [
          ['objection.receivedOn', 'date', cmd.objection.receivedOn],
          // A summary the college did not give is null (recorded with the default); an empty one is malformed.
          ['objection.summary', 'text', cmd.objection.summary ?? OBJECTION_SUMMARY_NOT_GIVEN],
        ]));
  if (bad) return bad;
  const pre = state.preliminaryRefusal!;
  if (cmd.objection && cmd.objection.receivedOn < pre.noticeDate) {
    return reject(
      'INVALID_COMMAND',
      state.phase,
      cmd,
      `an objection cannot be received before the notice of ${pre.noticeDate}.`,
      {
        field: 'objection.receivedOn',
      },
    );
  }
  const findings: DeadlineFinding[] = [];
  const heldOn = almatyDate(cmd.at);
  if (heldOn > pre.hearingLatest) {
    findings.push({
      code: 'HEARING_HELD_LATE',
      message: `Item 58: the hearing was due no later than ${pre.hearingLatest}; it was held on ${heldOn}.`,
    });
  }
  if (cmd.objection && cmd.objection.receivedOn > pre.objectionWindowEnd) {
    findings.push({
      code: 'OBJECTION_AFTER_WINDOW',
      message: `Item 58: objections were due by ${pre.objectionWindowEnd}; this one came on ${cmd.objection.receivedOn}.`,
    });
  }
  return accept({
    type: 'HearingHeld',
    applicationId: cmd.applicationId,
    at: cmd.at,
    objection: cmd.objection
      ? { receivedOn: cmd.objection.receivedOn, summary: cmd.objection.summary ?? OBJECTION_SUMMARY_NOT_GIVEN }
      : null,
    findings,
    stageDeadline: endOfAlmatyDay(pre.hearingLatest),
  });
}

function rejectIfHearingPending(state: ApplicationState, cmd: IssueDuplicate | RefuseApplication) {
  if (state.phase !== 'HEARING_PENDING') return null;
  return reject(
    'HEARING_NOT_HELD',
    state.phase,
    cmd,
    `item 58: after a preliminary refusal the college decides only after the hearing (due by ${state.preliminaryRefusal?.hearingLatest}); send the hearing result first.`,
  );
}

export function decideIssueDuplicate(state: ApplicationState, cmd: IssueDuplicate): DecideResult<ApplicationEvent> {
  const bad =
    rejectIfDecided(state, cmd) ??
    rejectIfHearingPending(state, cmd) ??
    requirePhase(state, cmd, ['UNDER_REVIEW', 'AWAITING_DECISION'], 'issuing the duplicate (after registration)') ??
    checkFields(state, cmd, [
      ['series', 'text', cmd.series],
      ['number', 'text', cmd.number],
      ['issuedOn', 'date', cmd.issuedOn],
    ]);
  if (bad) return bad;
  const decision = { at: cmd.at, series: cmd.series, number: cmd.number, issuedOn: cmd.issuedOn };
  const status = state.identity?.status ?? 'PENDING';
  // The check is still running beside the paper track: the decision is kept until it ends (item 49).
  if (status === 'PENDING')
    return accept({ type: 'DuplicateIssueHeld', applicationId: cmd.applicationId, ...decision });
  if (status !== 'VERIFIED') {
    return reject(
      'IDENTITY_NOT_VERIFIED',
      state.phase,
      cmd,
      `the gateway has not confirmed the applicant's identity (identity check ${status}, item 49); retry the identity check, or refuse on ground G1 after a hearing.`,
      { identity: status },
    );
  }
  return accept(...issuedEvents(state, cmd.applicationId, decision));
}

/**
 * The events of an issued duplicate: the decision, its digital form (items 59-60) and, for a
 * portal or office place, the result ready at the college office (item 58). `at` is when it takes
 * effect: the college's message, or the identity verification a held decision waited for.
 */
export function issuedEvents(
  state: ApplicationState,
  applicationId: string,
  decision: { at: string; series: string; number: string; issuedOn: string },
): ApplicationEvent[] {
  const { app } = appOf(state);
  const common = {
    applicationId,
    at: decision.at,
    series: decision.series,
    number: decision.number,
    issuedOn: decision.issuedOn,
    requestedDocument: app.requestedDocument,
    stageDeadline: decisionDeadline(state),
  };
  const events: ApplicationEvent[] = [
    { ...common, type: 'DuplicateIssued', afterHearing: state.hearing !== null },
    { ...common, type: 'DigitalDiplomaPublished', applicantIin: app.applicant.iin },
  ];
  // Portal and office places: the paper duplicate waits at the college office from now (item 58).
  if (app.resultPlace.kind !== 'PSC') events.push(readyAtCollege(state, decision.at, 'DUPLICATE'));
  return events;
}

export function decideRefuse(state: ApplicationState, cmd: RefuseApplication): DecideResult<ApplicationEvent> {
  const bad =
    rejectIfDecided(state, cmd) ??
    rejectIfHearingPending(state, cmd) ??
    (state.phase === 'UNDER_REVIEW'
      ? reject(
          'PRELIMINARY_REFUSAL_REQUIRED',
          state.phase,
          cmd,
          'item 58: a refusal needs a preliminary refusal with a hearing first; send the preliminary refusal and the hearing notice.',
        )
      : null) ??
    requirePhase(state, cmd, ['AWAITING_DECISION'], 'a motivated refusal (after the hearing)') ??
    checkFields(state, cmd, [
      ['motivation.kk', 'text', cmd.motivation?.kk],
      ['motivation.ru', 'text', cmd.motivation?.ru],
    ]);
  if (bad) return bad;
  const heard = state.preliminaryRefusal!.ground;
  if (cmd.ground !== heard) {
    return reject(
      'REFUSAL_GROUND_NOT_HEARD',
      state.phase,
      cmd,
      `the applicant was heard on ground ${heard}, not ${cmd.ground}; a refusal on another ground needs its own preliminary refusal and hearing, which item 58 does not foresee after the hearing — refuse on ${heard} or issue the duplicate.`,
      { heardGround: heard },
    );
  }
  const refused: ApplicationEvent = {
    type: 'ApplicationRefused',
    applicationId: cmd.applicationId,
    at: cmd.at,
    ground: cmd.ground,
    motivation: { kk: cmd.motivation.kk, ru: cmd.motivation.ru },
    stageDeadline: decisionDeadline(state),
  };
  // The motivated refusal reaches a portal or office applicant at once (item 58); a PSC one travels by courier.
  if (appOf(state).app.resultPlace.kind === 'PSC') return accept(refused);
  return accept(refused, readyAtCollege(state, cmd.at, 'REFUSAL'));
}
