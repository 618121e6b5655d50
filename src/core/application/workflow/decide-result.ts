/**
 * The result on its way to the applicant: to the PSC by courier no later than one day before the
 * term ends (items 58-59, R14, R16), or a "ready" notice naming the place for portal / office
 * (item 58); hand-over (item 61, R12); one month of PSC storage, return to the college and
 * request back (item 62, R13).
 */
import { pscStorageEnd } from '../../deadlines/index.js';
import type { IdentityDocumentType } from '../model.js';
import type {
  CourierSlot,
  DeliverResultToPsc,
  DispatchResult,
  HandOver,
  NotifyResultReady,
  RecordStorageElapsed,
  RequestResultBack,
  ReturnToCollege,
} from './commands.js';
import type { ApplicationEvent, ResultOutcome } from './events.js';
import { appOf, checkFields, requirePhase, type Rejected } from './guards.js';
import { accept, reject, type DecideResult } from './rejection.js';
import type { ApplicationState, Phase } from './state.js';
import { almatyDate, endOfAlmatyDay } from './time.js';

const IDENTITY_DOCUMENTS: IdentityDocumentType[] = ['ID_CARD', 'PASSPORT', 'BIRTH_CERTIFICATE', 'DIGITAL_DOCUMENT'];

type ResultCommand =
  DispatchResult | DeliverResultToPsc | NotifyResultReady | HandOver | ReturnToCollege | RequestResultBack;

function requirePlace(state: ApplicationState, cmd: ResultCommand, psc: boolean): Rejected | null {
  const place = appOf(state).app.resultPlace;
  if ((place.kind === 'PSC') === psc) return null;
  return reject(
    'NOT_APPLICABLE_TO_RESULT_PLACE',
    state.phase,
    cmd,
    psc
      ? `the applicant chose ${place.kind} as the place of receipt; only a PSC result travels by courier and is stored at the PSC (items 58-59, 62).`
      : 'the applicant chose a PSC branch as the place of receipt; the result goes there by courier (DispatchResult), not by a ready notice.',
    { resultPlace: place.kind },
  );
}

function outcomeOf(state: ApplicationState): ResultOutcome {
  return state.decision?.outcome === 'DUPLICATE_ISSUED' ? 'DUPLICATE' : 'REFUSAL';
}

function dispatchedEvent(
  state: ApplicationState,
  cmd: DispatchResult | DeliverResultToPsc,
  slot: CourierSlot,
): ApplicationEvent {
  const { app, deadlines } = appOf(state);
  const afterReturn = state.phase === 'REQUESTED_BACK';
  return {
    type: 'ResultDispatched',
    applicationId: cmd.applicationId,
    at: cmd.at,
    dispatchId: cmd.dispatchId,
    courierSlot: { slotId: slot.slotId, pickupAt: slot.pickupAt },
    outcome: outcomeOf(state),
    fromCollegeBin: app.collegeBin,
    toBranchId: app.resultPlace.kind === 'PSC' ? app.resultPlace.branchId : '',
    afterReturn,
    // Items 58-59: no later than one day before the term ends; item 62 sets no term for the way back.
    stageDeadline: afterReturn ? null : deadlines.resultToPscLatest,
  };
}

const BEFORE_DISPATCH: Phase[] = ['DECIDED', 'REQUESTED_BACK'];

/** The courier's shipment must be the one the result travels with (the order's id), else it is refused. */
function requireDispatch(state: ApplicationState, cmd: DispatchResult | DeliverResultToPsc): Rejected | null {
  // Before a pick-up the order planned is expected; after it, the shipment picked up.
  const planned = state.result?.plannedDispatch?.dispatchId ?? null;
  const expected = BEFORE_DISPATCH.includes(state.phase) ? planned : (state.result?.dispatch?.dispatchId ?? planned);
  if (expected === null || expected === cmd.dispatchId) return null;
  return reject(
    'DISPATCH_MISMATCH',
    state.phase,
    cmd,
    `the result travels in dispatch ${expected}, not ${cmd.dispatchId}; check the courier's message.`,
    { expected },
  );
}

