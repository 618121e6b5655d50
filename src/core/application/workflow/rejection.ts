/**
 * Typed rejections of `decide`: a command that does not fit the application's state, or is
 * malformed. Each has a stable `code`, names the state and the command, and says what to do.
 * Rejected commands change nothing (the edges park them on the DLQ with this code and text).
 */
import type { CommandType } from './commands.js';
import type { Phase } from './state.js';

export type RejectionCode =
  /** A command (other than intake) for an application the core has never received. */
  | 'UNKNOWN_APPLICATION'
  /** An identity answer or timer for a request this application never sent. */
  | 'UNKNOWN_IDENTITY_REQUEST'
  /** A second intake for the same application id. */
  | 'APPLICATION_ALREADY_RECEIVED'
  /** The command's application id is not the state's. */
  | 'APPLICATION_ID_MISMATCH'
  /** The application is closed (refused at intake, or handed over). */
  | 'APPLICATION_CLOSED'
  /** A college decision (preliminary refusal, hearing, duplicate, refusal) after the decision. */
  | 'DECISION_ALREADY_MADE'
  /** The command does not fit the current state. */
  | 'INVALID_TRANSITION'
  /** Register commands for an application that does not travel on paper from a PSC. */
  | 'NOT_APPLICABLE_TO_CHANNEL'
  /** Result commands that do not fit the place of receipt the applicant chose. */
  | 'NOT_APPLICABLE_TO_RESULT_PLACE'
  | 'REGISTER_MISMATCH'
  /** A college's decision for an application addressed to another college. */
  | 'COLLEGE_MISMATCH'
  | 'DISPATCH_MISMATCH'
  /** A duplicate may be issued only for a person whose identity the gateway confirmed (item 49). */
  | 'IDENTITY_NOT_VERIFIED'
  /** A final refusal needs the preliminary refusal and the hearing first (item 58). */
  | 'PRELIMINARY_REFUSAL_REQUIRED'
  | 'HEARING_NOT_HELD'
  /** The final refusal names a ground the applicant was not heard on. */
  | 'REFUSAL_GROUND_NOT_HEARD'
  | 'HEARING_BEFORE_NOTICE'
  /** Item 62: the PSC keeps the result one month before returning it. */
  | 'STORAGE_PERIOD_NOT_OVER'
  | 'INSTANT_BEFORE_SUBMISSION'
  /** A submission stamped after the adapter received it (beyond the tolerated clock skew). */
  | 'SUBMITTED_IN_FUTURE'
  /** A gateway answer about another person than the one asked for (its IIN is not the requested one). */
  | 'IDENTITY_ANSWER_IIN_MISMATCH'
  | 'INVALID_COMMAND'
  /** The working-day calendar cannot compute a needed date (outside 1990-2199, a bad count); its code is in details. */
  | 'CALENDAR_ERROR';

export interface Rejection {
  code: RejectionCode;
  message: string;
  /** The state the application was in. */
  phase: Phase;
  /** The command that was rejected. */
  command: CommandType;
  applicationId: string;
  details: Record<string, string | number | boolean | null>;
}

export type DecideResult<E> = { ok: true; events: E[] } | { ok: false; rejection: Rejection };

export function reject(
  code: RejectionCode,
  phase: Phase,
  command: { type: CommandType; applicationId: string },
  why: string,
  details: Record<string, string | number | boolean | null> = {},
): { ok: false; rejection: Rejection } {
  return {
    ok: false,
    rejection: {
      code,
      message: `${command.type} rejected for application ${command.applicationId} in state ${phase}: ${why}`,
      phase,
      command: command.type,
      applicationId: command.applicationId,
      details,
    },
  };
}

export function accept<E>(...events: E[]): { ok: true; events: E[] } {
  return { ok: true, events };
}

/** Thrown by `decideOrThrow` for callers that prefer exceptions; carries the same code. */
export class CommandRejectedError extends Error {
  readonly code: RejectionCode;
  readonly rejection: Rejection;
  constructor(rejection: Rejection) {
    super(rejection.message);
    this.name = 'CommandRejectedError';
    this.code = rejection.code;
    this.rejection = rejection;
  }
}
