/**
 * The slot of a register comes (items 54-55): the applications planned into it that still wait
 * leave together in one courier order (REGISTER_DISPATCH, two copies). The order's content is the
 * core's (registerOrderOf); its message id is the register's (one order per register), and every
 * application in it records it (OrderRegister -> RegisterOrdered) in the transaction that writes
 * the order, so a slot that runs twice (a retry after a crash, or the timer armed again by a late
 * acceptance) never sends an application twice. An application that joined the register after
 * its order left goes in the next slot (ReplanRegister -> RegisterReplanned, which arms that
 * register's timer).
 */
import type { Knex } from 'knex';
import type { ApplicationCommand } from '../core/application/index.js';
import { lateJoinersOf, registerOrderMessageId, registerOrderOf } from '../core/application/effects/register-order.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { sagaStep } from '../pipeline/deps.js';
import { insertOutboxMessages } from '../pipeline/outbox/outbox-queries.js';
import { selectRegisterMembersForUpdate } from '../pipeline/saga/application-queries.js';
import { executeInWork } from '../pipeline/saga/execute-command.js';
import { SagaWork } from '../pipeline/saga/saga-work.js';
import { buildRegisterDispatch } from '../partners/courier/build-order.js';
import { AppError } from '../platform/errors/app-error.js';

export interface RegisterSlotOutcome {
  /** Applications in the order sent now (0: none waited, or the order had left). */
  ordered: number;
  /** Applications that joined after the order left, planned into the next slot. */
  replanned: number;
}

/** Sends the register's order, or plans its late joiners into the next slot. */
export async function dispatchRegister(db: Knex, deps: AdapterDeps, registerId: string): Promise<RegisterSlotOutcome> {
  return db.transaction(async (tx) => {
    const members = await selectRegisterMembersForUpdate(tx, registerId);
    const order = registerOrderOf(registerId, members);
    const late = lateJoinersOf(registerId, members);
    const at = deps.now().toISOString();
    const step = sagaStep(deps, { kind: 'timer', task: 'register-slot', key: `register:${registerId}` }, registerId);
    // One unit of work for the whole register: its members are read once (already locked above)
    // and written set-based, so a slot of a large register is one short transaction.
    const work = new SagaWork(tx, step.timers);
    await work.preload([...(order?.applicationIds ?? []), ...late]);
    const run = async (command: ApplicationCommand) => {
      const res = await executeInWork(work, command, step);
      if (!res.ok) {
        // The members were read under lock: a refusal is a bug; the queue retries the slot.
        throw new AppError(
          'REGISTER_SLOT_REFUSED',
          `Register ${registerId}: ${command.type} refused for ${command.applicationId} (${res.rejection.code}): ${res.rejection.message}`,
          { registerId, applicationId: command.applicationId, code: res.rejection.code },
        );
      }
    };
    if (order) {
      const orderMessageId = registerOrderMessageId(registerId);
      for (const applicationId of order.applicationIds)
        await run({ type: 'OrderRegister', applicationId, at, registerId, orderMessageId });
      await work.flush();
      const header = { messageId: orderMessageId, correlationId: registerId, occurredAt: at };
      await insertOutboxMessages(tx, [buildRegisterDispatch(order, header)]);
    }
    for (const applicationId of late) await run({ type: 'ReplanRegister', applicationId, at, registerId });
    await work.flush();
    return { ordered: order?.applicationIds.length ?? 0, replanned: late.length };
  });
}
