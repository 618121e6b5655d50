/**
 * Identity data through the e-government gateway (item 49, R5). The identity check runs beside
 * the paper and college track: it may finish at any time before the college decides. The core
 * compares what the state register answers with the application (comparePerson); mismatches are
 * recorded for the college (candidates for ground G1), never decided here. The pacing of the
 * requests (attempts, backoff) is the identity policy of the context.
 */
import { almatyDate } from '../../calendar/index.js';
import { comparePerson } from '../../checks/compare-person.js';
import type { RecordIdentityAnswer, RecordIdentityOverdue, RetryIdentityCheck } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent } from './events.js';
import { issuedEvents } from './decide-college.js';
import { appOf, checkFields, requirePhase } from './guards.js';
import { identityCheckNumber, identityRequestId } from './identity-request-id.js';
import { accept, reject, type DecideResult } from './rejection.js';
import type { ApplicationState, IdentityStatus, Phase } from './state.js';
import { endOfAlmatyDay, later } from './time.js';

/** The identity check may complete until the college decides. */
export const IDENTITY_PHASES: readonly Phase[] = [
  'AWAITING_REGISTER_DISPATCH',
  'REGISTER_IN_TRANSIT',
  'AWAITING_REGISTRATION',
  'UNDER_REVIEW',
  'HEARING_PENDING',
  'AWAITING_DECISION',
];

type IdentityCommand = RecordIdentityAnswer | RecordIdentityOverdue | RetryIdentityCheck;

function requireIdentity(state: ApplicationState, cmd: IdentityCommand, allowed: IdentityStatus[]) {
  const status = state.identity?.status ?? 'PENDING';
  if (allowed.includes(status)) return null;
  return reject(
    'INVALID_TRANSITION',
    state.phase,
    cmd,
    `the identity check is ${status}; ${cmd.type} needs it ${allowed.join(' or ')}.`,
    {
      identity: status,
    },
  );
}

/**
 * The identity data is passed to the college with the application (item 49), so its stage is due
 * by the end of the registration day (item 53).
 */
function identityStageDeadline(state: ApplicationState): string {
  return endOfAlmatyDay(appOf(state).deadlines.registrationDate);
}

/**
 * Is `requestId` the request the application waits for? An answer that comes after the check gave
 * up waiting (NO_ANSWER) is still one of the current check (a FOUND verifies it). Any other request
 * of ours is late (ignored); a request id that is not ours is refused.
 */
function matchRequest(state: ApplicationState, cmd: RecordIdentityAnswer | RecordIdentityOverdue) {
  const id = state.identity;
  const waiting =
    id?.status === 'PENDING' || (cmd.type === 'RecordIdentityAnswer' && id?.failure?.reason === 'NO_ANSWER');
  if (waiting && id?.requestId === cmd.requestId) return 'CURRENT' as const;
  const n = identityCheckNumber(cmd.applicationId, cmd.requestId);
  if (n !== null && n <= (id?.retries ?? 0) + 1) return 'LATE' as const;
  return reject(
    'UNKNOWN_IDENTITY_REQUEST',
    state.phase,
    cmd,
    `no identity request ${cmd.requestId} was sent for this application; check the gateway's routing (replyTopic) or the topic prefix.`,
    { requestId: cmd.requestId },
  );
}

