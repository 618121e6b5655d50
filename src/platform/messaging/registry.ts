import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { AppError } from '../errors/app-error.js';
import { schemaRegistryOptions } from '../../contract/registry-options.js';
import { contractSchemas, type TopicSchema } from '../../contract/schemas.js';

export class RegistryError extends AppError {}

/** The registry client, with the contract's logical types. `url` is the Confluent-compatible base. */
export function createRegistry(url: string): SchemaRegistry {
  return new SchemaRegistry({ host: url }, schemaRegistryOptions());
}

export interface RegisteredSchema extends TopicSchema {
  id: number;
}

/**
 * Registers every value schema of the contract (each topic and each `.dlq`) under
 * `<topic>-value`. Idempotent: the registry answers an already registered schema with its id.
 * A schema the registry's compatibility rule refuses stops the start with a clear error.
 */
export async function registerContractSchemas(registry: SchemaRegistry, prefix: string): Promise<Map<string, RegisteredSchema>> {
  const out = new Map<string, RegisteredSchema>();
  for (const s of contractSchemas({ prefix })) {
    try {
      const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(s.schema) }, { subject: s.subject });
      out.set(s.topic, { ...s, id });
    } catch (err) {
      throw new RegistryError('SCHEMA_REGISTRATION_FAILED', `The schema registry refused ${s.file} for subject ${s.subject}: ${(err as Error).message}. If the change is incompatible (BACKWARD), publish it as a new topic version (.v2) instead.`, { subject: s.subject }, { cause: err });
    }
  }
  return out;
}
