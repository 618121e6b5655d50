/**
 * The ONE place in src that names the Kafka topics of the integration contract (SPEC section 3,
 * fixed: integrators build against these names). Everything else imports from here.
 *
 * Registry subjects follow the Confluent TopicNameStrategy: `<full topic name>-value`, where the
 * full name includes the optional test-isolation prefix (see {@link topicName}). Compatibility of
 * every subject is BACKWARD.
 */
import { ContractError, ContractErrorCode } from './errors.js';

/** Base (unprefixed) topic names, exactly as in SPEC section 3. */
export const Topics = {
  /** Portal (egov.kz) -> adapter: applications submitted online (items 47, 51; R4). */
  portalApplications: 'egov.portal.applications.v1',
  /** PSC -> adapter: accepted applications, hand-over, return to college (items 49-50, 61-62). */
  corporationApplications: 'gov4c.corporation.applications.v1',
  /** Adapter -> e-government gateway: identity lookups by IIN (item 49). */
  identityRequests: 'egov.gateway.identity.requests.v1',
  /** E-government gateway -> adapter: identity data (item 49). */
  identityResponses: 'egov.gateway.identity.responses.v1',
  /** Adapter -> college: registered applications (items 54, 57). Keyed by college BIN. */
  collegeApplications: 'college.applications.v1',
  /** College -> adapter: registration, preliminary refusal, hearing, decision (items 57-60). */
  collegeDecisions: 'college.decisions.v1',
  /** Adapter -> courier: register dispatch and result dispatch orders (items 54-55, 58-59). */
  courierOrders: 'courier.orders.v1',
  /** Courier -> adapter: picked up, delivered. */
  courierEvents: 'courier.events.v1',
  /** Adapter -> portal: status notifications (items 51, 58-59). */
  portalNotifications: 'egov.portal.notifications.v1',
  /** Adapter -> PSC: receipts, refusal receipts, result ready, return due (items 50, 52, 61-62). */
  corporationNotifications: 'gov4c.corporation.notifications.v1',
  /** Adapter -> eGovMobile "Digital documents": digital diploma (items 59-60). */
  digitalDocuments: 'egov.digital-documents.v1',
  /** Adapter -> monitoring information system: every stage (item 64). */
  monitoringStages: 'egov.monitoring.stages.v1',
} as const;

/** A base topic name of the contract. */
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** `in`: the adapter consumes it; `out`: the adapter produces it. */
export type TopicDirection = 'in' | 'out';

/**
 * How the Kafka message key is derived (SPEC section 3: "the application id unless stated").
 * - `applicationId`: the application id.
 * - `collegeBin`: the college BIN, so a college reads every application addressed to it in order.
 * - `registerOrApplicationId`: a register dispatch carries many applications, so its key is the
 *   register id; a single-result dispatch (and its courier events) is keyed by the application id.
 */
export type KeyRule = 'applicationId' | 'collegeBin' | 'registerOrApplicationId';

export type Party =
  'portal' | 'psc' | 'gateway' | 'college' | 'courier' | 'monitoring' | 'digital-documents' | 'adapter';

export interface TopicSpec {
  readonly name: TopicName;
  readonly direction: TopicDirection;
  readonly from: Party;
  readonly to: Party;
  /** File name under schemas/ holding the value schema (subject `<topic>-value`). */
  readonly schemaFile: string;
  readonly keyRule: KeyRule;
}

const spec = (
  name: TopicName,
  direction: TopicDirection,
  from: Party,
  to: Party,
  keyRule: KeyRule = 'applicationId',
): TopicSpec => ({ name, direction, from, to, schemaFile: `${name}.avsc`, keyRule });

/** Direction, parties, schema file and key rule of every topic. */
export const TOPIC_SPECS: Readonly<Record<TopicName, TopicSpec>> = {
  [Topics.portalApplications]: spec(Topics.portalApplications, 'in', 'portal', 'adapter'),
  [Topics.corporationApplications]: spec(Topics.corporationApplications, 'in', 'psc', 'adapter'),
  [Topics.identityRequests]: spec(Topics.identityRequests, 'out', 'adapter', 'gateway'),
  [Topics.identityResponses]: spec(Topics.identityResponses, 'in', 'gateway', 'adapter'),
  [Topics.collegeApplications]: spec(Topics.collegeApplications, 'out', 'adapter', 'college', 'collegeBin'),
  [Topics.collegeDecisions]: spec(Topics.collegeDecisions, 'in', 'college', 'adapter'),
  [Topics.courierOrders]: spec(Topics.courierOrders, 'out', 'adapter', 'courier', 'registerOrApplicationId'),
  [Topics.courierEvents]: spec(Topics.courierEvents, 'in', 'courier', 'adapter', 'registerOrApplicationId'),
  [Topics.portalNotifications]: spec(Topics.portalNotifications, 'out', 'adapter', 'portal'),
  [Topics.corporationNotifications]: spec(Topics.corporationNotifications, 'out', 'adapter', 'psc'),
  [Topics.digitalDocuments]: spec(Topics.digitalDocuments, 'out', 'adapter', 'digital-documents'),
  [Topics.monitoringStages]: spec(Topics.monitoringStages, 'out', 'adapter', 'monitoring'),
};

