import type { Kafka } from 'kafkajs';
import type { AppConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { MessageCodec } from './codec.js';
import { createKafka } from './kafka.js';
import { createRegistry, registerContractSchemas } from './registry.js';
import { provisionTopicsWithin } from './topics.js';

export interface Messaging {
  kafka: Kafka;
  codec: MessageCodec;
}

/**
 * What every process does before it consumes or produces: register the contract's schemas
 * (idempotent, safe from several processes at once) and fetch them into the codec's cache (it then
 * encodes without the registry), create missing topics (at most a minute), then hand out a Kafka
 * client and a codec.
 */
export async function connectMessaging(config: AppConfig, log: Logger, clientSuffix = ''): Promise<Messaging> {
  const registry = createRegistry(config.schemaRegistry.url);
  const schemas = await registerContractSchemas(config.schemaRegistry.url, config.kafka.topicPrefix);
  const codec = new MessageCodec(registry, schemas, config.kafka.topicPrefix, config.schemaRegistry.url);
  await codec.preload();
  const kafka = createKafka(config, log, clientSuffix);
  const created = await provisionTopicsWithin(kafka, config);
  if (created.length > 0) log.info({ created }, 'topics created');
  return { kafka, codec };
}
