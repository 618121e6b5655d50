/**
 * The paper register from the PSC to the college (items 54-55, R9). Only PSC applications travel
 * on paper: a portal application reaches the college electronically and an office application is
 * already there, so neither has a register (docs/state-machine.md). The register and its courier
 * slot are decided at acceptance (registerPlan). When the slot comes, the register's courier order
 * leaves with the applications waiting in it (RegisterOrdered, once per application); one that
 * reaches the adapter after the order left goes in the next slot (RegisterReplanned). The
 * courier's events move the applications of the order they name.
 *
 * Out of order, on purpose: a DELIVERED without its PICKED_UP records both (the register cannot
 * arrive without leaving); a repeated PICKED_UP or DELIVERED of the same register changes nothing.
 */
import { addDays, almatyInstant, isChannelOpenOn, type ClassifiedCalendar } from '../../calendar/index.js';
import { registerDispatchPlan } from '../../deadlines/index.js';
import type { Application } from '../model.js';
import type { CourierSlot, DeliverRegister, DispatchRegister, OrderRegister, ReplanRegister } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent } from './events.js';
import { appOf, checkFields, type Rejected } from './guards.js';
import { accept, reject, type DecideResult } from './rejection.js';
import type { ApplicationState } from './state.js';
import { almatyDate, endOfAlmatyDay, instantPlus, isAfter, workingDayOnOrAfter } from './time.js';

type RegisterCommand = DispatchRegister | DeliverRegister | OrderRegister | ReplanRegister;

function requirePscChannel(state: ApplicationState, cmd: RegisterCommand): Rejected | null {
  const { app } = appOf(state);
  if (app.channel === 'PSC') return null;
  return reject(
    'NOT_APPLICABLE_TO_CHANNEL',
    state.phase,
    cmd,
    `a ${app.channel} application does not travel on paper and has no register; it reaches the college without the courier.`,
    { channel: app.channel },
  );
}

/** Items 54-55: the register (per PSC branch, college and slot) of the first slot at or after `from`. */
function registerPlanFrom(
  app: Application,
  cal: ClassifiedCalendar,
  from: string,
): { registerId: string; courierSlot: CourierSlot } | null {
  if (app.channel !== 'PSC' || !app.psc) return null;
  // A later slot is looked for from a day the PSC works (an acceptance always is one).
  let start = from;
  for (let i = 0; i < 31 && !isChannelOpenOn(cal, 'PSC', almatyDate(start)); i++)
    start = almatyInstant(addDays(almatyDate(start), 1), '00:00');
  const slot = registerDispatchPlan(cal, start).slot;
  const registerId = `reg-${app.psc.branchId}-${app.collegeBin}-${slot.slice(0, 16).replace(/[-:T]/g, '')}`;
  return { registerId, courierSlot: { slotId: registerId, pickupAt: slot } };
}

/** Items 54-55: the register (per PSC branch, college and slot) an acceptance travels in. */
export function registerPlanOf(
  app: Application,
  ctx: DecideContext,
): { registerId: string; courierSlot: CourierSlot } | null {
  return registerPlanFrom(app, ctx.calendar, app.submittedAt);
}

/**
 * Items 54-55: the register travels in the slots of the day of acceptance; the slot's day is the
 * deadline (also for an application that missed its slot and goes in a later one).
 */
export function registerSlotDay(state: ApplicationState, cal: ClassifiedCalendar): string {
  return almatyDate(registerDispatchPlan(cal, appOf(state).app.submittedAt).slot);
}

function requireRegister(state: ApplicationState, cmd: RegisterCommand): Rejected | null {
  const expected = state.register?.registerId ?? state.registerPlan?.registerId ?? null;
  if (expected !== null && expected !== cmd.registerId) {
    return reject(
      'REGISTER_MISMATCH',
      state.phase,
      cmd,
      `the application travels in register ${expected}, not ${cmd.registerId}; check the courier's message.`,
      { expected },
    );
  }
  // The courier's event names the order it is about: only the applications that left in it move.
  const order = state.registerOrder?.orderMessageId ?? null;
  const named = 'orderMessageId' in cmd ? cmd.orderMessageId : undefined;
  if (order === null || named === undefined || named === order) return null;
  return reject(
    'REGISTER_MISMATCH',
    state.phase,
    cmd,
    `the application left in courier order ${order} of register ${cmd.registerId}, not in ${named}; check the courier's message.`,
    { expectedOrder: order },
  );
}

