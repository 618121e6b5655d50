import type { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { AppError } from '../errors/app-error.js';
import { topicName, type TopicName } from '../../contract/topics.js';
import { getSubjectsOfSchemaId } from './ccompat.js';
import type { RegisteredSchema } from './registry.js';

export class CodecError extends AppError {}

/**
 * Encodes values of a topic with the schema registered for it (Confluent wire format) and decodes
 * any message through the registry (the writer schema is fetched by the id in the message).
 */
export class MessageCodec {
  constructor(
    readonly registry: SchemaRegistry,
    private readonly schemas: Map<string, RegisteredSchema>,
    readonly prefix: string,
    /** Confluent-compatible API base of the same registry (for the subjects of a schema id). */
    readonly registryUrl = '',
  ) {}

  /** Full (prefixed) topic name of a contract topic. */
  topic(base: TopicName): string {
    return topicName(base, this.prefix);
  }

  schemaFor(fullTopic: string): RegisteredSchema {
    const s = this.schemas.get(fullTopic);
    if (!s)
      throw new CodecError(
        'SCHEMA_NOT_REGISTERED',
        `No schema registered for topic ${fullTopic}; the adapter registers the contract at start: run it once, or check the topic prefix.`,
        { topic: fullTopic },
      );
    return s;
  }

  /**
   * Fetches the writer schema of every contract topic (and `.dlq`) into the registry client's
   * cache, while the registry is known to answer (at start, right after registration): encode()
   * then never calls the registry. Fetched lazily instead, the first record of a topic after a
   * start, met during a registry outage, failed to encode and the relay set its row aside as
   * OUTBOX_ROW_INVALID (an operator's retry needed for an outage).
   */
  async preload(): Promise<void> {
    await Promise.all([...this.schemas.values()].map((s) => this.registry.getSchema(s.id)));
  }

  async encode(fullTopic: string, value: unknown): Promise<Buffer> {
    return this.registry.encode(this.schemaFor(fullTopic).id, value);
  }

  /** The subjects a schema id is registered under (null: the registry does not know the id). */
  async subjectsOf(schemaId: number): Promise<string[] | null> {
    return getSubjectsOfSchemaId(this.registryUrl, schemaId);
  }

  async decode<T = unknown>(bytes: Buffer): Promise<T> {
    return (await this.registry.decode(bytes)) as T;
  }
}
