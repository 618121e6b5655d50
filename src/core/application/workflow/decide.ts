/**
 * decide(state, command, ctx) -> events | rejection: the regulation core of Order No. 312,
 * items 46-64 (emmett's workflow shape). Pure: the calendar comes in `ctx`, the instant in the
 * command. Transition table: docs/state-machine.md.
 */
import { CalendarError } from '../../calendar/index.js';
import type { ApplicationCommand } from './commands.js';
import type { DecideContext } from './context.js';
import { decideCheckSla } from './decide-sla.js';
import { decideReviseDeadlines } from './decide-calendar.js';
import {
  decideHoldHearing,
  decideIssueDuplicate,
  decidePreliminaryRefusal,
  decideRefuse,
  decideRegisterAtCollege,
} from './decide-college.js';
import { decideIdentityAnswer, decideIdentityOverdue, decideIdentityRetry } from './decide-identity.js';
import { decideIntake } from './decide-intake.js';
import {
  decideDeliverRegister,
  decideDispatchRegister,
  decideOrderRegister,
  decideReplanRegister,
} from './decide-register.js';
import {
  decideDeliverResultToPsc,
  decideDispatchResult,
  decideHandOver,
  decideNotifyResultReady,
  decideRequestResultBack,
  decideReturnToCollege,
  decideStorageElapsed,
} from './decide-result.js';
import type { ApplicationEvent } from './events.js';
import { checkFields } from './guards.js';
import { CommandRejectedError, reject, type DecideResult } from './rejection.js';
import { CLOSED_PHASES, type ApplicationState } from './state.js';
import { isBefore } from './time.js';

function route(state: ApplicationState, cmd: ApplicationCommand, ctx: DecideContext): DecideResult<ApplicationEvent> {
  switch (cmd.type) {
    case 'ReceiveApplication':
      return decideIntake(state, cmd, ctx);
    case 'CheckSla':
      return decideCheckSla(state, cmd, ctx);
    case 'ReviseDeadlines':
      return decideReviseDeadlines(state, cmd, ctx);
    case 'RecordStorageElapsed':
      return decideStorageElapsed(state, cmd);
    case 'RecordIdentityAnswer':
      return decideIdentityAnswer(state, cmd);
    case 'RecordIdentityOverdue':
      return decideIdentityOverdue(state, cmd, ctx);
    case 'RetryIdentityCheck':
      return decideIdentityRetry(state, cmd);
    case 'OrderRegister':
      return decideOrderRegister(state, cmd);
    case 'ReplanRegister':
      return decideReplanRegister(state, cmd, ctx);
    case 'DispatchRegister':
      return decideDispatchRegister(state, cmd, ctx);
    case 'DeliverRegister':
      return decideDeliverRegister(state, cmd, ctx);
    case 'RegisterAtCollege':
      return decideRegisterAtCollege(state, cmd, ctx);
    case 'IssuePreliminaryRefusal':
      return decidePreliminaryRefusal(state, cmd, ctx);
    case 'HoldHearing':
      return decideHoldHearing(state, cmd);
    case 'IssueDuplicate':
      return decideIssueDuplicate(state, cmd);
    case 'RefuseApplication':
      return decideRefuse(state, cmd);
    case 'DispatchResult':
      return decideDispatchResult(state, cmd);
    case 'DeliverResultToPsc':
      return decideDeliverResultToPsc(state, cmd);
    case 'NotifyResultReady':
      return decideNotifyResultReady(state, cmd);
    case 'HandOver':
      return decideHandOver(state, cmd);
    case 'ReturnToCollege':
      return decideReturnToCollege(state, cmd);
    case 'RequestResultBack':
      return decideRequestResultBack(state, cmd);
    default: {
      const unknown = cmd as { type?: unknown; applicationId?: unknown };
      return reject(
        'INVALID_COMMAND',
        state.phase,
        { type: String(unknown.type) as ApplicationCommand['type'], applicationId: String(unknown.applicationId) },
        'unknown command type.',
        {
          field: 'type',
        },
      );
    }
  }
}

const COLLEGE_COMMANDS: readonly ApplicationCommand['type'][] = [
  'RegisterAtCollege',
  'IssuePreliminaryRefusal',
  'HoldHearing',
  'IssueDuplicate',
  'RefuseApplication',
];

/** Checks shared by every command, in this order: shape, existence, identity of the application, closed, time. */
function precheck(state: ApplicationState, cmd: ApplicationCommand): DecideResult<ApplicationEvent> | null {
  const bad = checkFields(state, cmd, [
    ['applicationId', 'text', cmd.applicationId],
    ['at', 'instant', cmd.at],
  ]);
  if (bad) return bad;
  if (cmd.type === 'ReceiveApplication') return null;
  if (state.phase === 'NEW') {
    return reject(
      'UNKNOWN_APPLICATION',
      state.phase,
      cmd,
      'no application with this id was received; check the id, or wait for the intake message and resend.',
    );
  }
  if (state.applicationId !== cmd.applicationId) {
    return reject(
      'APPLICATION_ID_MISMATCH',
      state.phase,
      cmd,
      `this state belongs to application ${state.applicationId}; the caller loaded the wrong state.`,
    );
  }
  if (cmd.type === 'CheckSla') return null;
  if (CLOSED_PHASES.includes(state.phase)) {
    return reject(
      'APPLICATION_CLOSED',
      state.phase,
      cmd,
      'the application is closed (refused at intake, or handed over); nothing more can happen to it — drop this message.',
    );
  }
  // A revision and a register's slot run at the adapter's own instant, which may precede a
  // submission stamped by a fast clock.
  if (cmd.type === 'ReviseDeadlines' || cmd.type === 'OrderRegister' || cmd.type === 'ReplanRegister') return null;
  const fromCollege = (cmd as { collegeBin?: unknown }).collegeBin;
  if (
    COLLEGE_COMMANDS.includes(cmd.type) &&
    typeof fromCollege === 'string' &&
    fromCollege !== state.application?.collegeBin
  ) {
    return reject(
      'COLLEGE_MISMATCH',
      state.phase,
      cmd,
      `the message comes from college ${fromCollege}, but the application is addressed to ${state.application?.collegeBin}; a college decides only its own applications — check the sender.`,
      { collegeBin: fromCollege },
    );
  }
  const submittedAt = state.application?.submittedAt;
  if (submittedAt && isBefore(cmd.at, submittedAt)) {
    return reject(
      'INSTANT_BEFORE_SUBMISSION',
      state.phase,
      cmd,
      `at (${cmd.at}) is before the submission (${submittedAt}); check the sender's clock and resend.`,
    );
  }
  return null;
}

export function decide(
  state: ApplicationState,
  cmd: ApplicationCommand,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  try {
    return precheck(state, cmd) ?? route(state, cmd, ctx);
  } catch (err) {
    // Every year has a calendar; what remains is a date the calendar cannot compute (e.g. year 2250).
    if (err instanceof CalendarError)
      return reject('CALENDAR_ERROR', state.phase, cmd, err.message, { calendarCode: err.code });
    throw err;
  }
}

/** `decide` for callers that prefer exceptions: throws CommandRejectedError (with the same code). */
export function decideOrThrow(
  state: ApplicationState,
  cmd: ApplicationCommand,
  ctx: DecideContext,
): ApplicationEvent[] {
  const result = decide(state, cmd, ctx);
  if (!result.ok) throw new CommandRejectedError(result.rejection);
  return result.events;
}
