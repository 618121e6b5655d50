/**
 * Options for the schema registry client (@kafkajs/confluent-schema-registry), so that it encodes
 * and decodes with the same logical types as the rest of the adapter: instants as ISO-8601
 * strings, dates as 'YYYY-MM-DD' (see logical-types.ts).
 *
 * Usage: `new SchemaRegistry({ host }, schemaRegistryOptions())`. The client passes
 * `options[SchemaType.AVRO]` to avsc `Type.forSchema` for the writer schema it fetches by id.
 */
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { logicalTypes } from './logical-types.js';

export function schemaRegistryOptions() {
  return { [SchemaType.AVRO]: { logicalTypes } };
}
