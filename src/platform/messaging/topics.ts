import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import type { AppConfig } from '../config/schema.js';
import { AppError } from '../errors/app-error.js';
import { withDeadline } from './deadline.js';
import { asKafkaAuthenticationError, kafkaTlsHint } from './kafka.js';
import { ALL_TOPICS, INBOUND_TOPICS, dlqTopic, topicName } from '../../contract/topics.js';

/**
 * Internal topics (not part of the integration contract): the outbox relay commits its cursor
 * (the last batch sent) as a consumer-group offset against partition 0 of this topic, inside the
 * same Kafka transaction as the batch. It holds no messages.
 */
export const OUTBOX_CURSOR_TOPIC = 'tvet-adapter.outbox-cursor.v1';

export function internalTopicName(base: string, prefix: string): string {
  return prefix ? `${prefix}.${base}` : base;
}

/** Every topic the adapter needs, with partitions and retention from configuration. */
export function topicPlan(config: AppConfig): ITopicConfig[] {
  const k = config.kafka;
  const plain = ALL_TOPICS.map((t) => ({
    topic: topicName(t, k.topicPrefix),
    numPartitions: k.partitions,
    replicationFactor: k.replicationFactor,
    configEntries: [{ name: 'retention.ms', value: String(k.retentionMs) }],
  }));
  const dlq = INBOUND_TOPICS.map((t) => ({
    topic: dlqTopic(topicName(t, k.topicPrefix)),
    numPartitions: 1,
    replicationFactor: k.replicationFactor,
    configEntries: [{ name: 'retention.ms', value: String(k.dlqRetentionMs) }],
  }));
  const internal = [
    {
      topic: internalTopicName(OUTBOX_CURSOR_TOPIC, k.topicPrefix),
      numPartitions: 1,
      replicationFactor: k.replicationFactor,
    },
  ];
  return [...plain, ...dlq, ...internal];
}

/** Creates the topics that do not exist yet; existing ones are left as they are. Returns the created names. */
export async function provisionTopics(admin: Admin, config: AppConfig): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topicPlan(config).filter((t) => !existing.has(t.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({ topics: missing, waitForLeaders: true });
  return missing.map((t) => t.topic);
}

export class TopicProvisioningError extends AppError {}

/** Longest the topics may take at start: kafkajs' own retries alone can run for minutes. */
export const TOPIC_PROVISIONING_TIMEOUT_MS = 60_000;

/**
 * provisionTopics with its own admin client, at most `timeoutMs`, failing with a typed error
 * that says what to check (a KafkaAuthenticationError when the brokers refuse the SASL login).
 * Several processes at once are fine: kafkajs answers a topic another one created meanwhile
 * (TOPIC_ALREADY_EXISTS) as not created by us.
 */
export async function provisionTopicsWithin(
  kafka: Pick<Kafka, 'admin'>,
  config: AppConfig,
  timeoutMs = TOPIC_PROVISIONING_TIMEOUT_MS,
): Promise<string[]> {
  const brokers = config.kafka.brokers.join(',');
  const admin = kafka.admin();
  const work = admin.connect().then(() => provisionTopics(admin, config));
  try {
    return await withDeadline(
      work,
      timeoutMs,
      () =>
        new TopicProvisioningError(
          'TOPIC_PROVISIONING_TIMEOUT',
          `The topics were not provisioned on ${brokers} within ${timeoutMs} ms. ` +
            'Check KAFKA_BROKERS and that the brokers answer.',
          { brokers, timeoutMs },
        ),
    );
  } catch (err) {
    if (err instanceof TopicProvisioningError) throw err;
    // A refused login is not retried by kafkajs: it fails at once, and says which settings to check.
    const refused = asKafkaAuthenticationError(err, config);
    if (refused) throw refused;
    const check =
      `Check KAFKA_BROKERS, that this client may create topics, and that KAFKA_REPLICATION_FACTOR ` +
      `(${config.kafka.replicationFactor}) is not above the number of brokers.${kafkaTlsHint(err, config)}`;
    throw new TopicProvisioningError(
      'TOPIC_PROVISIONING_FAILED',
      `Could not provision the topics on ${brokers}: ${(err as Error).message}. ${check}`,
      { brokers },
      { cause: err },
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
