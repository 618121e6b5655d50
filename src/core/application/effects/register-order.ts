/**
 * Items 54-55 (R9): when a register's courier slot comes, the applications accepted at one PSC
 * branch for one college since the last slot leave together, in one register in two copies. Pure:
 * the members are the states of the applications planned into the register and still waiting.
 */
import { almatyDate } from '../../calendar/index.js';
import type { ApplicationState } from '../workflow/state.js';

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

/** The order of register `registerId`, or null when no application waits in it (all left or were refused). */
export function registerOrderOf(registerId: string, members: readonly ApplicationState[]): RegisterOrder | null {
  const waiting = members.filter(
    (s) => s.registerPlan?.registerId === registerId && s.phase === 'AWAITING_REGISTER_DISPATCH' && s.application?.psc,
  );
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
