/**
 * given(events).when(command).then(events | error): the workflow's test shape. `then` matches
 * each expected event as a subset (toMatchObject) and requires the same number of events; an
 * error is matched by its stable code, and the message must name the state and the command.
 */
import { expect } from 'vitest';
import type { ApplicationCommand } from '../../../src/core/application/workflow/commands.js';
import { decide } from '../../../src/core/application/workflow/decide.js';
import type { ApplicationEvent } from '../../../src/core/application/workflow/events.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import type { DecideResult, RejectionCode } from '../../../src/core/application/workflow/rejection.js';
import { initialState, type ApplicationState } from '../../../src/core/application/workflow/state.js';
import type { DecideContext } from '../../../src/core/application/workflow/context.js';
import { ctx } from './fixtures.js';

type Expected = Record<string, unknown>[] | { error: RejectionCode };

export function given(events: readonly ApplicationEvent[]) {
  const state: ApplicationState = events.reduce(evolve, initialState);
  return {
    state,
    /** `context` defaults to the shipped calendar; a revision test passes another calendar version. */
    when(command: ApplicationCommand, context: DecideContext = ctx) {
      const result: DecideResult<ApplicationEvent> = decide(state, command, context);
      return {
        result,
        state,
        /** Asserts the outcome; returns the events (empty on an error) and the state after them. */
        then(expected: Expected): { events: ApplicationEvent[]; after: ApplicationState } {
          if (Array.isArray(expected)) {
            if (!result.ok)
              throw new Error(`expected events, got rejection ${result.rejection.code}: ${result.rejection.message}`);
            expect(result.events).toHaveLength(expected.length);
            expect(result.events).toMatchObject(expected);
            return { events: result.events, after: result.events.reduce(evolve, state) };
          }
          if (result.ok)
            throw new Error(
              `expected rejection ${expected.error}, got events ${result.events.map((e) => e.type).join(', ')}`,
            );
          expect(result.rejection.code).toBe(expected.error);
          expect(result.rejection.phase).toBe(state.phase);
          expect(result.rejection.command).toBe(command.type);
          expect(result.rejection.message).toContain(state.phase);
          expect(result.rejection.message).toContain(command.type);
          return { events: [], after: state };
        },
      };
    },
  };
}
