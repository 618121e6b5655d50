/**
 * Runs real commands through the real core (decide/evolve on the shipped calendar) and collects,
 * per event, the state before and after it: the inputs of the saga's outbound mapping.
 */
import {
  decide,
  evolve,
  initialState,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationState,
} from '../../../src/core/application/index.js';
import { ctx } from '../application/fixtures.js';

export interface Step {
  event: ApplicationEvent;
  before: ApplicationState;
  after: ApplicationState;
}

export function run(
  commands: ApplicationCommand[],
  from: ApplicationState = initialState,
): { steps: Step[]; state: ApplicationState } {
  let state = from;
  const steps: Step[] = [];
  for (const c of commands) {
    const r = decide(state, c, ctx);
    if (!r.ok) throw new Error(`command rejected: ${r.rejection.code} ${r.rejection.message}`);
    for (const event of r.events) {
      const after = evolve(state, event);
      steps.push({ event, before: state, after });
      state = after;
    }
  }
  return { steps, state };
}
