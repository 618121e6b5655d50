import { describe, expect, it } from 'vitest';
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { createRegistry } from '../../../src/platform/messaging/registry.js';
import { loadSchemaFile } from '../../../src/contract/schemas.js';
import { Topics, topicName, valueSubject } from '../../../src/contract/topics.js';
import { isolatedConfig } from '../../support/isolation.js';

const config = isolatedConfig('compat');
const registry = createRegistry(config.schemaRegistry.url);
const subject = valueSubject(topicName(Topics.monitoringStages, config.kafka.topicPrefix));
const base = loadSchemaFile(`${Topics.monitoringStages}.avsc`).schema as { fields: Array<Record<string, unknown>> };

function withFields(fields: Array<Record<string, unknown>>): string {
  return JSON.stringify({ ...base, fields });
}

describe('BACKWARD compatibility enforced by the real registry', () => {
  it('accepts v1, refuses an incompatible change, accepts a compatible v2', async () => {
    const v1 = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(base) }, { subject });

    // A new required field without a default: readers of v2 cannot read v1 data.
    const incompatible = withFields([
      ...base.fields,
      { name: 'operatorNote', type: 'string', doc: 'required, no default' },
    ]);
    await expect(registry.register({ type: SchemaType.AVRO, schema: incompatible }, { subject })).rejects.toThrow(
      /409|ncompatib/,
    );

    // The same field, optional with a default: compatible.
    const compatible = withFields([
      ...base.fields,
      { name: 'operatorNote', type: ['null', 'string'], default: null, doc: 'optional note' },
    ]);
    const v2 = await registry.register({ type: SchemaType.AVRO, schema: compatible }, { subject });
    expect(v2.id).not.toBe(v1.id);

    const versions = (await (
      await fetch(`${config.schemaRegistry.url}/subjects/${subject}/versions`)
    ).json()) as number[];
    expect(versions).toHaveLength(2);
  });
});
