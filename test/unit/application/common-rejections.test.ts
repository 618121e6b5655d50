import { describe, expect, it } from 'vitest';
import { given } from './given.js';
import { at, cmd, ctx, history, paths, pscApp, refusedPscApp } from './fixtures.js';
import { decide, decideOrThrow } from '../../../src/core/application/workflow/decide.js';
import { CommandRejectedError } from '../../../src/core/application/workflow/rejection.js';
import { CalendarError } from '../../../src/core/calendar/index.js';
import { initialState } from '../../../src/core/application/workflow/state.js';

describe('rejections shared by every command', () => {
  it('UNKNOWN_APPLICATION for any command before the intake', () => {
    given([])
      .when(cmd.register(at('06')))
      .then({ error: 'UNKNOWN_APPLICATION' });
    given([])
      .when(cmd.checkSla(at('06')))
      .then({ error: 'UNKNOWN_APPLICATION' });
  });

  it('APPLICATION_ID_MISMATCH when the state belongs to another application', () => {
    given(paths.portalReceived())
      .when({ ...cmd.register(at('06')), applicationId: 'APP-2' })
      .then({ error: 'APPLICATION_ID_MISMATCH' });
  });

  it('APPLICATION_CLOSED after an intake refusal', () => {
    const refused = history(cmd.receive(refusedPscApp()));
    given(refused)
      .when(cmd.dispatchRegister(at('06', '13:00')))
      .then({ error: 'APPLICATION_CLOSED' });
    given(refused)
      .when(cmd.checkSla(at('28')))
      .then([]);
  });

  it('INSTANT_BEFORE_SUBMISSION for a fact dated before the application', () => {
    given(paths.portalReceived())
      .when(cmd.register(at('05')))
      .then({ error: 'INSTANT_BEFORE_SUBMISSION' });
  });

  it('INVALID_COMMAND for an empty application id', () => {
    given(paths.portalReceived())
      .when({ ...cmd.register(at('06')), applicationId: '' })
      .then({ error: 'INVALID_COMMAND' });
  });

  it('a rejection changes nothing and carries details for the DLQ', () => {
    const r = decide(initialState, cmd.register(at('06')), ctx);
    expect(r).toMatchObject({
      ok: false,
      rejection: { code: 'UNKNOWN_APPLICATION', phase: 'NEW', command: 'RegisterAtCollege', applicationId: 'APP-1' },
    });
  });

  it('decideOrThrow returns the events or throws CommandRejectedError with the code', () => {
    expect(decideOrThrow(initialState, cmd.receive(pscApp()), ctx).map((e) => e.type)).toEqual(['ApplicationAccepted']);
    expect(() => decideOrThrow(initialState, cmd.register(at('06')), ctx)).toThrow(CommandRejectedError);
    try {
      decideOrThrow(initialState, cmd.register(at('06')), ctx);
    } catch (e) {
      expect((e as CommandRejectedError).code).toBe('UNKNOWN_APPLICATION');
    }
  });

  it('a calendar error other than a missing year is passed on as CALENDAR_ERROR; other errors are not swallowed', () => {
    const broken = {
      policy: ctx.policy,
      calendar: {
        ...ctx.calendar,
        addWorkingDays: () => {
          throw new (class extends Error {
            code = 'X';
          })('boom');
        },
      },
    };
    expect(() => decide(initialState, cmd.receive(pscApp()), broken)).toThrow('boom');
    const bad = {
      policy: ctx.policy,
      calendar: {
        ...ctx.calendar,
        addWorkingDays: () => {
          throw new CalendarError('CALENDAR_INVALID_COUNT', 'bad count');
        },
      },
    };
    expect(decide(initialState, cmd.receive(pscApp()), bad)).toMatchObject({
      ok: false,
      rejection: { code: 'CALENDAR_ERROR', details: { calendarCode: 'CALENDAR_INVALID_COUNT' } },
    });
  });
});
