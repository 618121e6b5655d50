/**
 * Items 54-55 (R9): when a register's courier slot comes, the applications accepted at one PSC
 * branch for one college since the last slot leave together, in one register in two copies. Pure:
 * the members are the states of the applications planned into the register.
 *
 * A register has one courier order, message id `ro-<registerId>`: the applications waiting in it
 * when its slot comes. Each of them records the order (RegisterOrdered), so none travels in two
 * orders. An application that joins the register after its order left (accepted just before the
 * slot, processed after it) is in no order of that register: it goes in the next slot
 * (RegisterReplanned). The courier's events name the order; they move the applications of that
 * order only, and skip the ones closed since.
 */
import { almatyDate } from '../../calendar/index.js';
import { CLOSED_PHASES, type ApplicationState } from '../workflow/state.js';

export interface RegisterOrder {
  registerId: string;
  copies: 2;
  applicationIds: string[];
  acceptanceDate: string;
  fromBranchId: string;
  toCollegeBin: string;
  collegeName: string;
  pickupAt: string;
}

/** The message id of a register's courier order (one per register): the courier's events name it. */
export function registerOrderMessageId(registerId: string): string {
  return `ro-${registerId}`;
}

/** The members waiting in register `registerId` that are in no order yet. */
function unordered(registerId: string, members: readonly ApplicationState[]): ApplicationState[] {
  return members.filter(
    (s) =>
      s.registerPlan?.registerId === registerId &&
      s.phase === 'AWAITING_REGISTER_DISPATCH' &&
      s.registerOrder === null &&
      s.application?.psc,
  );
}

/** Whether the courier order of register `registerId` left (a member recorded it). */
function orderLeft(registerId: string, members: readonly ApplicationState[]): boolean {
  return members.some((s) => s.registerOrder?.registerId === registerId);
}

/**
 * The order of register `registerId`, or null when its order already left or no application
 * waits in it (all left or were refused).
 */
export function registerOrderOf(registerId: string, members: readonly ApplicationState[]): RegisterOrder | null {
  if (orderLeft(registerId, members)) return null;
  const waiting = unordered(registerId, members);
  if (waiting.length === 0) return null;
  const first = waiting[0]!;
  const app = first.application!;
  return {
    registerId,
    copies: 2,
    applicationIds: waiting.map((s) => s.applicationId!).sort(),
    acceptanceDate: almatyDate(waiting.map((s) => s.application!.submittedAt).sort()[0]!),
    fromBranchId: app.psc!.branchId,
    toCollegeBin: app.collegeBin,
    collegeName: app.collegeName,
    pickupAt: first.registerPlan!.courierSlot.pickupAt,
  };
}

/** The applications that joined register `registerId` after its order left: they go in the next slot. */
export function lateJoinersOf(registerId: string, members: readonly ApplicationState[]): string[] {
  if (!orderLeft(registerId, members)) return [];
  return unordered(registerId, members)
    .map((s) => s.applicationId!)
    .sort();
}

/** The applications a courier event about register `registerId`, order `orderMessageId`, moves. */
export type RegisterEventMembers =
  | { ok: true; applicationIds: string[]; skippedClosed: string[] }
  | { ok: false; code: 'UNKNOWN_REGISTER' }
  | { ok: false; code: 'UNKNOWN_REGISTER_ORDER'; ordersSent: string[] };

/** An order id of the form register orders had before each application recorded its order. */
function isUnrecordedOrder(registerId: string, orderMessageId: string): boolean {
  const prefix = `${registerOrderMessageId(registerId)}-`;
  return orderMessageId.startsWith(prefix) && /^[0-9a-f]{16}$/.test(orderMessageId.slice(prefix.length));
}

/**
 * The members of the order the courier's event names: those that recorded it. An order sent
 * before orders were recorded (`ro-<register>-<16 hex>`, no member recorded any) moves every
 * member, as it did then. Members closed since (handed over: a late or repeated event) are
 * skipped. A register without members is unknown; an order none of its members left in is one
 * never sent.
 */
export function registerEventMembers(
  registerId: string,
  orderMessageId: string,
  members: readonly ApplicationState[],
): RegisterEventMembers {
  const ofRegister = members.filter((s) => s.registerPlan?.registerId === registerId);
  if (ofRegister.length === 0) return { ok: false, code: 'UNKNOWN_REGISTER' };
  const recorded = ofRegister.filter((s) => s.registerOrder?.orderMessageId === orderMessageId);
  const unrecorded = ofRegister.every((s) => s.registerOrder === null) && isUnrecordedOrder(registerId, orderMessageId);
  const inOrder = recorded.length > 0 ? recorded : unrecorded ? ofRegister : [];
  if (inOrder.length === 0) {
    const sent = ofRegister.map((s) => s.registerOrder?.orderMessageId).filter((o): o is string => o !== undefined);
    return { ok: false, code: 'UNKNOWN_REGISTER_ORDER', ordersSent: [...new Set(sent)].sort() };
  }
  const closed = (s: ApplicationState) => CLOSED_PHASES.includes(s.phase);
  const ids = (xs: ApplicationState[]) => xs.map((s) => s.applicationId!).sort();
  return {
    ok: true,
    applicationIds: ids(inOrder.filter((s) => !closed(s))),
    skippedClosed: ids(inOrder.filter(closed)),
  };
}