/**
 * Items 58-59, 62: the courier picked the result up (for the PSC). A repeated pick-up changes
 * nothing; a pick-up reported after its delivery changes nothing either.
 */
export function decideDispatchResult(state: ApplicationState, cmd: DispatchResult): DecideResult<ApplicationEvent> {
  const slot = cmd.courierSlot ?? { slotId: cmd.dispatchId, pickupAt: cmd.at };
  const bad =
    requirePlace(state, cmd, true) ??
    checkFields(state, cmd, [
      ['dispatchId', 'text', cmd.dispatchId],
      ['courierSlot.slotId', 'text', slot.slotId],
      ['courierSlot.pickupAt', 'instant', slot.pickupAt],
    ]) ??
    requireDispatch(state, cmd);
  if (bad) return bad;
  if (state.result?.dispatch?.dispatchId === cmd.dispatchId) return accept();
  const phaseBad = requirePhase(
    state,
    cmd,
    BEFORE_DISPATCH,
    'dispatching the result to the PSC (after the decision, or when requested back)',
  );
  if (phaseBad) return phaseBad;
  return accept(dispatchedEvent(state, cmd, slot));
}

/**
 * The courier delivered the result to the PSC branch: ready for hand-over (item 61). A delivery
 * without its pick-up records both; a repeated delivery changes nothing.
 */
export function decideDeliverResultToPsc(
  state: ApplicationState,
  cmd: DeliverResultToPsc,
): DecideResult<ApplicationEvent> {
  const bad =
    requirePlace(state, cmd, true) ??
    checkFields(state, cmd, [['dispatchId', 'text', cmd.dispatchId]]) ??
    requireDispatch(state, cmd);
  if (bad) return bad;
  const delivered = state.result?.dispatch?.dispatchId === cmd.dispatchId && state.phase !== 'RESULT_IN_TRANSIT';
  if (delivered) return accept();
  const events: ApplicationEvent[] = [];
  if (BEFORE_DISPATCH.includes(state.phase))
    events.push(dispatchedEvent(state, cmd, { slotId: cmd.dispatchId, pickupAt: cmd.at }));
  else {
    const phaseBad = requirePhase(state, cmd, ['RESULT_IN_TRANSIT'], 'delivering the result to the PSC');
    if (phaseBad) return phaseBad;
  }
  const { app, deadlines } = appOf(state);
  const readyOn = almatyDate(cmd.at);
  const afterReturn = state.result?.returnedAt != null;
  events.push({
    type: 'ResultReady',
    applicationId: cmd.applicationId,
    at: cmd.at,
    place: { ...app.resultPlace },
    outcome: outcomeOf(state),
    readyOn,
    storageEnd: pscStorageEnd(readyOn),
    afterReturn,
    // Items 58-59: the result is due at the PSC no later than one day before the term ends.
    stageDeadline: afterReturn ? null : deadlines.resultToPscLatest,
  });
  return accept(...events);
}

/** Item 62: the storage timer fires: the month is over (the day after storage end), once. */
export function decideStorageElapsed(
  state: ApplicationState,
  cmd: RecordStorageElapsed,
): DecideResult<ApplicationEvent> {
  const r = state.result;
  if (state.phase !== 'READY' || r?.place.kind !== 'PSC' || !r.storageEnd || r.returnDueAt) return accept();
  if (almatyDate(cmd.at) <= r.storageEnd) return accept();
  return accept({ type: 'ReturnToCollegeDue', applicationId: cmd.applicationId, at: cmd.at, storageEnd: r.storageEnd });
}

/** Portal and office places: the result is ready at the college office as soon as it is decided (item 58). */
export function readyAtCollege(state: ApplicationState, at: string, outcome: ResultOutcome): ApplicationEvent {
  const { app, deadlines } = appOf(state);
  return {
    type: 'ResultReady',
    applicationId: app.applicationId,
    at,
    place: { ...app.resultPlace },
    outcome,
    readyOn: almatyDate(at),
    storageEnd: null,
    afterReturn: false,
    stageDeadline: deadlines.termEndsAt,
  };
}

