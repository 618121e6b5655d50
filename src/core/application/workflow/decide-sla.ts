/**
 * The SLA timer command (item 64 monitoring): the whole-term signals of `slaCheck` (at risk,
 * breached) and the breach of the step the application waits for, each once. Never rejected for a
 * known application.
 */
import { slaCheck } from '../monitoring/sla-check.js';
import { stageDeadlineOf } from '../monitoring/stage-deadline.js';
import type { CheckSla } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent } from './events.js';
import { accept, type DecideResult } from './rejection.js';
import { isTermRunning, type ApplicationState } from './state.js';
import { isAfter } from './time.js';

export function decideCheckSla(
  state: ApplicationState,
  cmd: CheckSla,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  if (!state.deadlines) return accept();
  const termEndsAt = state.deadlines.termEndsAt;
  const events: ApplicationEvent[] = [];
  const base = { applicationId: cmd.applicationId, at: cmd.at, termEndsAt };
  const step = isTermRunning(state) ? stageDeadlineOf(state, ctx.calendar) : null;
  if (step && isAfter(cmd.at, step.deadline) && !(state.sla.stageBreaches ?? []).includes(step.key)) {
    events.push({ ...base, type: 'SlaBreached', scope: 'STAGE', step: step.key, stageDeadline: step.deadline });
  }
  const signal = slaCheck(state, cmd.at);
  if (signal === 'SLA_BREACHED')
    events.push({ ...base, type: 'SlaBreached', scope: 'TERM', stageDeadline: termEndsAt });
  if (signal === 'SLA_AT_RISK') events.push({ ...base, type: 'SlaAtRisk', stageDeadline: termEndsAt });
  return accept(...events);
}
