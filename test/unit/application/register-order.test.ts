/**
 * Items 54-55: one courier order per register, each application in exactly one order. The slot
 * orders the applications waiting in the register; one that joins after the order left goes in
 * the next slot's register; the courier's events move the applications of the order they name.
 */
import { describe, expect, it } from 'vitest';
import { intentsOf } from '../../../src/core/application/effects/index.js';
import {
  lateJoinersOf,
  registerEventMembers,
  registerOrderMessageId,
  registerOrderOf,
} from '../../../src/core/application/effects/register-order.js';
import type { ApplicationCommand, OrderRegister } from '../../../src/core/application/workflow/commands.js';
import { decide } from '../../../src/core/application/workflow/decide.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState, type ApplicationState } from '../../../src/core/application/workflow/state.js';
import { at, cmd, ctx, policy, pscApp, REGISTER_ID } from './fixtures.js';

const ORDER = registerOrderMessageId(REGISTER_ID);
/** Monday's 20:00 slot of the same branch and college: the next register after the 13:00 one. */
const NEXT_REGISTER_ID = 'reg-PSC-ALM-07-040740005191-202604062000';

/** The state of application `id` after `commands` (each given that application's id). */
function stateOf(id: string, ...commands: ApplicationCommand[]): ApplicationState {
  let state = initialState;
  for (const c of commands) {
    const r = decide(state, { ...c, applicationId: id }, ctx);
    if (!r.ok) throw new Error(`${id}: ${c.type} rejected: ${r.rejection.code} ${r.rejection.message}`);
    state = r.events.reduce(evolve, state);
  }
  return state;
}

const accept = (id: string, time: string) => cmd.receive(pscApp({ applicationId: id, submittedAt: at('06', time) }));
const orderIn = (when: string, registerId = REGISTER_ID): OrderRegister => ({
  type: 'OrderRegister',
  applicationId: '',
  at: when,
  registerId,
  orderMessageId: registerOrderMessageId(registerId),
});
const pickedUp = (when: string, registerId: string, orderMessageId: string): ApplicationCommand => ({
  ...cmd.dispatchRegister(when, registerId),
  orderMessageId,
});

const stateAfter = (state: ApplicationState, c: ApplicationCommand) => {
  const r = decide(state, c, ctx);
  if (!r.ok) throw new Error(`${c.type} rejected: ${r.rejection.code}`);
  return { events: r.events, state: r.events.reduce(evolve, state) };
};

describe('one courier order per register (items 54-55)', () => {
  it('orders the waiting applications once; ordering again is nothing, another order is refused', () => {
    const a = stateOf('APP-1', accept('APP-1', '10:00'));
    const b = stateOf('APP-2', accept('APP-2', '11:00'));
    expect(registerOrderOf(REGISTER_ID, [a, b])?.applicationIds).toEqual(['APP-1', 'APP-2']);

    const { events, state: ordered } = stateAfter(a, { ...orderIn(at('06', '13:00')), applicationId: 'APP-1' });
    expect(events).toMatchObject([{ type: 'RegisterOrdered', registerId: REGISTER_ID, orderMessageId: ORDER }]);
    expect(ordered.phase).toBe('AWAITING_REGISTER_DISPATCH');
    expect(intentsOf(events[0]!, a, ordered, { now: at('06', '13:00'), policy, calendar: ctx.calendar })).toEqual([]);

    // The slot ran again (a retry, or its timer armed again by a later acceptance).
    expect(decide(ordered, { ...orderIn(at('06', '13:01')), applicationId: 'APP-1' }, ctx)).toEqual({
      ok: true,
      events: [],
    });
    const other = decide(
      ordered,
      { ...orderIn(at('06', '13:01')), applicationId: 'APP-1', orderMessageId: 'ro-x' },
      ctx,
    );
    expect(other.ok ? null : other.rejection.code).toBe('INVALID_TRANSITION');
    expect(
      registerOrderOf(REGISTER_ID, [ordered, stateOf('APP-2', accept('APP-2', '11:00'), orderIn(at('06', '13:00')))]),
    ).toBeNull();
  });

  it("a late joiner after the order left lands in the next slot's register only", () => {
    // APP-1 and APP-2 left in the 13:00 order; APP-3, accepted at 12:59, reached the adapter after it.
    const a = stateOf('APP-1', accept('APP-1', '10:00'), orderIn(at('06', '13:00')));
    const b = stateOf('APP-2', accept('APP-2', '11:00'), orderIn(at('06', '13:00')));
    const late = stateOf('APP-3', accept('APP-3', '12:59'));
    expect(late.registerPlan?.registerId).toBe(REGISTER_ID);
    const members = [a, b, late];
    expect(registerOrderOf(REGISTER_ID, members)).toBeNull();
    expect(lateJoinersOf(REGISTER_ID, members)).toEqual(['APP-3']);
    // The members already ordered are never late joiners, and nobody is before the order leaves.
    expect(lateJoinersOf(REGISTER_ID, [stateOf('APP-4', accept('APP-4', '10:30')), late])).toEqual([]);

    const replan: ApplicationCommand = {
      type: 'ReplanRegister',
      applicationId: 'APP-3',
      at: at('06', '13:02'),
      registerId: REGISTER_ID,
    };
    const { events, state: moved } = stateAfter(late, replan);
    expect(events).toMatchObject([
      {
        type: 'RegisterReplanned',
        previousRegisterId: REGISTER_ID,
        registerPlan: { registerId: NEXT_REGISTER_ID, courierSlot: { pickupAt: '2026-04-06T20:00:00.000+05:00' } },
      },
    ]);
    // The next register's slot timer is armed (shared by that register's applications).
    expect(intentsOf(events[0]!, late, moved, { now: at('06', '13:02'), policy, calendar: ctx.calendar })).toEqual([
      {
        type: 'ScheduleTimer',
        purpose: 'REGISTER_SLOT',
        at: '2026-04-06T20:00:00.000+05:00',
        requestId: null,
        sharedKey: NEXT_REGISTER_ID,
      },
    ]);
    // Replanned once: the old register's slot running again changes nothing for it.
    expect(decide(moved, replan, ctx)).toEqual({ ok: true, events: [] });
    // It is in no order of the first register, and alone in the next one's with the 13:00-20:00 acceptances.
    expect(registerOrderOf(REGISTER_ID, [a, b, moved])).toBeNull();
    expect(lateJoinersOf(REGISTER_ID, [a, b, moved])).toEqual([]);
    const afternoon = stateOf('APP-5', accept('APP-5', '15:00'));
    expect(registerOrderOf(NEXT_REGISTER_ID, [moved, afternoon])?.applicationIds).toEqual(['APP-3', 'APP-5']);
    // An ordered application is not replanned.
    expect(decide(a, { ...replan, applicationId: 'APP-1' }, ctx)).toEqual({ ok: true, events: [] });
  });

  it("a late joiner after the day's last slot goes in the first slot of the next PSC day", () => {
    const late = stateOf('APP-3', accept('APP-3', '19:59'));
    const { events } = stateAfter(late, {
      type: 'ReplanRegister',
      applicationId: 'APP-3',
      at: at('06', '20:01'),
      registerId: NEXT_REGISTER_ID,
    });
    expect(events).toMatchObject([
      { type: 'RegisterReplanned', registerPlan: { registerId: 'reg-PSC-ALM-07-040740005191-202604071300' } },
    ]);
  });
});

