/**
 * The contract in AsyncAPI form (issue 10 item 5): an AsyncAPI 3.0.0 document built from the
 * topic list (topics.ts), the kinds (kinds.ts) and the Avro schemas (schemas/*.avsc, read through
 * schemas.ts), plus one sample message of every kind (samples.ts) in the Avro JSON encoding.
 * Pure apart from reading the schema files; `npm run asyncapi` (src/cli/asyncapi.ts) writes the
 * result to docs/asyncapi/, and test/unit/contract/asyncapi.test.ts checks the committed copy.
 *
 * Everything is seen from the adapter: `send` operations are topics it produces, `receive`
 * operations topics it consumes; `x-publisher` and `x-subscriber` name the two parties of a topic.
 */
import { stringify } from 'yaml';
import { TOPIC_KINDS, kindField } from './kinds.js';
import { deadLetterSamples, samples } from './samples.js';
import { loadSchemaFile, topicSchema, type AvroSchemaJson } from './schemas.js';
import {
  ALL_TOPICS,
  DEAD_LETTER_SCHEMA_FILE,
  INBOUND_TOPICS,
  TOPIC_SPECS,
  Topics,
  dlqTopic,
  type KeyRule,
  type Party,
  type TopicName,
} from './topics.js';

/** Schema format of the payloads: the Avro version the schemas are written for. */
export const AVRO_SCHEMA_FORMAT = 'application/vnd.apache.avro+json;version=1.9.0';

/** Content type of a Kafka value: Avro binary in the Confluent wire format. */
export const AVRO_CONTENT_TYPE = 'application/vnd.apache.avro+binary';

const KAFKA_BINDING_VERSION = '0.5.0';

/** Who each party of the contract is. */
export const PARTIES: Readonly<Record<Party, string>> = {
  portal: 'E-government portal (egov.kz)',
  psc: 'State Corporation "Government for Citizens" (PSC, gov4c)',
  gateway: 'E-government gateway (identity lookups by IIN)',
  college: 'College information system (the service provider)',
  courier: 'Courier / post',
  'digital-documents': 'eGovMobile "Digital documents"',
  monitoring: 'Monitoring information system',
  adapter: 'This adapter (tvet-duplicate-adapter)',
};

const KEYS: Readonly<Record<KeyRule, { description: string; example: string }>> = {
  applicationId: { description: 'The application id (applicationId of the value).', example: 'GOV4C-20260303-0008124' },
  collegeBin: {
    description:
      'The college BIN (collegeBin of the value), so a college reads the applications addressed to it in order.',
    example: '040740005191',
  },
  registerOrApplicationId: {
    description:
      'The register id for a register dispatch (one register carries many applications) and its events; the application id for a result dispatch and its events. An order and its events share a partition.',
    example: 'REG-ALM-AUEZOV-02-20260303-2',
  },
};

/** A JSON value as written to the document. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** `egov.portal.applications.v1` -> `portalApplications` (the key in Topics). */
export function channelId(topic: TopicName): string {
  const entry = Object.entries(Topics).find(([, name]) => name === topic);
  if (entry === undefined) throw new Error(`No Topics entry for ${topic}`);
  return entry[0];
}