export function decideNotifyResultReady(
  state: ApplicationState,
  cmd: NotifyResultReady,
): DecideResult<ApplicationEvent> {
  const bad =
    requirePlace(state, cmd, false) ?? requirePhase(state, cmd, ['DECIDED'], 'the "ready" notice (after the decision)');
  if (bad) return bad;
  const { app, deadlines } = appOf(state);
  return accept({
    type: 'ResultReady',
    applicationId: cmd.applicationId,
    at: cmd.at,
    place: { ...app.resultPlace },
    outcome: outcomeOf(state),
    readyOn: almatyDate(cmd.at),
    storageEnd: null,
    afterReturn: false,
    stageDeadline: deadlines.termEndsAt,
  });
}

export function decideHandOver(state: ApplicationState, cmd: HandOver): DecideResult<ApplicationEvent> {
  const bad =
    (state.phase === 'RETURNED_TO_COLLEGE'
      ? reject(
          'INVALID_TRANSITION',
          state.phase,
          cmd,
          'item 62: the result is stored at the college; the PSC requests it back (RequestResultBack) and hands it over when it arrives.',
        )
      : null) ??
    requirePhase(state, cmd, ['READY'], 'the hand-over (when the result is ready)') ??
    checkFields(state, cmd, [['operatorId', 'text', cmd.operatorId]]);
  if (bad) return bad;
  const identityDocument = IDENTITY_DOCUMENTS.find((d) => d === cmd.identityDocument);
  if (!identityDocument) {
    return reject(
      'INVALID_COMMAND',
      state.phase,
      cmd,
      'item 61: the hand-over needs the identity document presented (ID_CARD, PASSPORT, BIRTH_CERTIFICATE, DIGITAL_DOCUMENT).',
      {
        field: 'identityDocument',
      },
    );
  }
  const place = appOf(state).app.resultPlace;
  const expected = place.kind === 'PSC' ? 'PSC' : 'COLLEGE_OFFICE';
  if (cmd.place !== expected) {
    return reject(
      'NOT_APPLICABLE_TO_RESULT_PLACE',
      state.phase,
      cmd,
      `the result waits at ${expected}, not ${cmd.place}.`,
      { resultPlace: place.kind },
    );
  }
  const storageEnd = state.result?.storageEnd ?? null;
  return accept({
    type: 'HandedOver',
    applicationId: cmd.applicationId,
    at: cmd.at,
    place: cmd.place,
    operatorId: cmd.operatorId,
    identityDocument,
    stageDeadline: storageEnd ? endOfAlmatyDay(storageEnd) : null,
  });
}

export function decideReturnToCollege(state: ApplicationState, cmd: ReturnToCollege): DecideResult<ApplicationEvent> {
  const bad =
    requirePlace(state, cmd, true) ??
    requirePhase(state, cmd, ['READY'], 'returning the result to the college (after storage at the PSC)');
  if (bad) return bad;
  const storageEnd = state.result!.storageEnd!;
  if (almatyDate(cmd.at) <= storageEnd) {
    return reject(
      'STORAGE_PERIOD_NOT_OVER',
      state.phase,
      cmd,
      `item 62: the PSC keeps the result for one month, until ${storageEnd}; return it to the college after that day.`,
      { storageEnd },
    );
  }
  return accept({
    type: 'ReturnedToCollege',
    applicationId: cmd.applicationId,
    at: cmd.at,
    storageEnd,
    collegeBin: appOf(state).app.collegeBin,
    stageDeadline: null,
  });
}

export function decideRequestResultBack(
  state: ApplicationState,
  cmd: RequestResultBack,
): DecideResult<ApplicationEvent> {
  const bad =
    requirePlace(state, cmd, true) ??
    requirePhase(state, cmd, ['RETURNED_TO_COLLEGE'], 'requesting the result back from the college') ??
    checkFields(state, cmd, [['branchId', 'text', cmd.branchId]]);
  if (bad) return bad;
  return accept({ type: 'ResultRequestedBack', applicationId: cmd.applicationId, at: cmd.at, branchId: cmd.branchId });
}
