/**
 * The slot of a register comes (items 54-55): the applications planned into it that still wait
 * leave together in one courier order (REGISTER_DISPATCH, two copies). The order's content is the
 * core's (registerOrderOf); its message id is derived from the register and its members, so a
 * slot that runs twice (a retry after a crash) sends the same message again, which the courier
 * drops as a duplicate; an acceptance that joined after the order was sent gets the next order.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { registerOrderOf } from '../core/application/effects/register-order.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { insertOutboxMessages } from '../pipeline/outbox/outbox-queries.js';
import { selectRegisterMembersForUpdate } from '../pipeline/saga/application-queries.js';
import { buildRegisterDispatch } from '../partners/courier/build-order.js';

/** Sends the register's order; returns the number of applications in it (0: none waits). */
export async function dispatchRegister(db: Knex, deps: AdapterDeps, registerId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const order = registerOrderOf(registerId, await selectRegisterMembersForUpdate(tx, registerId));
    if (!order) return 0;
    const digest = createHash('sha256')
      .update(`${registerId}\0${order.applicationIds.join('\0')}`)
      .digest('hex')
      .slice(0, 16);
    const header = {
      messageId: `ro-${registerId}-${digest}`,
      correlationId: registerId,
      occurredAt: deps.now().toISOString(),
    };
    await insertOutboxMessages(tx, [buildRegisterDispatch(order, header)]);
    return order.applicationIds.length;
  });
}
