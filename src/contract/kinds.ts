/**
 * Runtime side of the envelope style of multi-kind topics (see messages.ts): which topics have
 * kinds, the field that holds each kind, and the check that exactly that field is set. Avro alone
 * cannot express "exactly one of these nullable fields", so consumers run {@link checkKindFields}
 * after decoding and park a failing message on the DLQ with its `code`.
 */
import {
  COLLEGE_DECISION_KIND,
  CORPORATION_APPLICATION_KIND,
  CORPORATION_NOTIFICATION_KIND,
  COURIER_EVENT_KIND,
  COURIER_ORDER_KIND,
  PORTAL_NOTIFICATION_KIND,
} from './enum-symbols.js';
import { ContractError, ContractErrorCode } from './errors.js';
import type { KindField } from './messages.js';
import { Topics, type TopicName } from './topics.js';

/** Kinds of every multi-kind topic; single-kind topics are absent. */
export const TOPIC_KINDS: Readonly<Partial<Record<TopicName, readonly string[]>>> = {
  [Topics.corporationApplications]: CORPORATION_APPLICATION_KIND,
  [Topics.collegeDecisions]: COLLEGE_DECISION_KIND,
  [Topics.courierOrders]: COURIER_ORDER_KIND,
  [Topics.courierEvents]: COURIER_EVENT_KIND,
  [Topics.portalNotifications]: PORTAL_NOTIFICATION_KIND,
  [Topics.corporationNotifications]: CORPORATION_NOTIFICATION_KIND,
};

/** 'RESULT_HANDED_OVER' -> 'resultHandedOver'. */
export function kindField<K extends string>(kind: K): KindField<K> {
  const [head = '', ...rest] = kind.toLowerCase().split('_');
  return (head + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')) as KindField<K>;
}

/**
 * Throws ContractError KIND_MISMATCH unless the value of a multi-kind topic has a known `kind`,
 * the field named after it set, and every other kind field null. Single-kind topics pass.
 */
export function checkKindFields(topic: TopicName, value: Record<string, unknown>): void {
  const kinds = TOPIC_KINDS[topic];
  if (kinds === undefined) return;
  const kind = value['kind'];
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    throw new ContractError(
      ContractErrorCode.KIND_MISMATCH,
      `Message on ${topic} has kind ${JSON.stringify(kind)}, expected one of ${kinds.join(', ')}; the producer must upgrade to the registered schema.`,
      { topic, kind, path: 'kind' },
    );
  }
  for (const k of kinds) {
    const field = kindField(k);
    const present = value[field] !== null && value[field] !== undefined;
    if (k === kind && !present) {
      throw new ContractError(
        ContractErrorCode.KIND_MISMATCH,
        `Message on ${topic} has kind ${kind} but field "${field}" is null; the producer must set the record of the kind it names.`,
        { topic, kind, path: field },
      );
    }
    if (k !== kind && present) {
      throw new ContractError(
        ContractErrorCode.KIND_MISMATCH,
        `Message on ${topic} has kind ${kind} but also sets "${field}"; exactly one kind field may be set.`,
        { topic, kind, path: field },
      );
    }
  }
}
