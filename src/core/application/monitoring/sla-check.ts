/**
 * Whole-term SLA signals for an open application (item 63: 15 working days; item 64:
 * monitoring). Definitions: docs/sla.md.
 */
import { isTermRunning, type ApplicationState } from '../workflow/state.js';
import { almatyDate, isAfter } from '../workflow/time.js';

export type SlaSignal = 'SLA_AT_RISK' | 'SLA_BREACHED';

/**
 * What the SLA timer should emit for this application at `now`, or null.
 *
 * - SLA_BREACHED: the term is running (accepted, not closed, result not yet at the place of
 *   receipt) and `now` is after the end of the term's last day; once per application.
 * - SLA_AT_RISK: the term is running, `now` falls on or after the working day before the term's
 *   last day (at most one working day left after today), and neither signal was emitted before.
 *   A breach supersedes the risk: no SLA_AT_RISK after SLA_BREACHED.
 */
export function slaCheck(state: ApplicationState, now: string): SlaSignal | null {
  if (!isTermRunning(state) || !state.deadlines || !state.atRiskFrom) return null;
  if (state.sla.breachedReportedAt !== null) return null;
  if (isAfter(now, state.deadlines.termEndsAt)) return 'SLA_BREACHED';
  if (state.sla.atRiskReportedAt !== null) return null;
  return almatyDate(now) >= state.atRiskFrom ? 'SLA_AT_RISK' : null;
}