/** Items 54-55: the register's courier order left with the application in it (the slot timer). */
export function decideOrderRegister(state: ApplicationState, cmd: OrderRegister): DecideResult<ApplicationEvent> {
  const bad =
    requirePscChannel(state, cmd) ??
    checkFields(state, cmd, [
      ['registerId', 'text', cmd.registerId],
      ['orderMessageId', 'text', cmd.orderMessageId],
    ]);
  if (bad) return bad;
  const ordered = state.registerOrder;
  // The slot ran again (a retry after a crash): the application is already in this order.
  if (ordered?.orderMessageId === cmd.orderMessageId) return accept();
  if (ordered) {
    return reject(
      'INVALID_TRANSITION',
      state.phase,
      cmd,
      `the application already left in courier order ${ordered.orderMessageId}; an application travels in one order.`,
      { orderMessageId: ordered.orderMessageId },
    );
  }
  const mismatch = requireRegister(state, cmd);
  if (mismatch) return mismatch;
  const plan = state.registerPlan;
  if (state.phase !== 'AWAITING_REGISTER_DISPATCH' || !plan) {
    return reject('INVALID_TRANSITION', state.phase, cmd, 'only an application waiting for its register is ordered.', {
      expected: 'AWAITING_REGISTER_DISPATCH',
    });
  }
  return accept({
    type: 'RegisterOrdered',
    applicationId: cmd.applicationId,
    at: cmd.at,
    registerId: cmd.registerId,
    orderMessageId: cmd.orderMessageId,
    courierSlot: plan.courierSlot,
  });
}

/**
 * Items 54-55: the register's order left without the application (it was accepted before the slot
 * but reached the adapter after the order): it goes in the first slot after both that slot and
 * `at`, a new register. Nothing when it is no longer waiting in that register.
 */
export function decideReplanRegister(
  state: ApplicationState,
  cmd: ReplanRegister,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const bad = requirePscChannel(state, cmd) ?? checkFields(state, cmd, [['registerId', 'text', cmd.registerId]]);
  if (bad) return bad;
  const plan = state.registerPlan;
  const waiting = state.phase === 'AWAITING_REGISTER_DISPATCH' && state.registerOrder === null;
  if (!waiting || plan?.registerId !== cmd.registerId) return accept();
  const missed = plan.courierSlot.pickupAt;
  const from = isAfter(cmd.at, missed) ? cmd.at : instantPlus(missed, 1);
  const next = registerPlanFrom(appOf(state).app, ctx.calendar, from)!;
  return accept({
    type: 'RegisterReplanned',
    applicationId: cmd.applicationId,
    at: cmd.at,
    previousRegisterId: plan.registerId,
    registerPlan: next,
  });
}

function dispatched(
  state: ApplicationState,
  cmd: DispatchRegister | DeliverRegister,
  slot: CourierSlot,
  ctx: DecideContext,
): ApplicationEvent {
  const { app } = appOf(state);
  return {
    type: 'RegisterDispatched',
    applicationId: cmd.applicationId,
    at: cmd.at,
    registerId: cmd.registerId,
    courierSlot: { slotId: slot.slotId, pickupAt: slot.pickupAt },
    copies: 2,
    fromBranchId: app.psc?.branchId ?? '',
    toCollegeBin: app.collegeBin,
    stageDeadline: endOfAlmatyDay(registerSlotDay(state, ctx.calendar)),
  };
}

export function decideDispatchRegister(
  state: ApplicationState,
  cmd: DispatchRegister,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const slot = cmd.courierSlot ?? state.registerPlan?.courierSlot;
  const bad =
    requirePscChannel(state, cmd) ??
    checkFields(state, cmd, [
      ['registerId', 'text', cmd.registerId],
      ['courierSlot.slotId', 'text', slot?.slotId],
      ['courierSlot.pickupAt', 'instant', slot?.pickupAt],
    ]) ??
    requireRegister(state, cmd);
  if (bad) return bad;
  // The courier repeated its pick-up, or reports it after the delivery: nothing new.
  if (state.register !== null) return accept();
  if (state.phase !== 'AWAITING_REGISTER_DISPATCH') {
    return reject(
      'INVALID_TRANSITION',
      state.phase,
      cmd,
      'dispatching the register is possible only before the register left; check the order of the courier messages.',
      {
        expected: 'AWAITING_REGISTER_DISPATCH',
      },
    );
  }
  return accept(dispatched(state, cmd, slot!, ctx));
}

export function decideDeliverRegister(
  state: ApplicationState,
  cmd: DeliverRegister,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const bad =
    requirePscChannel(state, cmd) ??
    checkFields(state, cmd, [['registerId', 'text', cmd.registerId]]) ??
    requireRegister(state, cmd);
  if (bad) return bad;
  if (state.register?.deliveredAt) return accept();
  const events: ApplicationEvent[] = [];
  if (state.phase === 'AWAITING_REGISTER_DISPATCH') {
    const slot = state.registerPlan?.courierSlot ?? { slotId: cmd.registerId, pickupAt: cmd.at };
    events.push(dispatched(state, cmd, slot, ctx));
  } else if (state.phase !== 'REGISTER_IN_TRANSIT') {
    return reject(
      'INVALID_TRANSITION',
      state.phase,
      cmd,
      'the register can be delivered only while it is on its way; check the order of the courier messages.',
      {
        expected: 'REGISTER_IN_TRANSIT',
      },
    );
  }
  events.push({
    type: 'DeliveredToCollege',
    applicationId: cmd.applicationId,
    at: cmd.at,
    registerId: cmd.registerId,
    collegeBin: appOf(state).app.collegeBin,
    // Item 55: delivered on the day of the slot; the college office receives on working days.
    stageDeadline: endOfAlmatyDay(workingDayOnOrAfter(ctx.calendar, registerSlotDay(state, ctx.calendar))),
  });
  return accept(...events);
}
