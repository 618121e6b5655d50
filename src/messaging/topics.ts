import type { Admin, ITopicConfig } from 'kafkajs';
import type { AppConfig } from '../config/schema.js';
import { ALL_TOPICS, INBOUND_TOPICS, dlqTopic, topicName } from '../contract/topics.js';

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
  return [...plain, ...dlq];
}

/** Creates the topics that do not exist yet; existing ones are left as they are. Returns the created names. */
export async function provisionTopics(admin: Admin, config: AppConfig): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topicPlan(config).filter((t) => !existing.has(t.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({ topics: missing, waitForLeaders: true });
  return missing.map((t) => t.topic);
}
