/**
 * courier.orders.v1: the register of a PSC branch to a college (items 54-55, key: the register id),
 * and a result from the college to a PSC branch (items 58-59, 62, key: the application id; its
 * message id is the dispatch id the courier's events name). Addresses: the contract asks for
 * them; the adapter knows the branch and the college by id and name only, so it names them.
 */
import type { RegisterOrder } from '../../core/application/effects/register-order.js';
import type { ResultDispatchIntent } from '../../core/application/effects/index.js';
import type { Application } from '../../core/application/model.js';
import { envelope } from '../../contract/envelope.js';
import type { CourierOrderMessage, MessageHeader } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';

const HOUR = 3_600_000;
const plusHours = (instant: string, h: number) => new Date(Date.parse(instant) + h * HOUR).toISOString();

export function buildResultDispatch(
  intent: ResultDispatchIntent,
  app: Application,
  meta: OutboundMeta,
): TopicMessage<typeof Topics.courierOrders> {
  // The core decides the window; the way back after storage has no legal limit: its window's end.
  const deliverBy = intent.deliverBy ?? intent.pickupWindow.to;
  const body = {
    applicationId: app.applicationId,
    resultKind: intent.resultKind,
    fromCollegeBin: app.collegeBin,
    fromAddress: app.collegeName,
    toBranchId: intent.toBranchId,
    toAddress: `PSC branch ${intent.toBranchId}`,
    slot: { from: intent.pickupWindow.from, to: intent.pickupWindow.to },
    deliverBy,
  };
  // The dispatch id is the order's message id: the courier's events name it (orderMessageId).
  const header = { ...meta.header, messageId: intent.dispatchId };
  return {
    topic: Topics.courierOrders,
    key: app.applicationId,
    value: envelope<CourierOrderMessage>(Topics.courierOrders, 'RESULT_DISPATCH', body, header),
  };
}

export function buildRegisterDispatch(
  order: RegisterOrder,
  header: MessageHeader,
): TopicMessage<typeof Topics.courierOrders> {
  const body = {
    registerId: order.registerId,
    copies: order.copies,
    applicationIds: order.applicationIds,
    acceptanceDate: order.acceptanceDate,
    fromBranchId: order.fromBranchId,
    fromAddress: `PSC branch ${order.fromBranchId}`,
    toCollegeBin: order.toCollegeBin,
    toAddress: order.collegeName,
    slot: { from: order.pickupAt, to: plusHours(order.pickupAt, 4) },
  };
  return {
    topic: Topics.courierOrders,
    key: order.registerId,
    value: envelope<CourierOrderMessage>(Topics.courierOrders, 'REGISTER_DISPATCH', body, header),
  };
}
