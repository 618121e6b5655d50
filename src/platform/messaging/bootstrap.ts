import type { Kafka } from 'kafkajs';
import type { AppConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { MessageCodec } from './codec.js';
import { createKafka } from './kafka.js';
import { createRegistry, registerContractSchemas } from './registry.js';
import { provisionTopics } from './topics.js';

export interface Messaging {
  kafka: Kafka;
  codec: MessageCodec;
}

/**
 * What every process does before it consumes or produces: register the contract's schemas
 * (idempotent) and create missing topics, then hand out a Kafka client and a codec.
 */
export async function connectMessaging(config: AppConfig, log: Logger, clientSuffix = ''): Promise<Messaging> {
  const registry = createRegistry(config.schemaRegistry.url);
  const schemas = await registerContractSchemas(config.schemaRegistry.url, config.kafka.topicPrefix);
  const kafka = createKafka(config, log, clientSuffix);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const created = await provisionTopics(admin, config);
    if (created.length > 0) log.info({ created }, 'topics created');
  } finally {
    await admin.disconnect();
  }
  return { kafka, codec: new MessageCodec(registry, schemas, config.kafka.topicPrefix) };
}