export function decideIdentityAnswer(
  state: ApplicationState,
  cmd: RecordIdentityAnswer,
): DecideResult<ApplicationEvent> {
  const bad = checkFields(state, cmd, [['requestId', 'text', cmd.requestId]]);
  if (bad) return bad;
  const match = matchRequest(state, cmd);
  if (typeof match === 'object') return match;
  // A duplicate or late answer (the check moved on): nothing changes.
  if (match === 'LATE' || !IDENTITY_PHASES.includes(state.phase)) return accept();
  // After the check failed (NO_ANSWER) only the person found changes it: a late NOT_FOUND or ERROR
  // says nothing new, and IDENTITY_FAILED is reported once per check.
  if (state.identity!.status === 'FAILED' && cmd.answer?.status !== 'FOUND') return accept();
  const base = { applicationId: cmd.applicationId, at: cmd.at, requestId: cmd.requestId };
  const attempt = state.identity!.attempt;
  switch (cmd.answer?.status) {
    case 'FOUND': {
      const { app } = appOf(state);
      if (cmd.answer.person?.iin !== app.applicant.iin) {
        // Another person's record is no answer: parked, and the request is repeated when its wait ends.
        return reject(
          'IDENTITY_ANSWER_IIN_MISMATCH',
          state.phase,
          cmd,
          `the gateway answered request ${cmd.requestId} with the record of another IIN than the one asked for; ` +
            'the answer was not used and the request will be repeated: report the answer to the gateway team.',
          { requestId: cmd.requestId },
        );
      }
      const findings = comparePerson(app, cmd.answer.person, almatyDate(app.submittedAt));
      const held = state.heldDecision;
      return accept(
        {
          ...base,
          type: 'IdentityVerified',
          person: cmd.answer.person,
          findings,
          stageDeadline: identityStageDeadline(state),
        },
        // A duplicate the college issued while the check ran takes effect now: at the answer, or at
        // the college's message when the answer was stamped earlier (the topics are not ordered).
        ...(held ? issuedEvents(state, cmd.applicationId, { ...held, at: later(held.at, cmd.at) }) : []),
      );
    }
    case 'NOT_FOUND':
      return accept({
        ...base,
        type: 'IdentityFailed',
        reason: 'NOT_FOUND',
        attempts: attempt,
        detail: null,
        stageDeadline: identityStageDeadline(state),
      });
    case 'ERROR':
      return accept({ ...base, type: 'IdentityAnswerErrored', attempt, errorCode: cmd.answer.errorCode || 'ERROR' });
    default:
      return reject(
        'INVALID_COMMAND',
        state.phase,
        cmd,
        'answer.status must be FOUND (with the person), NOT_FOUND or ERROR.',
        { field: 'answer.status' },
      );
  }
}

export function decideIdentityOverdue(
  state: ApplicationState,
  cmd: RecordIdentityOverdue,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const bad = checkFields(state, cmd, [['requestId', 'text', cmd.requestId]]);
  if (bad) return bad;
  const match = matchRequest(state, cmd);
  if (typeof match === 'object') return match;
  // The answer came (or the application moved on) before the timer: nothing to do.
  if (match === 'LATE' || !IDENTITY_PHASES.includes(state.phase)) return accept();
  const attempt = state.identity!.attempt;
  const base = { applicationId: cmd.applicationId, at: cmd.at, requestId: cmd.requestId };
  if (attempt >= ctx.policy.identity.maxAttempts) {
    return accept({
      ...base,
      type: 'IdentityFailed',
      reason: 'NO_ANSWER',
      attempts: attempt,
      detail: `no answer after ${attempt} requests`,
      stageDeadline: identityStageDeadline(state),
    });
  }
  return accept({ ...base, type: 'IdentityRequestRepeated', attempt: attempt + 1 });
}

export function decideIdentityRetry(state: ApplicationState, cmd: RetryIdentityCheck): DecideResult<ApplicationEvent> {
  const bad =
    requirePhase(state, cmd, IDENTITY_PHASES, 'a new identity check') ??
    requireIdentity(state, cmd, ['FAILED']) ??
    checkFields(state, cmd, [['operatorId', 'text', cmd.operatorId]]);
  if (bad) return bad;
  return accept({
    type: 'IdentityCheckRetried',
    applicationId: cmd.applicationId,
    at: cmd.at,
    requestId: identityRequestId(cmd.applicationId, (state.identity?.retries ?? 0) + 2),
    operatorId: cmd.operatorId,
  });
}
