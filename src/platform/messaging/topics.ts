import type { Admin, ITopicConfig } from 'kafkajs';
import type { AppConfig } from '../config/schema.js';
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
  const internal = [{ topic: internalTopicName(OUTBOX_CURSOR_TOPIC, k.topicPrefix), numPartitions: 1, replicationFactor: k.replicationFactor }];
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
