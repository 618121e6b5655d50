/**
 * The paper register from the PSC to the college (items 54-55, R9). Only PSC applications travel
 * on paper: a portal application reaches the college electronically and an office application is
 * already there, so neither has a register (docs/state-machine.md). The register and its courier
 * slot are decided at acceptance (registerPlan); the courier's events move every application of it.
 *
 * Out of order, on purpose: a DELIVERED without its PICKED_UP records both (the register cannot
 * arrive without leaving); a repeated PICKED_UP or DELIVERED of the same register changes nothing.
 */
import { registerDispatchPlan } from '../../deadlines/index.js';
import type { Application } from '../model.js';
import type { CourierSlot, DeliverRegister, DispatchRegister } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent } from './events.js';
import { appOf, checkFields, type Rejected } from './guards.js';
import { accept, reject, type DecideResult } from './rejection.js';
import type { ApplicationState } from './state.js';
import { almatyDate, endOfAlmatyDay, workingDayOnOrAfter } from './time.js';

function requirePscChannel(state: ApplicationState, cmd: DispatchRegister | DeliverRegister): Rejected | null {
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

/** Items 54-55: the register (per PSC branch, college and slot) an acceptance travels in. */
export function registerPlanOf(
  app: Application,
  ctx: DecideContext,
): { registerId: string; courierSlot: CourierSlot } | null {
  if (app.channel !== 'PSC' || !app.psc) return null;
  const slot = registerDispatchPlan(ctx.calendar, app.submittedAt).slot;
  const registerId = `reg-${app.psc.branchId}-${app.collegeBin}-${slot.slice(0, 16).replace(/[-:T]/g, '')}`;
  return { registerId, courierSlot: { slotId: registerId, pickupAt: slot } };
}

/** Items 54-55: the register travels in the day's courier slots; the slot's day is the deadline. */
export function registerSlotDay(state: ApplicationState, ctx: DecideContext): string {
  return almatyDate(registerDispatchPlan(ctx.calendar, appOf(state).app.submittedAt).slot);
}

function requireRegister(state: ApplicationState, cmd: DispatchRegister | DeliverRegister): Rejected | null {
  const expected = state.register?.registerId ?? state.registerPlan?.registerId ?? null;
  if (expected === null || expected === cmd.registerId) return null;
  return reject(
    'REGISTER_MISMATCH',
    state.phase,
    cmd,
    `the application travels in register ${expected}, not ${cmd.registerId}; check the courier's message.`,
    { expected },
  );
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
    stageDeadline: endOfAlmatyDay(registerSlotDay(state, ctx)),
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
    stageDeadline: endOfAlmatyDay(workingDayOnOrAfter(ctx.calendar, registerSlotDay(state, ctx))),
  });
  return accept(...events);
}