describe('courier events move the applications of the order they name (items 54-55)', () => {
  it('only the members that left in the order; a late joiner not replanned yet stays', () => {
    const a = stateOf('APP-1', accept('APP-1', '10:00'), orderIn(at('06', '13:00')));
    const b = stateOf('APP-2', accept('APP-2', '11:00'), orderIn(at('06', '13:00')));
    const late = stateOf('APP-3', accept('APP-3', '12:59'));
    expect(registerEventMembers(REGISTER_ID, ORDER, [a, b, late])).toEqual({
      ok: true,
      applicationIds: ['APP-1', 'APP-2'],
      skippedClosed: [],
    });
    expect(registerEventMembers(REGISTER_ID, 'ro-other', [a, b, late])).toEqual({
      ok: false,
      code: 'UNKNOWN_REGISTER_ORDER',
      ordersSent: [ORDER],
    });
    expect(registerEventMembers(REGISTER_ID, ORDER, [])).toEqual({ ok: false, code: 'UNKNOWN_REGISTER' });
    // Before the slot nothing was ordered: an event naming the order is one never sent.
    expect(registerEventMembers(REGISTER_ID, ORDER, [late])).toEqual({
      ok: false,
      code: 'UNKNOWN_REGISTER_ORDER',
      ordersSent: [],
    });
  });

  it('the core refuses a pick-up of another order for an ordered application', () => {
    const a = stateOf('APP-1', accept('APP-1', '10:00'), orderIn(at('06', '13:00')));
    const other = decide(a, { ...pickedUp(at('06', '13:05'), REGISTER_ID, 'ro-other'), applicationId: 'APP-1' }, ctx);
    expect(other.ok ? null : other.rejection.code).toBe('REGISTER_MISMATCH');
    const own = decide(a, { ...pickedUp(at('06', '13:05'), REGISTER_ID, ORDER), applicationId: 'APP-1' }, ctx);
    expect(own.ok ? own.events.map((e) => e.type) : own.rejection.code).toEqual(['RegisterDispatched']);
  });

  it('an order sent before orders were recorded moves every member of its register', () => {
    const a = stateOf('APP-1', accept('APP-1', '10:00'));
    const b = stateOf('APP-2', accept('APP-2', '11:00'));
    expect(registerEventMembers(REGISTER_ID, `${ORDER}-0123456789abcdef`, [a, b])).toMatchObject({
      ok: true,
      applicationIds: ['APP-1', 'APP-2'],
    });
  });

  it('a closed member of the order (handed over by now) is skipped', () => {
    const done = stateOf(
      'APP-1',
      accept('APP-1', '10:00'),
      cmd.identityOk(at('06', '10:01')),
      orderIn(at('06', '13:00')),
      pickedUp(at('06', '13:05'), REGISTER_ID, ORDER),
      cmd.deliverRegister(at('06', '15:00')),
      cmd.register(at('06', '15:30')),
      cmd.issue(at('08')),
      cmd.dispatchResult(at('09', '14:00')),
      cmd.deliverResult(at('10', '11:00')),
      cmd.handOver(at('15')),
    );
    expect(done.phase).toBe('HANDED_OVER');
    const b = stateOf('APP-2', accept('APP-2', '11:00'), orderIn(at('06', '13:00')));
    expect(registerEventMembers(REGISTER_ID, ORDER, [done, b])).toEqual({
      ok: true,
      applicationIds: ['APP-2'],
      skippedClosed: ['APP-1'],
    });
  });
});
