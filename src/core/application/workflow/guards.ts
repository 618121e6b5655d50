/**
 * Small checks shared by the decide handlers. They return a rejection or null.
 */
import type { ApplicationCommand } from './commands.js';
import { reject, type Rejection } from './rejection.js';
import type { ApplicationState, Phase } from './state.js';
import { isDate, isInstant } from './time.js';

export type Rejected = { ok: false; rejection: Rejection };

type FieldCheck = [field: string, kind: 'text' | 'instant' | 'date', value: unknown];

/** INVALID_COMMAND for the first field that is not a non-empty text / an instant / a date. */
export function checkFields(state: ApplicationState, cmd: ApplicationCommand, fields: FieldCheck[]): Rejected | null {
  for (const [field, kind, value] of fields) {
    const ok =
      kind === 'text'
        ? typeof value === 'string' && value.trim().length > 0
        : kind === 'instant'
          ? isInstant(value)
          : isDate(value);
    if (!ok) {
      const expected =
        kind === 'text'
          ? 'a non-empty text'
          : kind === 'instant'
            ? 'an ISO-8601 instant with offset'
            : 'a date YYYY-MM-DD';
      return reject(
        'INVALID_COMMAND',
        state.phase,
        cmd,
        `field "${field}" must be ${expected}; fix the sending system's message and resend.`,
        {
          field,
        },
      );
    }
  }
  return null;
}

/** INVALID_TRANSITION unless the state is in one of `phases`. */
export function requirePhase(
  state: ApplicationState,
  cmd: ApplicationCommand,
  phases: readonly Phase[],
  what: string,
): Rejected | null {
  if (phases.includes(state.phase)) return null;
  return reject(
    'INVALID_TRANSITION',
    state.phase,
    cmd,
    `${what} is possible only in state ${phases.join(' or ')}; check which message is missing or out of order and resend after it.`,
    { expected: phases.join(',') },
  );
}

/** Phases in which the college has decided (duplicate issued or refused). */
export const DECIDED_PHASES: Phase[] = [
  'DECIDED',
  'RESULT_IN_TRANSIT',
  'READY',
  'RETURNED_TO_COLLEGE',
  'REQUESTED_BACK',
];

export function rejectIfDecided(state: ApplicationState, cmd: ApplicationCommand): Rejected | null {
  const held = state.heldDecision;
  // Once the check has failed the college may take the G1 path instead (a refusal drops the held duplicate).
  if (state.decision === null && held !== null && state.identity?.status !== 'FAILED') {
    return reject(
      'DECISION_ALREADY_MADE',
      state.phase,
      cmd,
      `the college already issued the duplicate (at ${held.at}); it takes effect when the gateway verifies the applicant's identity (item 49) — a decision is final: drop this message.`,
      { decision: 'DUPLICATE_ISSUED' },
    );
  }
  if (state.decision === null) return null;
  return reject(
    'DECISION_ALREADY_MADE',
    state.phase,
    cmd,
    `the college already decided (${state.decision.outcome} at ${state.decision.at}); a decision is final and is not replaced — drop this message or correct it at the college.`,
    { decision: state.decision.outcome },
  );
}

/** The state's application; only called after the NEW check. */
export function appOf(state: ApplicationState) {
  if (!state.application || !state.deadlines)
    throw new Error('workflow invariant: application state without application');
  return { app: state.application, deadlines: state.deadlines };
}
