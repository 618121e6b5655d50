/** The SLA timer command: turns `slaCheck` into an event (never rejected for a known application). */
import { slaCheck } from '../monitoring/sla-check.js';
import type { CheckSla } from './commands.js';
import type { ApplicationEvent } from './events.js';
import { accept, type DecideResult } from './rejection.js';
import type { ApplicationState } from './state.js';

export function decideCheckSla(state: ApplicationState, cmd: CheckSla): DecideResult<ApplicationEvent> {
  const signal = slaCheck(state, cmd.at);
  if (!signal || !state.deadlines) return accept();
  const termEndsAt = state.deadlines.termEndsAt;
  const base = { applicationId: cmd.applicationId, at: cmd.at, termEndsAt, stageDeadline: termEndsAt };
  return accept<ApplicationEvent>(
    signal === 'SLA_BREACHED' ? { ...base, type: 'SlaBreached' } : { ...base, type: 'SlaAtRisk' },
  );
}
