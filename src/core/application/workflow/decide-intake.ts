/**
 * Intake (items 47-53, R1-R8): a portal submission, or an application accepted or refused at the
 * PSC / college office. The service deadlines are computed here, once, and kept in the state.
 */
import { computeServiceDeadlines } from '../../deadlines/index.js';
import { validateIntake } from '../../checks/index.js';
import { buildAcceptanceReceipt, buildRefusalReceipt } from '../receipts/build-receipts.js';
import type { IntakeFinding, ReceiveApplication } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent } from './events.js';
import { checkFields } from './guards.js';
import { accept, reject, type DecideResult } from './rejection.js';
import type { ApplicationState } from './state.js';
import { deadlineBasis } from './decide-calendar.js';
import { registerPlanOf } from './decide-register.js';
import { instantPlus, isAfter } from './time.js';

/**
 * Appendix 6 p.9 (3): missing consent is a ground for refusal (G3) decided by the college after
 * the preliminary decision and the hearing (item 58), never a reason to refuse intake (item 52
 * names only an incomplete package and expired documents).
 */
export function isIntakeRefusal(f: IntakeFinding): boolean {
  return f.intakeRefusal && f.field !== 'personalDataConsent';
}

/** How far ahead of the adapter's clock a sender's may be (NTP keeps them within seconds). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function decideIntake(
  state: ApplicationState,
  cmd: ReceiveApplication,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  if (state.phase !== 'NEW') {
    return reject(
      'APPLICATION_ALREADY_RECEIVED',
      state.phase,
      cmd,
      'this application id was already received; a resubmission needs a new application id (a new receipt).',
    );
  }
  const app = cmd.application;
  const bad = checkFields(state, cmd, [
    ['application.applicationId', 'text', app?.applicationId],
    ['application.submittedAt', 'instant', app?.submittedAt],
    ['application.collegeBin', 'text', app?.collegeBin],
  ]);
  if (bad) return bad;
  if (app.applicationId !== cmd.applicationId) {
    return reject(
      'APPLICATION_ID_MISMATCH',
      state.phase,
      cmd,
      `the application inside the command has id ${app.applicationId}; fix the sender.`,
    );
  }
  if (cmd.collegeBin !== undefined && cmd.collegeBin !== app.collegeBin) {
    return reject(
      'COLLEGE_MISMATCH',
      state.phase,
      cmd,
      `college ${cmd.collegeBin} reports an application received at its office for college ${app.collegeBin}; ` +
        "an office receives applications to its own college (R1): check the form's collegeBin and the sender.",
      { collegeBin: cmd.collegeBin },
    );
  }
  if (cmd.receivedAt && isAfter(app.submittedAt, instantPlus(cmd.receivedAt, CLOCK_SKEW_MS))) {
    return reject(
      'SUBMITTED_IN_FUTURE',
      state.phase,
      cmd,
      `the application says it was submitted at ${app.submittedAt}, after it was received (${cmd.receivedAt}); ` +
        "the sender's clock is wrong: fix it and send the application again with the real submission instant.",
      { submittedAt: app.submittedAt, receivedAt: cmd.receivedAt },
    );
  }
  if (app.channel === 'PSC' && !app.psc) {
    return reject(
      'INVALID_COMMAND',
      state.phase,
      cmd,
      'a PSC application must carry its receipt number, branch and operator (item 50).',
      {
        field: 'application.psc',
      },
    );
  }

  const deadlines = computeServiceDeadlines(ctx.calendar, { channel: app.channel, submittedAt: app.submittedAt });
  const atRiskFrom = ctx.calendar.subtractWorkingDays(deadlines.termEndDate, 1);
  const calendar = deadlineBasis(ctx.calendar, app.submittedAt, deadlines.termEndDate);
  const base = {
    applicationId: app.applicationId,
    at: cmd.at,
    deadlines,
    atRiskFrom,
    calendar,
    application: app,
    stageDeadline: null,
  } as const;

  const findings = validateIntake(app);
  const refusals = findings.filter(isIntakeRefusal);
  const others = findings.filter((f) => !isIntakeRefusal(f));
  if (refusals.length > 0) {
    return accept({
      ...base,
      type: 'IntakeRefused',
      findings,
      refusalReceipt: buildRefusalReceipt(app, cmd.at, refusals),
    });
  }
  const consentMissing = !app.personalDataConsent;
  if (app.channel === 'PORTAL') {
    return accept({ ...base, type: 'ApplicationSubmitted', findings: others, consentMissing });
  }
  return accept({
    ...base,
    type: 'ApplicationAccepted',
    findings: others,
    consentMissing,
    receipt: buildAcceptanceReceipt(app, cmd.at, deadlines.termEndDate),
    registerPlan: registerPlanOf(app, ctx),
  });
}
