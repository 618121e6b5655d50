/**
 * The Kafka message key of each topic (SPEC section 3: the application id unless stated), by the
 * rule declared in TOPIC_SPECS:
 * - `applicationId`: the message's applicationId;
 * - `collegeBin`: college.applications.v1, so a college reads the applications addressed to it in
 *   order (SPEC section 5);
 * - `registerOrApplicationId`: courier orders and events; a register dispatch (many applications,
 *   item 54) is keyed by its register id, a result dispatch by its application id, and courier
 *   events by whichever of the two they carry, so an order and its events share a partition.
 */
import { ContractError, ContractErrorCode } from './errors.js';
import type { CourierEventMessage, CourierOrderMessage, MessageByTopic } from './messages.js';
import { TOPIC_SPECS, Topics, type TopicName } from './topics.js';

function missing(topic: TopicName, what: string): ContractError {
  return new ContractError(
    ContractErrorCode.MISSING_KEY,
    `Message for ${topic} has no ${what} to key it by; fix the code that builds the message.`,
    { topic },
  );
}

// Optional chaining: a value whose kind field is missing (see checkKindFields) yields no key.
function courierOrderKey(value: CourierOrderMessage): string | null | undefined {
  return value.kind === 'REGISTER_DISPATCH'
    ? (value.registerDispatch as CourierOrderMessage['registerDispatch'] | undefined)?.registerId
    : (value.resultDispatch as CourierOrderMessage['resultDispatch'] | undefined)?.applicationId;
}

function courierEventKey(value: CourierEventMessage): string | null | undefined {
  const ref = (value.kind === 'PICKED_UP' ? value.pickedUp : value.delivered) as
    { registerId: string | null; applicationId: string | null } | null | undefined;
  return ref?.registerId ?? ref?.applicationId;
}

/** The key to produce `value` with on `topic` (the base topic name). */
export function messageKey<T extends TopicName>(topic: T, value: MessageByTopic[T]): string {
  const rule = TOPIC_SPECS[topic].keyRule;
  let key: string | null | undefined;
  if (rule === 'collegeBin') {
    key = (value as { collegeBin?: string }).collegeBin;
  } else if (rule === 'registerOrApplicationId') {
    key =
      topic === Topics.courierOrders
        ? courierOrderKey(value as CourierOrderMessage)
        : courierEventKey(value as CourierEventMessage);
  } else {
    key = (value as { applicationId?: string }).applicationId;
  }
  if (typeof key !== 'string' || key === '') throw missing(topic, rule);
  return key;
}