/** Channel id of the dead-letter topic of an inbound topic. */
export function dlqChannelId(topic: TopicName): string {
  return `${channelId(topic)}Dlq`;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface AvroField {
  name: string;
  type: unknown;
  doc?: string;
}

function fieldsOf(schema: AvroSchemaJson): AvroField[] {
  return (schema['fields'] as AvroField[] | undefined) ?? [];
}

/** The doc of the record held by the nullable field of a kind (`["null", {record}]`). */
function kindDoc(schema: AvroSchemaJson, kind: string): string {
  const field = fieldsOf(schema).find((f) => f.name === kindField(kind));
  const record = Array.isArray(field?.type)
    ? (field.type.find((t) => typeof t === 'object' && t !== null) as { doc?: string } | undefined)
    : undefined;
  return record?.doc ?? field?.doc ?? kind;
}

/** One message of a topic: a kind of a multi-kind topic, or the only message of a single-kind topic. */
export interface MessageEntry {
  topic: TopicName;
  /** The kind symbol, or null on a single-kind topic. */
  kind: string | null;
  /** Key under components.messages. */
  id: string;
  /** File name under docs/asyncapi/samples/. */
  sampleFile: string;
  /** The sample value (decoded form, as in samples.ts). */
  sample: Record<string, unknown>;
}

/** The messages of a topic, one per kind, each with its sample. */
export function topicMessages(topic: TopicName): MessageEntry[] {
  const values = samples[topic] as unknown as Array<Record<string, unknown>>;
  const kinds = TOPIC_KINDS[topic];
  if (kinds === undefined) {
    const sample = values[0] as Record<string, unknown>;
    return [{ topic, kind: null, id: channelId(topic), sampleFile: `${topic}.json`, sample }];
  }
  return kinds.map((kind) => {
    const sample = values.find((v) => v['kind'] === kind);
    if (sample === undefined) throw new Error(`No sample of kind ${kind} on ${topic} in samples.ts`);
    return { topic, kind, id: `${channelId(topic)}.${kindField(kind)}`, sampleFile: `${topic}.${kind}.json`, sample };
  });
}

/** Sample file of the dead letters (one schema for every `.dlq` topic). */
export const DEAD_LETTER_SAMPLE_FILE = 'dead-letter.json';

/**
 * The sample files: name under docs/asyncapi/samples/ -> the value in the Avro JSON encoding
 * (what `kafka-avro-console-producer` and avro-tools read: unions wrapped, timestamps as epoch
 * milliseconds, dates as days, bytes as ISO-8859-1 strings).
 */
export function sampleFiles(): Map<string, Json> {
  const files = new Map<string, Json>();
  for (const topic of ALL_TOPICS) {
    const { type } = topicSchema(topic);
    for (const m of topicMessages(topic)) files.set(m.sampleFile, JSON.parse(type.toString(m.sample)) as Json);
  }
  const { type } = loadSchemaFile(DEAD_LETTER_SCHEMA_FILE);
  files.set(DEAD_LETTER_SAMPLE_FILE, JSON.parse(type.toString(deadLetterSamples[0])) as Json);
  return files;
}

function partyText(party: Party): string {
  return party === 'adapter' ? 'the adapter' : `${PARTIES[party]} (\`${party}\`)`;
}

function example(name: string, file: string, payload: Json): JsonObject {
  return { name, summary: `In the Avro JSON encoding, as in samples/${file}.`, payload };
}

function messageObject(m: MessageEntry, schemaName: string): JsonObject {
  const key = KEYS[TOPIC_SPECS[m.topic].keyRule];
  const { schema, type } = topicSchema(m.topic);
  const doc = m.kind === null ? String(schema['doc'] ?? '') : kindDoc(schema, m.kind);
  return {
    name: m.kind ?? schemaName,
    title: m.kind === null ? schemaName : `${schemaName}: ${m.kind}`,
    summary: doc,
    ...(m.kind === null
      ? {}
      : {
          description: `\`kind\` is \`${m.kind}\` and \`${kindField(m.kind)}\` is set; every other kind field is null.`,
        }),
    contentType: AVRO_CONTENT_TYPE,
    payload: { $ref: `#/components/schemas/${schemaName}` },
    correlationId: { $ref: '#/components/correlationIds/correlationId' },
    bindings: {
      kafka: {
        key: { type: 'string', description: key.description, examples: [key.example] },
        schemaIdLocation: 'payload',
        schemaIdPayloadEncoding: 'confluent',
        schemaLookupStrategy: 'TopicNameStrategy',
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [example(m.kind ?? schemaName, m.sampleFile, JSON.parse(type.toString(m.sample)) as Json)],
    'x-sample': `samples/${m.sampleFile}`,
  };
}

const DEAD_LETTER_MESSAGE = 'deadLetter';

/** The AsyncAPI 3.0.0 document of the contract, as a plain object (write it as YAML or JSON). */
export function buildAsyncApiDocument(): JsonObject {
  const schemas: JsonObject = {};
  const messages: JsonObject = {};
  const channels: JsonObject = {};
  const operations: JsonObject = {};

  for (const topic of ALL_TOPICS) {
    const spec = TOPIC_SPECS[topic];
    const { schema } = topicSchema(topic);
    const schemaName = String(schema['name']);
    schemas[schemaName] = { schemaFormat: AVRO_SCHEMA_FORMAT, schema: schema as JsonObject };
    const entries = topicMessages(topic);
    const channelMessages: JsonObject = {};
    for (const m of entries) {
      messages[m.id] = messageObject(m, schemaName);
      channelMessages[m.kind === null ? lowerFirst(schemaName) : kindField(m.kind)] = {
        $ref: `#/components/messages/${m.id}`,
      };
    }
    const id = channelId(topic);
    channels[id] = {
      address: topic,
      title: topic,
      summary: String(schema['doc'] ?? ''),
      description: `Published by ${partyText(spec.from)}, consumed by ${partyText(spec.to)}. Value subject \`${topic}-value\` (BACKWARD).`,
      messages: channelMessages,
      'x-publisher': spec.from,
      'x-subscriber': spec.to,
    };
    const send = spec.direction === 'out';
    operations[`${send ? 'send' : 'receive'}${upperFirst(id)}`] = {
      action: send ? 'send' : 'receive',
      channel: { $ref: `#/channels/${id}` },
      title: `${send ? 'Send to' : 'Receive from'} ${topic}`,
      summary: send
        ? `The adapter publishes; ${partyText(spec.to)} subscribes.`
        : `${upperFirst(partyText(spec.from))} publishes; the adapter subscribes.`,
      messages: Object.keys(channelMessages).map((k) => ({ $ref: `#/channels/${id}/messages/${k}` })),
      'x-publisher': spec.from,
      'x-subscriber': spec.to,
    };
  }

  const { schema: deadLetter, type: deadLetterType } = loadSchemaFile(DEAD_LETTER_SCHEMA_FILE);
  const deadLetterName = String(deadLetter['name']);
  schemas[deadLetterName] = { schemaFormat: AVRO_SCHEMA_FORMAT, schema: deadLetter as JsonObject };
  messages[DEAD_LETTER_MESSAGE] = {
    name: deadLetterName,
    title: deadLetterName,
    summary: String(deadLetter['doc'] ?? ''),
    contentType: AVRO_CONTENT_TYPE,
    payload: { $ref: `#/components/schemas/${deadLetterName}` },
    correlationId: { $ref: '#/components/correlationIds/correlationId' },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          format: 'binary',
          description: 'The key bytes of the original record (its messageId when it had no key).',
        },
        schemaIdLocation: 'payload',
        schemaIdPayloadEncoding: 'confluent',
        schemaLookupStrategy: 'TopicNameStrategy',
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [
      example(
        deadLetterName,
        DEAD_LETTER_SAMPLE_FILE,
        JSON.parse(deadLetterType.toString(deadLetterSamples[0])) as Json,
      ),
    ],
    'x-sample': `samples/${DEAD_LETTER_SAMPLE_FILE}`,
  };
  for (const topic of INBOUND_TOPICS) {
    const id = dlqChannelId(topic);
    const address = dlqTopic(topic);
    channels[id] = {
      address,
      title: address,
      summary: `Dead letters of ${topic}: inputs the adapter could not decode or refused, with the reason.`,
      description: `Published by the adapter; read by operators (\`npm run cli -- dlq-list ${topic}\`, \`dlq-replay\` puts them back). Value subject \`${address}-value\`, schema ${deadLetterName}.`,
      messages: { [DEAD_LETTER_MESSAGE]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE}` } },
      'x-publisher': 'adapter',
      'x-subscriber': 'operators',
    };
    operations[`send${upperFirst(id)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      title: `Send to ${address}`,
      summary: `The adapter parks a message of ${topic} it cannot process.`,
      messages: [{ $ref: `#/channels/${id}/messages/${DEAD_LETTER_MESSAGE}` }],
      'x-publisher': 'adapter',
      'x-subscriber': 'operators',
    };
  }

  return {
    asyncapi: '3.0.0',
    id: 'urn:kz:edu:tvet:duplicate:v1',
    info: {
      title: 'TVET diploma duplicates: integration contract',
      version: '1.0.0',
      description: [
        'Kafka topics of the state service "Issuance of duplicates of TVET diplomas" (Order No. 312, 2023, Republic of Kazakhstan) between the integration adapter and its partners: the portal, the PSC, the e-government gateway, colleges, the courier, eGovMobile "Digital documents" and the monitoring system.',
        '',
        'Values are Avro (namespace `kz.edu.tvet.duplicate.v1`) in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary), subject `<topic>-value` (TopicNameStrategy), compatibility BACKWARD. Every message carries `messageId` (consumers deduplicate on it), `correlationId` and `occurredAt`. Topics with several message kinds carry a `kind` enum and one nullable record per kind: exactly the one named by `kind` is set; each kind is a message here.',
        '',
        'Operations are seen from the adapter: `send` for topics it produces, `receive` for topics it consumes; `x-publisher` and `x-subscriber` name the parties. A sample of every message, in the Avro JSON encoding, is in `samples/` (`x-sample`). Generated by `npm run asyncapi` from `schemas/` and `src/contract/topics.ts`; do not edit by hand.',
      ].join('\n'),
    },
    servers: {
      kafka: {
        host: '{brokers}',
        protocol: 'kafka',
        description:
          'The Kafka cluster of the integration (KAFKA_BROKERS; TLS and SASL as configured). Topic names may carry a deployment prefix (`<prefix>.<topic>`, KAFKA_TOPIC_PREFIX). Schemas live in a Confluent-compatible schema registry (SCHEMA_REGISTRY_URL; locally Apicurio Registry through its ccompat API), where the adapter registers them at start.',
        variables: {
          brokers: { default: 'localhost:9092', description: 'Comma-separated host:port of the brokers.' },
        },
        bindings: {
          kafka: {
            schemaRegistryUrl: 'http://localhost:8080/apis/ccompat/v7',
            schemaRegistryVendor: 'confluent',
            bindingVersion: KAFKA_BINDING_VERSION,
          },
        },
      },
    },
    defaultContentType: AVRO_CONTENT_TYPE,
    channels,
    operations,
    components: {
      schemas,
      messages,
      correlationIds: {
        correlationId: {
          description: 'Id of the conversation: for one application, its applicationId.',
          location: '$message.payload#/correlationId',
        },
      },
    },
  };
}

/** The document as written to docs/asyncapi/asyncapi.yaml (long lines kept, no YAML anchors). */
export function asyncApiYaml(document: JsonObject = buildAsyncApiDocument()): string {
  return `# Generated by \`npm run asyncapi\` (src/contract/asyncapi.ts) from schemas/ and src/contract/topics.ts. Do not edit.\n${stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
