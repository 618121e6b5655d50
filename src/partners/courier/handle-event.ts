/**
 * courier.events.v1: the courier picked up or delivered a register (items 54-55: every application
 * of the register moves) or a result (items 58-59, 62: the order's id is the dispatch id). One
 * message, one transaction: if the core refuses it for one application of a register, nothing of
 * the message is applied and it is parked with the code.
 */
import type { ApplicationCommand } from '../../core/application/index.js';
import type { CourierEventMessage } from '../../contract/messages.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { causeOf, type InboundHandler } from '../../pipeline/inbound/handler.js';
import { RejectedInputError } from '../../pipeline/inbound/rejected-input.js';
import { selectApplicationIdsOfRegister } from '../../pipeline/saga/application-queries.js';
import { runInboundCommand } from '../../pipeline/saga/run-command.js';

type Step = { at: string; registerId: string | null; applicationId: string | null };

function registerCommand(
  kind: CourierEventMessage['kind'],
  applicationId: string,
  registerId: string,
  at: string,
): ApplicationCommand {
  return kind === 'PICKED_UP'
    ? { type: 'DispatchRegister', applicationId, at, registerId }
    : { type: 'DeliverRegister', applicationId, at, registerId };
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

export function courierEventHandler(deps: AdapterDeps): InboundHandler {
  return async (m) => {
    const msg = m.value as unknown as CourierEventMessage;
    const step: Step = msg.kind === 'PICKED_UP' ? msg.pickedUp : msg.delivered;
    if (step.registerId) {
      const ids = await selectApplicationIdsOfRegister(m.tx, step.registerId);
      if (ids.length === 0) {
        throw new RejectedInputError(
          'UNKNOWN_REGISTER',
          `No application travels in register ${step.registerId}; check the courier's register id (it is the REGISTER_DISPATCH order's).`,
          {
            registerId: step.registerId,
          },
        );
      }
      for (const id of ids)
        await runInboundCommand(
          m.tx,
          registerCommand(msg.kind, id, step.registerId, step.at),
          deps,
          causeOf(m),
          msg.correlationId,
        );
      return;
    }
    if (!step.applicationId) {
      throw new RejectedInputError(
        'SHIPMENT_REF_MISSING',
        'A courier event names neither a register nor an application; the courier must set one of them.',
        {},
      );
    }
    await runInboundCommand(
      m.tx,
      resultCommand(msg.kind, step.applicationId, msg.orderMessageId, step.at),
      deps,
      causeOf(m),
      msg.correlationId,
    );
  };
}
