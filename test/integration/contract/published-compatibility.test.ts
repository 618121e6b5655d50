/**
 * Every schema of the contract evolves BACKWARD-compatibly from what was published: for each
 * subject, the version shipped in November 2026 (test/fixtures/published-schemas/2026-11) is
 * registered first, then the current one; the real registry (global rule BACKWARD) must accept
 * it. Add a snapshot folder whenever a release publishes schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { createRegistry } from '../../../src/platform/messaging/registry.js';
import { loadSchemaFile } from '../../../src/contract/schemas.js';
import { isolatedConfig } from '../../support/isolation.js';

const PUBLISHED = fileURLToPath(new URL('../../fixtures/published-schemas/2026-11/', import.meta.url));
const config = isolatedConfig('published');
const registry = createRegistry(config.schemaRegistry.url);
const files = readdirSync(PUBLISHED)
  .filter((f) => f.endsWith('.avsc'))
  .sort();

describe('the contract evolves BACKWARD from the published schemas', () => {
  it('has a published snapshot of every schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  it.each(files.map((f) => [f]))('%s: the current schema is accepted after the published one', async (file) => {
    const subject = `${config.kafka.topicPrefix}.${file.replace(/\.avsc$/, '')}-value`;
    const published = readFileSync(join(PUBLISHED, file), 'utf8');
    const current = JSON.stringify(loadSchemaFile(file).schema);
    const v1 = await registry.register({ type: SchemaType.AVRO, schema: published }, { subject });
    const v2 = await registry.register({ type: SchemaType.AVRO, schema: current }, { subject });
    expect(v2.id).toBeGreaterThan(0);
    if (JSON.stringify(JSON.parse(published)) === current) expect(v2.id).toBe(v1.id);
  });
});
