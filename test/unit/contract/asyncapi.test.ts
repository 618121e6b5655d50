import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { DiagnosticSeverity, Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { asyncApiYaml, buildAsyncApiDocument, sampleFiles, topicMessages } from '../../../src/contract/asyncapi.js';
import { VENDOR_FILES, renderAsyncApiHtml } from '../../../src/contract/asyncapi-html.js';
import { TOPIC_KINDS } from '../../../src/contract/kinds.js';
import { deadLetterSamples } from '../../../src/contract/samples.js';
import { defaultSchemasDir, loadSchemaFile, topicSchema } from '../../../src/contract/schemas.js';
import {
  ALL_TOPICS,
  DEAD_LETTER_SCHEMA_FILE,
  INBOUND_TOPICS,
  TOPIC_SPECS,
  dlqTopic,
} from '../../../src/contract/topics.js';

const docsDir = join(dirname(defaultSchemasDir()), 'docs', 'asyncapi');
const regenerate = 'run `npm run asyncapi` and commit docs/asyncapi/';

describe('AsyncAPI document of the contract', () => {
  let parsed: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    const parser = new Parser();
    parser.registerSchemaParser(AvroSchemaParser());
    const { document, diagnostics } = await parser.parse(asyncApiYaml());
    const problems = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
      .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
    expect(document).toBeDefined();
    parsed = document as AsyncAPIDocumentInterface;
  }, 60_000);

  it('is AsyncAPI 3.0.0 with a kafka server', () => {
    expect(parsed.version()).toBe('3.0.0');
    expect(
      parsed
        .servers()
        .all()
        .map((s) => s.protocol()),
    ).toEqual(['kafka']);
  });

  it('has a channel per topic with a message per kind, and an operation from the adapter side', () => {
    for (const topic of ALL_TOPICS) {
      const channel = parsed
        .channels()
        .all()
        .find((c) => c.address() === topic);
      expect(channel, topic).toBeDefined();
      const names = channel!
        .messages()
        .all()
        .map((m) => m.name());
      const kinds = TOPIC_KINDS[topic];
      if (kinds) expect(names.sort(), topic).toEqual([...kinds].sort());
      else expect(names, topic).toEqual([topicSchema(topic).schema['name']]);
      for (const m of channel!.messages().all()) {
        expect(m.payload()?.schemaFormat(), m.id()).toMatch(/^application\/vnd\.apache\.avro\+json/);
        expect(m.bindings().get('kafka')?.value()['key'], m.id()).toBeDefined();
      }
      const operations = channel!.operations().all();
      expect(
        operations.map((o) => o.action()),
        topic,
      ).toEqual([TOPIC_SPECS[topic].direction === 'out' ? 'send' : 'receive']);
      expect(operations[0]!.json()['x-publisher'], topic).toBe(TOPIC_SPECS[topic].from);
      expect(operations[0]!.json()['x-subscriber'], topic).toBe(TOPIC_SPECS[topic].to);
    }
  });

  it('has the dead-letter topic of every inbound topic, and no other channel', () => {
    for (const topic of INBOUND_TOPICS) {
      const channel = parsed
        .channels()
        .all()
        .find((c) => c.address() === dlqTopic(topic));
      expect(
        channel
          ?.messages()
          .all()
          .map((m) => m.name()),
        topic,
      ).toEqual(['DeadLetter']);
      expect(
        channel
          ?.operations()
          .all()
          .map((o) => o.action()),
        topic,
      ).toEqual(['send']);
    }
    expect(parsed.channels().all().length).toBe(ALL_TOPICS.length + INBOUND_TOPICS.length);
  });

  it('carries the .avsc files unchanged as payloads', () => {
    const schemas = buildAsyncApiDocument()['components'] as { schemas: Record<string, { schema: unknown }> };
    for (const topic of ALL_TOPICS) {
      const { schema } = topicSchema(topic);
      expect(schemas.schemas[String(schema['name'])]?.schema, topic).toEqual(schema);
    }
    expect(schemas.schemas['DeadLetter']?.schema).toEqual(loadSchemaFile(DEAD_LETTER_SCHEMA_FILE).schema);
  });
});

describe('docs/asyncapi is up to date (' + regenerate + ')', () => {
  it('asyncapi.yaml is the generated document', () => {
    expect(readFileSync(join(docsDir, 'asyncapi.yaml'), 'utf8'), regenerate).toBe(asyncApiYaml());
  });

  it('samples/ holds one sample per message, in the Avro JSON encoding, each decoding to its sample', () => {
    const files = sampleFiles();
    expect(readdirSync(join(docsDir, 'samples')).sort(), regenerate).toEqual([...files.keys()].sort());
    for (const [file, value] of files) {
      expect(readFileSync(join(docsDir, 'samples', file), 'utf8'), `${file}: ${regenerate}`).toBe(
        `${JSON.stringify(value, null, 2)}\n`,
      );
    }
    for (const topic of ALL_TOPICS) {
      const { type } = topicSchema(topic);
      for (const m of topicMessages(topic)) {
        expect(type.fromString(JSON.stringify(files.get(m.sampleFile))), m.sampleFile).toEqual(m.sample);
      }
    }
    const { type } = loadSchemaFile(DEAD_LETTER_SCHEMA_FILE);
    expect(type.fromString(JSON.stringify(files.get('dead-letter.json')))).toEqual(deadLetterSamples[0]);
  });

  it('index.html renders the document with the installed @asyncapi/react-component, copied to vendor/', () => {
    const component = dirname(createRequire(import.meta.url).resolve('@asyncapi/react-component/package.json'));
    const { version } = JSON.parse(readFileSync(join(component, 'package.json'), 'utf8')) as { version: string };
    expect(readFileSync(join(docsDir, 'index.html'), 'utf8'), regenerate).toBe(
      renderAsyncApiHtml(buildAsyncApiDocument(), version),
    );
    const bundle = readFileSync(join(docsDir, 'vendor', VENDOR_FILES.script));
    expect(bundle.equals(readFileSync(join(component, 'browser', 'standalone', 'index.js'))), regenerate).toBe(true);
    expect(existsSync(join(docsDir, 'vendor', VENDOR_FILES.style))).toBe(true);
    expect(existsSync(join(docsDir, 'vendor', VENDOR_FILES.license))).toBe(true);
  });
});