/** Every base topic name, in SPEC order. */
export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

/** Topics the adapter consumes; each has a dead-letter topic. */
export const INBOUND_TOPICS: readonly TopicName[] = ALL_TOPICS.filter((t) => TOPIC_SPECS[t].direction === 'in');

/** Topics the adapter produces. */
export const OUTBOUND_TOPICS: readonly TopicName[] = ALL_TOPICS.filter((t) => TOPIC_SPECS[t].direction === 'out');

/** Suffix of dead-letter topics (SPEC section 3: `<topic>.dlq`). */
export const DLQ_SUFFIX = '.dlq';

/** File name under schemas/ of the one value schema shared by every `<topic>.dlq`. */
export const DEAD_LETTER_SCHEMA_FILE = 'dead-letter.avsc';

/** Kafka allows these characters in topic names; at most 249 of them. */
const LEGAL_TOPIC = /^[a-zA-Z0-9._-]+$/;
const MAX_TOPIC_LENGTH = 249;

export function isTopicName(value: string): value is TopicName {
  return (ALL_TOPICS as readonly string[]).includes(value);
}

/**
 * Full topic name: `<prefix>.<base>`, or the base itself when the prefix is empty or absent.
 * The prefix isolates test runs on a shared broker (e.g. `it-7f3a`); the registry subject is
 * then `<prefix>.<base>-value` (use {@link valueSubject} on the full name).
 */
export function topicName(base: TopicName, prefix?: string): string {
  if (!isTopicName(base)) {
    throw new ContractError(
      ContractErrorCode.UNKNOWN_TOPIC,
      `"${String(base)}" is not a topic of the contract; use one of Topics.*.`,
      { base },
    );
  }
  if (prefix === undefined || prefix === '') return base;
  const full = `${prefix}.${base}`;
  if (!LEGAL_TOPIC.test(prefix) || full.length + DLQ_SUFFIX.length > MAX_TOPIC_LENGTH) {
    throw new ContractError(
      ContractErrorCode.INVALID_TOPIC_PREFIX,
      `Topic prefix "${prefix}" is not usable: use only letters, digits, ".", "_" or "-", and keep "<prefix>.<topic>.dlq" within ${MAX_TOPIC_LENGTH} characters.`,
      { prefix },
    );
  }
  return full;
}

/** Base topic name of a full (possibly prefixed, possibly `.dlq`) name; throws for names outside the contract. */
export function baseTopicOf(fullName: string, prefix?: string): TopicName {
  let name = fullName.endsWith(DLQ_SUFFIX) ? fullName.slice(0, -DLQ_SUFFIX.length) : fullName;
  if (prefix !== undefined && prefix !== '') {
    const head = `${prefix}.`;
    if (!name.startsWith(head)) {
      throw new ContractError(
        ContractErrorCode.UNKNOWN_TOPIC,
        `Topic "${fullName}" does not carry the configured prefix "${prefix}"; check the topic prefix setting.`,
        { fullName, prefix },
      );
    }
    name = name.slice(head.length);
  }
  if (!isTopicName(name)) {
    throw new ContractError(
      ContractErrorCode.UNKNOWN_TOPIC,
      `Topic "${fullName}" is not part of the contract (SPEC section 3).`,
      { fullName, prefix },
    );
  }
  return name;
}

/** Dead-letter topic of a topic (full name in, full name out): `<topic>.dlq`. */
export function dlqTopic(topic: string): string {
  return topic.endsWith(DLQ_SUFFIX) ? topic : `${topic}${DLQ_SUFFIX}`;
}

/** Schema registry subject of a topic's values (TopicNameStrategy): `<full topic>-value`. */
export function valueSubject(fullTopic: string): string {
  return `${fullTopic}-value`;
}
