/**
 * The paper register from the PSC to the college (items 54-55, R9). Only PSC applications travel
 * on paper: a portal application reaches the college electronically and an office application is
 * already there, so neither has a register (docs/state-machine.md).
 */
import { registerDispatchPlan } from '../../deadlines/index.js';
import type { DeliverRegister, DispatchRegister } from './commands.js';
import type { DecideContext } from './context.js';
import type { ApplicationEvent } from './events.js';
import { appOf, checkFields, requirePhase, type Rejected } from './guards.js';
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

/** Items 54-55: the register travels in the day's courier slots; the slot's day is the deadline. */
export function registerSlotDay(state: ApplicationState, ctx: DecideContext): string {
  return almatyDate(registerDispatchPlan(ctx.calendar, appOf(state).app.submittedAt).slot);
}

export function decideDispatchRegister(
  state: ApplicationState,
  cmd: DispatchRegister,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const bad =
    requirePscChannel(state, cmd) ??
    requirePhase(state, cmd, ['AWAITING_REGISTER_DISPATCH'], 'dispatching the register') ??
    checkFields(state, cmd, [
      ['registerId', 'text', cmd.registerId],
      ['courierSlot.slotId', 'text', cmd.courierSlot?.slotId],
      ['courierSlot.pickupAt', 'instant', cmd.courierSlot?.pickupAt],
    ]);
  if (bad) return bad;
  const { app } = appOf(state);
  return accept({
    type: 'RegisterDispatched',
    applicationId: cmd.applicationId,
    at: cmd.at,
    registerId: cmd.registerId,
    courierSlot: { slotId: cmd.courierSlot.slotId, pickupAt: cmd.courierSlot.pickupAt },
    copies: 2,
    fromBranchId: app.psc?.branchId ?? '',
    toCollegeBin: app.collegeBin,
    stageDeadline: endOfAlmatyDay(registerSlotDay(state, ctx)),
  });
}

export function decideDeliverRegister(
  state: ApplicationState,
  cmd: DeliverRegister,
  ctx: DecideContext,
): DecideResult<ApplicationEvent> {
  const bad =
    requirePscChannel(state, cmd) ??
    requirePhase(state, cmd, ['REGISTER_IN_TRANSIT'], 'delivering the register') ??
    checkFields(state, cmd, [['registerId', 'text', cmd.registerId]]);
  if (bad) return bad;
  if (state.register?.registerId !== cmd.registerId) {
    return reject(
      'REGISTER_MISMATCH',
      state.phase,
      cmd,
      `the application travels in register ${state.register?.registerId ?? '-'}, not ${cmd.registerId}; check the courier's delivery message.`,
      { expected: state.register?.registerId ?? null },
    );
  }
  return accept({
    type: 'DeliveredToCollege',
    applicationId: cmd.applicationId,
    at: cmd.at,
    registerId: cmd.registerId,
    collegeBin: appOf(state).app.collegeBin,
    // Item 55: delivered on the day of the slot; the college office receives on working days.
    stageDeadline: endOfAlmatyDay(workingDayOnOrAfter(ctx.calendar, registerSlotDay(state, ctx))),
  });
}
