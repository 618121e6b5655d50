/**
 * courier.events.v1: the courier picked up or delivered a register (items 54-55: the applications
 * of the order the event names move, registerEventMembers) or a result (items 58-59, 62: the
 * order's id is the dispatch id). One message, one transaction: if the core refuses it for one
 * application of a register, nothing of the message is applied and it is parked with the code.
 */
import type { ApplicationCommand } from '../../core/application/index.js';
import { registerEventMembers } from '../../core/application/effects/register-order.js';
import type { CourierEventMessage } from '../../contract/messages.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { causeOf, type InboundHandler, type InboundMessage } from '../../pipeline/inbound/handler.js';
import { RejectedInputError } from '../../pipeline/inbound/rejected-input.js';
import { selectRegisterMembersForUpdate } from '../../pipeline/saga/application-queries.js';
import { runInboundCommand } from '../../pipeline/saga/run-command.js';

type Step = { at: string; registerId: string | null; applicationId: string | null };

function registerCommand(
  kind: CourierEventMessage['kind'],
  applicationId: string,
  registerId: string,
  orderMessageId: string,
  at: string,
): ApplicationCommand {
  return kind === 'PICKED_UP'
    ? { type: 'DispatchRegister', applicationId, at, registerId, orderMessageId }
    : { type: 'DeliverRegister', applicationId, at, registerId, orderMessageId };
}

function resultCommand(
  kind: CourierEventMessage['kind'],
  applicationId: string,
  dispatchId: string,
  at: string,
): ApplicationCommand {
  return kind === 'PICKED_UP'
    ? { type: 'DispatchResult', applicationId, at, dispatchId }
    : { type: 'DeliverResultToPsc', applicationId, at, dispatchId };
}

async function handleRegisterEvent(
  m: InboundMessage,
  msg: CourierEventMessage,
  at: string,
  registerId: string,
  deps: AdapterDeps,
): Promise<void> {
  const { orderMessageId } = msg;
  const members = registerEventMembers(
    registerId,
    orderMessageId,
    // A member changed earlier in this batch: the batch's state of it, not the row's.
    (await selectRegisterMembersForUpdate(m.tx, registerId)).map((s) => m.work.held(s.applicationId!) ?? s),
  );
  if (!members.ok && members.code === 'UNKNOWN_REGISTER') {
    throw new RejectedInputError(
      'UNKNOWN_REGISTER',
      `No application travels in register ${registerId}; check the courier's register id (it is the REGISTER_DISPATCH order's).`,
      { registerId },
    );
  }
  if (!members.ok) {
    const sent =
      members.ordersSent.length > 0 ? `its order: ${members.ordersSent.join(', ')}` : 'its order has not been sent';
    throw new RejectedInputError(
      'UNKNOWN_REGISTER_ORDER',
      `Register ${registerId} did not leave in courier order ${orderMessageId} (${sent}); check the courier's orderMessageId.`,
      { registerId, orderMessageId, ordersSent: members.ordersSent },
    );
  }
  if (members.skippedClosed.length > 0) {
    deps.log.info(
      { registerId, orderMessageId, kind: msg.kind, applicationIds: members.skippedClosed },
      'courier event for a register: its closed applications are skipped',
    );
  }
  for (const applicationId of members.applicationIds) {
    await runInboundCommand(
      m.work,
      registerCommand(msg.kind, applicationId, registerId, orderMessageId, at),
      deps,
      causeOf(m),
      msg.correlationId,
    );
  }
}

export function courierEventHandler(deps: AdapterDeps): InboundHandler {
  return async (m) => {
    const msg = m.value as unknown as CourierEventMessage;
    const step: Step = msg.kind === 'PICKED_UP' ? msg.pickedUp : msg.delivered;
    if (step.registerId) return handleRegisterEvent(m, msg, step.at, step.registerId, deps);
    if (!step.applicationId) {
      throw new RejectedInputError(
        'SHIPMENT_REF_MISSING',
        'A courier event names neither a register nor an application; the courier must set one of them.',
        {},
      );
    }
    await runInboundCommand(
      m.work,
      resultCommand(msg.kind, step.applicationId, msg.orderMessageId, step.at),
      deps,
      causeOf(m),
      msg.correlationId,
    );
  };
}
