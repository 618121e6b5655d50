/**
 * Loads the Avro value schemas of the contract from schemas/*.avsc (this is an edge module: it
 * reads files; the pure core never imports it) and builds avsc Types with the contract's logical
 * types (logical-types.ts). Parsed once per schemas directory and cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';
import type { Type } from 'avsc';
import { ContractError, ContractErrorCode } from './errors.js';
import { avroOptions } from './logical-types.js';
import {
  ALL_TOPICS,
  DEAD_LETTER_SCHEMA_FILE,
  INBOUND_TOPICS,
  TOPIC_SPECS,
  dlqTopic,
  topicName,
  valueSubject,
  type TopicName,
} from './topics.js';

/** A parsed Avro schema (JSON) as in the .avsc file. */
export type AvroSchemaJson = Record<string, unknown>;

export interface LoadedSchema {
  /** File name under the schemas directory. */
  file: string;
  /** The schema as parsed JSON, e.g. to register it (`JSON.stringify(schema)`). */
  schema: AvroSchemaJson;
  /** avsc Type built with the contract's logical types. */
  type: Type;
}

export interface TopicSchema extends LoadedSchema {
  /** Full topic name (with the prefix, if any). */
  topic: string;
  /** Base topic name of the contract; for a DLQ, the topic it is the DLQ of. */
  base: TopicName;
  /** Registry subject: `<full topic>-value`. */
  subject: string;
  /** True for a `<topic>.dlq` entry (shared DeadLetter schema). */
  deadLetter: boolean;
}

export interface ContractOptions {
  /** Topic prefix for test isolation (see topicName). */
  prefix?: string;
  /** Directory holding the .avsc files; default: the repository's schemas/. */
  schemasDir?: string;
}

/** The repository's schemas/ folder, found upwards from this module (src/ or dist/src/). */
export function defaultSchemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(candidate, DEAD_LETTER_SCHEMA_FILE))) return candidate;
    dir = dirname(dir);
  }
  throw new ContractError(
    ContractErrorCode.SCHEMA_LOAD_FAILED,
    'Cannot find the schemas/ folder with the .avsc files above src/contract; pass schemasDir explicitly or ship schemas/ with the build.',
  );
}

const cache = new Map<string, LoadedSchema>();

/** Reads, parses and type-checks one .avsc file; throws ContractError SCHEMA_LOAD_FAILED. */
export function loadSchemaFile(file: string, schemasDir: string = defaultSchemasDir()): LoadedSchema {
  const path = resolve(schemasDir, file);
  const hit = cache.get(path);
  if (hit) return hit;
  let schema: AvroSchemaJson;
  let type: Type;
  try {
    schema = JSON.parse(readFileSync(path, 'utf8')) as AvroSchemaJson;
    type = avro.Type.forSchema(schema as avro.Schema, avroOptions());
  } catch (cause) {
    throw new ContractError(
      ContractErrorCode.SCHEMA_LOAD_FAILED,
      `Schema file ${path} cannot be loaded: ${(cause as Error).message}. Restore it from the repository.`,
      { path },
      { cause },
    );
  }
  const loaded: LoadedSchema = { file, schema, type };
  cache.set(path, loaded);
  return loaded;
}

/** The value schema of one topic. */
export function topicSchema(base: TopicName, options: ContractOptions = {}): TopicSchema {
  const topic = topicName(base, options.prefix);
  const loaded = loadSchemaFile(TOPIC_SPECS[base].schemaFile, options.schemasDir);
  return { ...loaded, topic, base, subject: valueSubject(topic), deadLetter: false };
}

/** The DeadLetter value schema as used on the DLQ of one topic. */
export function deadLetterSchema(base: TopicName, options: ContractOptions = {}): TopicSchema {
  const topic = dlqTopic(topicName(base, options.prefix));
  const loaded = loadSchemaFile(DEAD_LETTER_SCHEMA_FILE, options.schemasDir);
  return { ...loaded, topic, base, subject: valueSubject(topic), deadLetter: true };
}

/**
 * Every topic of the contract with its subject, schema and type: the 12 topics of SPEC section 3,
 * then the DLQ of each inbound topic (the adapter consumes only those, so only they get DLQs).
 */
export function contractSchemas(options: ContractOptions = {}): TopicSchema[] {
  return [
    ...ALL_TOPICS.map((base) => topicSchema(base, options)),
    ...INBOUND_TOPICS.map((base) => deadLetterSchema(base, options)),
  ];
}
