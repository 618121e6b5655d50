/**
 * Identity data through the e-government gateway (item 49, R5). The identity check runs beside
 * the paper and college track: it may finish at any time before the college decides. Mismatches
 * are recorded for the college (candidates for ground G1), never decided here.
 */
import type { RecordIdentityFailed, RecordIdentityVerified, RetryIdentityCheck } from './commands.js';
import type { ApplicationEvent } from './events.js';
import { appOf, checkFields, requirePhase } from './guards.js';
import { accept, reject, type DecideResult } from './rejection.js';
import type { ApplicationState, IdentityStatus, Phase } from './state.js';
import { endOfAlmatyDay } from './time.js';

/** The identity check may complete until the college decides. */
const IDENTITY_PHASES: Phase[] = [
  'AWAITING_REGISTER_DISPATCH',
  'REGISTER_IN_TRANSIT',
  'AWAITING_REGISTRATION',
  'UNDER_REVIEW',
  'HEARING_PENDING',
  'AWAITING_DECISION',
];

const IDENTITY_FINDING_CODES = new Set(['NAME_MISMATCH', 'DECEASED', 'DOCUMENT_INVALID']);

function requireIdentity(state: ApplicationState, cmd: { type: RecordIdentityVerified['type'] | RecordIdentityFailed['type'] | RetryIdentityCheck['type']; applicationId: string; at: string }, allowed: IdentityStatus[]) {
  const status = state.identity?.status ?? 'PENDING';
  if (allowed.includes(status)) return null;
  return reject(
    'INVALID_TRANSITION',
    state.phase,
    cmd,
    `the identity check is ${status}; ${cmd.type} needs it ${allowed.join(' or ')}. A duplicate gateway answer can be dropped.`,
    { identity: status },
  );
}

/**
 * The identity data is passed to the college with the application (item 49), so its stage is due
 * by the end of the registration day (item 53).
 */
function identityStageDeadline(state: ApplicationState): string {
  return endOfAlmatyDay(appOf(state).deadlines.registrationDate);
}

export function decideIdentityVerified(state: ApplicationState, cmd: RecordIdentityVerified): DecideResult<ApplicationEvent> {
  const bad =
    requirePhase(state, cmd, IDENTITY_PHASES, 'recording the identity check') ??
    requireIdentity(state, cmd, ['PENDING', 'FAILED']) ??
    checkFields(state, cmd, [['requestId', 'text', cmd.requestId]]);
  if (bad) return bad;
  if (!Array.isArray(cmd.findings) || cmd.findings.some((f) => !IDENTITY_FINDING_CODES.has(f?.code))) {
    return reject('INVALID_COMMAND', state.phase, cmd, 'findings must be a list of NAME_MISMATCH / DECEASED / DOCUMENT_INVALID.', {
      field: 'findings',
    });
  }
  return accept({
    type: 'IdentityVerified',
    applicationId: cmd.applicationId,
    at: cmd.at,
    requestId: cmd.requestId,
    findings: cmd.findings.map((f) => ({ code: f.code, detail: f.detail })),
    stageDeadline: identityStageDeadline(state),
  });
}

export function decideIdentityFailed(state: ApplicationState, cmd: RecordIdentityFailed): DecideResult<ApplicationEvent> {
  const bad =
    requirePhase(state, cmd, IDENTITY_PHASES, 'recording the identity check') ??
    requireIdentity(state, cmd, ['PENDING']) ??
    checkFields(state, cmd, [['requestId', 'text', cmd.requestId]]);
  if (bad) return bad;
  if (cmd.reason !== 'NOT_FOUND' && cmd.reason !== 'NO_ANSWER') {
    return reject('INVALID_COMMAND', state.phase, cmd, 'reason must be NOT_FOUND or NO_ANSWER.', { field: 'reason' });
  }
  if (!Number.isInteger(cmd.attempts) || cmd.attempts < 1) {
    return reject('INVALID_COMMAND', state.phase, cmd, 'attempts must be a whole number >= 1.', { field: 'attempts' });
  }
  return accept({
    type: 'IdentityFailed',
    applicationId: cmd.applicationId,
    at: cmd.at,
    requestId: cmd.requestId,
    reason: cmd.reason,
    attempts: cmd.attempts,
    detail: cmd.detail ?? null,
    stageDeadline: identityStageDeadline(state),
  });
}

export function decideIdentityRetry(state: ApplicationState, cmd: RetryIdentityCheck): DecideResult<ApplicationEvent> {
  const bad =
    requirePhase(state, cmd, IDENTITY_PHASES, 'retrying the identity check') ??
    requireIdentity(state, cmd, ['FAILED']) ??
    checkFields(state, cmd, [
      ['operatorId', 'text', cmd.operatorId],
      ['requestId', 'text', cmd.requestId],
    ]);
  if (bad) return bad;
  return accept({
    type: 'IdentityCheckRetried',
    applicationId: cmd.applicationId,
    at: cmd.at,
    requestId: cmd.requestId,
    operatorId: cmd.operatorId,
  });
}
