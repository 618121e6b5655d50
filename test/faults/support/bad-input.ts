/**
 * Kinds of bad input for one inbound topic, generated systematically: what the bytes can be
 * (no framing, a wrong magic byte, schema ids unknown, of another topic or of the topic's own
 * subject but another shape, truncated or padded Avro, empty, tombstone, oversized key or value,
 * junk headers), then, field by field of a valid value walked along its Avro schema, what each
 * field can be (empty, a NUL inside, 10 KB, an IIN with a wrong check digit or too short, an
 * instant in 1970 or 2200, a date out of range, a number out of range, an enum symbol the
 * contract does not have, null where a value is due), and what a sequence can be (the same
 * message again, the same messageId with other content, the same application under a new
 * messageId, a kind naming the wrong record).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import avro from 'avsc';
import { TOPIC_KINDS, kindField } from '../../../src/contract/kinds.js';
import { avroOptions, millisToInstant } from '../../../src/contract/logical-types.js';
import { samples } from '../../../src/contract/samples.js';
import { topicSchema, type AvroSchemaJson } from '../../../src/contract/schemas.js';
import { ALL_TOPICS, topicName, valueSubject, type TopicName } from '../../../src/contract/topics.js';
import { registerSchemaVersion } from '../../../src/platform/messaging/ccompat.js';
import type { MessageCodec } from '../../../src/platform/messaging/codec.js';

export interface BadRecord {
  key: Buffer | string | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string>;
  /** The decoded value, when it has one (its personal data is searched for in the logs). */
  decoded?: unknown;
}

export interface BadContext {
  base: TopicName;
  topic: string;
  prefix: string;
  codec: MessageCodec;
  registryUrl: string;
  /** A valid value of this topic about the victim (encodes; the adapter would accept it). */
  valid: Record<string, unknown>;
  /** The key a record about the victim has. */
  key: string;
}

export interface BadKind {
  name: string;
  build(ctx: BadContext): Promise<BadRecord[]>;
}

type Path = (string | number)[];
type Leaf = {
  path: Path;
  type: 'string' | 'int' | 'long' | 'timestamp' | 'date' | 'enum';
  nullable: boolean;
  /** The enum's definition in the schema walked (to give it a symbol more). */
  enumDef?: AvroSchemaJson;
};

const clone = <T>(v: T): T => structuredClone(v);

function setAt(value: Record<string, unknown>, path: Path, v: unknown): Record<string, unknown> {
  const out = clone(value);
  let o = out as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  o[path.at(-1)!] = v;
  return out;
}

function getAt(value: unknown, path: Path): unknown {
  let o = value as Record<string | number, unknown>;
  for (const p of path) o = o[p] as Record<string | number, unknown>;
  return o;
}

/** The leaves of a value along its Avro schema (records, the taken branch of unions, first array items). */
function leaves(
  schema: unknown,
  value: unknown,
  path: Path,
  names: Map<string, AvroSchemaJson>,
  out: Leaf[],
  nullable = false,
): void {
  if (typeof schema === 'string') {
    const named = names.get(schema) ?? [...names.entries()].find(([n]) => n.endsWith(`.${schema}`))?.[1];
    if (named) return leaves(named, value, path, names, out, nullable);
    if (schema === 'string') out.push({ path, type: 'string', nullable });
    else if (schema === 'int' || schema === 'long') out.push({ path, type: schema, nullable });
    return;
  }
  if (Array.isArray(schema)) {
    const branches = schema.filter((b) => b !== 'null');
    if (value === null || value === undefined || branches.length !== 1) return;
    return leaves(branches[0], value, path, names, out, schema.includes('null'));
  }
  const s = schema as AvroSchemaJson;
  if (s.type === 'record') {
    const ns = typeof s.namespace === 'string' ? `${s.namespace}.` : '';
    names.set(`${ns}${String(s.name)}`, s);
    for (const f of s.fields as { name: string; type: unknown }[])
      leaves(f.type, (value as Record<string, unknown>)[f.name], [...path, f.name], names, out);
    return;
  }
  if (s.type === 'enum') {
    const ns = typeof s.namespace === 'string' ? `${s.namespace}.` : '';
    names.set(`${ns}${String(s.name)}`, s);
    out.push({ path, type: 'enum', nullable, enumDef: s });
    return;
  }
  if (s.type === 'array') {
    if (Array.isArray(value) && value.length > 0) leaves(s.items, value[0], [...path, 0], names, out);
    return;
  }
  if (s.logicalType === 'timestamp-millis') return void out.push({ path, type: 'timestamp', nullable });
  if (s.logicalType === 'date') return void out.push({ path, type: 'date', nullable });
  if (typeof s.type === 'string') leaves(s.type, value, path, names, out, nullable);
}

/** Per topic, the schema with every symbol added so far (each version a superset of the one before: BACKWARD). */
const extended = new Map<string, AvroSchemaJson>();

/** The topic's schema with one more symbol in the enum at `path` (walked along the value's branches). */
function withExtraSymbol(
  topic: string,
  schemaJson: AvroSchemaJson,
  value: unknown,
  path: Path,
  symbol: string,
): AvroSchemaJson | null {
  const copy = clone(extended.get(topic) ?? schemaJson);
  const found: Leaf[] = [];
  leaves(copy, value, [], new Map(), found);
  const leaf = found.find((l) => l.type === 'enum' && l.path.join('.') === path.join('.'));
  if (!leaf?.enumDef) return null;
  if (!(leaf.enumDef.symbols as string[]).includes(symbol))
    leaf.enumDef.symbols = [...(leaf.enumDef.symbols as string[]), symbol];
  extended.set(topic, copy);
  return copy;
}

const X10K = 'X'.repeat(10_240);

function header(schemaId: number): Buffer {
  const b = Buffer.alloc(5);
  b.writeInt32BE(schemaId, 1);
  return b;
}

async function encodeValid(ctx: BadContext, value: unknown): Promise<Buffer> {
  return ctx.codec.encode(ctx.topic, value);
}

/** A mutated value that still encodes with the topic's schema; null when avsc refuses it. */
async function mutated(ctx: BadContext, path: Path, v: unknown, fresh = true): Promise<BadRecord[] | null> {
  let value = setAt(ctx.valid, path, v);
  if (fresh && !(path.length === 1 && path[0] === 'messageId')) value = { ...value, messageId: randomUUID() };
  try {
    return [{ key: ctx.key, value: await encodeValid(ctx, value), decoded: value }];
  } catch {
    return null;
  }
}

/** Kinds that do not depend on the value's fields. */
const BYTE_KINDS: BadKind[] = [
  { name: 'tombstone (null value)', build: async (c) => [{ key: c.key, value: null }] },
  { name: 'empty value', build: async (c) => [{ key: c.key, value: Buffer.alloc(0) }] },
  { name: 'one byte 0x00', build: async (c) => [{ key: c.key, value: Buffer.from([0]) }] },
  { name: 'four bytes (framing cut)', build: async (c) => [{ key: c.key, value: Buffer.from([0, 0, 0, 1]) }] },
  { name: 'plain text', build: async (c) => [{ key: c.key, value: Buffer.from('definitely not avro') }] },
  {
    name: 'the value as JSON',
    build: async (c) => [{ key: c.key, value: Buffer.from(JSON.stringify(c.valid)), decoded: c.valid }],
  },
  {
    name: 'the value as base64 text',
    build: async (c) => [{ key: c.key, value: Buffer.from((await encodeValid(c, c.valid)).toString('base64')) }],
  },
  {
    name: 'gzip of the encoded value',
    build: async (c) => [{ key: c.key, value: gzipSync(await encodeValid(c, c.valid)) }],
  },
  {
    name: 'magic byte 1',
    build: async (c) => {
      const b = Buffer.from(await encodeValid(c, { ...c.valid, messageId: randomUUID() }));
      b[0] = 1;
      return [{ key: c.key, value: b }];
    },
  },
  {
    name: 'magic byte 0xFF',
    build: async (c) => {
      const b = Buffer.from(await encodeValid(c, { ...c.valid, messageId: randomUUID() }));
      b[0] = 0xff;
      return [{ key: c.key, value: b }];
    },
  },
  {
    name: 'unknown schema id 0x7fffff00',
    build: async (c) => [{ key: c.key, value: Buffer.concat([header(0x7fffff00), Buffer.from('payload')]) }],
  },
  {
    name: 'schema id 0',
    build: async (c) => [{ key: c.key, value: Buffer.concat([header(0), Buffer.from('payload')]) }],
  },
  { name: 'schema id -1', build: async (c) => [{ key: c.key, value: Buffer.concat([header(-1), Buffer.from('x')]) }] },
  {
    name: 'framing and the topic schema id, empty body',
    build: async (c) => [{ key: c.key, value: header(c.codec.schemaFor(c.topic).id) }],
  },
  ...[0.25, 0.5, 0.9].map((share): BadKind => ({
    name: `Avro body truncated to ${share * 100} %`,
    build: async (c) => {
      const b = await encodeValid(c, { ...c.valid, messageId: randomUUID() });
      return [{ key: c.key, value: b.subarray(0, 5 + Math.floor((b.length - 5) * share)) }];
    },
  })),
  {
    name: 'Avro body with 16 bytes of trailing garbage',
    build: async (c) => {
      const v = { ...c.valid, messageId: randomUUID() };
      return [{ key: c.key, value: Buffer.concat([await encodeValid(c, v), randomBytes(16)]), decoded: v }];
    },
  },
  {
    name: 'random body behind the topic schema id',
    build: async (c) => [
      { key: c.key, value: Buffer.concat([header(c.codec.schemaFor(c.topic).id), randomBytes(200)]) },
    ],
  },
  {
    name: 'body of 0xFF bytes behind the topic schema id',
    build: async (c) => [
      { key: c.key, value: Buffer.concat([header(c.codec.schemaFor(c.topic).id), Buffer.alloc(64, 0xff)]) },
    ],
  },
  {
    name: 'oversized value (900 KB after the framing)',
    build: async (c) => [{ key: c.key, value: Buffer.concat([header(0x7ffffff0), Buffer.alloc(900_000, 0x41)]) }],
  },
  {
    name: 'oversized key (100 KB) with an undecodable value',
    build: async () => [{ key: Buffer.alloc(100_000, 0x4b), value: Buffer.from('not avro') }],
  },
  {
    name: 'key with NUL and invalid UTF-8, undecodable value',
    build: async () => [{ key: Buffer.from([0x41, 0x00, 0xff, 0xfe]), value: Buffer.from('not avro') }],
  },
  {
    name: '100 junk headers (binary values, a broken traceparent), undecodable value',
    build: async (c) => [
      {
        key: c.key,
        value: Buffer.from('not avro'),
        headers: {
          traceparent: 'zz-not-a-trace',
          ...Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`junk-${i}`, randomBytes(32)])),
        },
      },
    ],
  },
  {
    name: 'a broken traceparent header on a value that is otherwise bad (empty applicationId)',
    build: async (c) => {
      const v = setAt({ ...c.valid, messageId: randomUUID() }, ['applicationId'], '');
      return [{ key: c.key, value: await encodeValid(c, v), headers: { traceparent: '00-xyz-abc-01' }, decoded: v }];
    },
  },
  {
    name: 'schema "null" registered under another subject',
    build: async (c) => {
      const id = await registerSchemaVersion(c.registryUrl, `${c.prefix}.faults-null-value`, '"null"');
      return [{ key: c.key, value: header(id) }];
    },
  },
  {
    name: 'schema "string" registered under another subject',
    build: async (c) => {
      const id = await registerSchemaVersion(c.registryUrl, `${c.prefix}.faults-string-value`, '"string"');
      return [{ key: c.key, value: Buffer.concat([header(id), avro.Type.forSchema('string').toBuffer('hello')]) }];
    },
  },
];

/** A record of every other topic of the contract (its sample, encoded with that topic's schema). */
function otherTopicKinds(base: TopicName): BadKind[] {
  return ALL_TOPICS.filter((t) => t !== base).map((other) => ({
    name: `a record of ${other}`,
    build: async (c) => {
      const value = { ...(samples[other][0] as unknown as Record<string, unknown>), messageId: randomUUID() };
      const full = topicName(other, c.prefix);
      // The codec holds the schemas of every topic of the contract with this prefix.
      return [{ key: c.key, value: await c.codec.encode(full, value), decoded: value }];
    },
  }));
}

const SEQUENCE_KINDS: BadKind[] = [
  {
    name: 'the same message twice (a redelivery)',
    build: async (c) => {
      const b = await encodeValid(c, c.valid);
      return [
        { key: c.key, value: b, decoded: c.valid },
        { key: c.key, value: b, decoded: c.valid },
      ];
    },
  },
  {
    name: 'the same messageId again with other content',
    build: async (c) => {
      const other = { ...c.valid, correlationId: `${String(c.valid.correlationId)}-other` };
      return [
        { key: c.key, value: await encodeValid(c, c.valid), decoded: c.valid },
        { key: c.key, value: await encodeValid(c, other), decoded: other },
      ];
    },
  },
  {
    name: 'the same message under a new messageId',
    build: async (c) => {
      const again = { ...c.valid, messageId: randomUUID() };
      return [
        { key: c.key, value: await encodeValid(c, c.valid), decoded: c.valid },
        { key: c.key, value: await encodeValid(c, again), decoded: again },
      ];
    },
  },
];

function kindKinds(base: TopicName): BadKind[] {
  const kinds = TOPIC_KINDS[base];
  if (!kinds) return [];
  const out: BadKind[] = [];
  out.push({
    name: 'kind set, its record null',
    build: async (c) => (await mutated(c, [kindField(String(c.valid.kind))], null)) ?? [],
  });
  for (const other of kinds) {
    out.push({
      name: `kind ${other} on another kind's record`,
      build: async (c) => (String(c.valid.kind) === other ? [] : ((await mutated(c, ['kind'], other)) ?? [])),
    });
  }
  out.push({
    name: 'two kind records set',
    build: async (c) => {
      const sample = (samples[base] as unknown as Record<string, unknown>[]).find((s) => s.kind !== c.valid.kind);
      if (!sample) return [];
      const field = kindField(String(sample.kind));
      return (await mutated(c, [field], sample[field])) ?? [];
    },
  });
  return out;
}

const TIMESTAMPS = [
  ['in 1970', 0],
  ['in 2200', Date.UTC(2200, 0, 1)],
  ['before 1970', -86_400_000],
] as const;

/** Per field of the valid value: what each leaf can be that it should not. */
function fieldKinds(ctx: BadContext): BadKind[] {
  const found: Leaf[] = [];
  leaves(topicSchema(ctx.base).schema, ctx.valid, [], new Map(), found);
  const out: BadKind[] = [];
  for (const leaf of found) {
    const at = leaf.path.join('.');
    const current = getAt(ctx.valid, leaf.path);
    const add = (name: string, v: unknown) =>
      out.push({ name: `${at}: ${name}`, build: async (c) => (await mutated(c, leaf.path, v)) ?? [] });
    if (leaf.type === 'string') {
      add('empty', '');
      add('a NUL character inside', `${String(current)}\u0000x`);
      add('10 KB', X10K);
      if (typeof current === 'string' && /^\d{12}$/.test(current)) {
        add('IIN with a wrong check digit', current.slice(0, 11) + String((Number(current[11]) + 1) % 10));
        add('IIN of 11 digits', current.slice(0, 11));
        add('IIN with a letter', `${current.slice(0, 6)}A${current.slice(7)}`);
      }
    } else if (leaf.type === 'timestamp') {
      for (const [name, ms] of TIMESTAMPS) add(name, millisToInstant(ms));
    } else if (leaf.type === 'date') {
      add('1900-01-01', '1900-01-01');
      add('2999-12-31', '2999-12-31');
    } else if (leaf.type === 'int' || leaf.type === 'long') {
      add('-1', -1);
      add('2147483647', 2147483647);
    } else if (leaf.type === 'enum') {
      out.push({
        name: `${at}: a symbol the contract does not have (a version of the subject with one more)`,
        build: async (c) => {
          const json = withExtraSymbol(c.topic, topicSchema(c.base).schema, c.valid, leaf.path, 'FAULT_UNKNOWN');
          if (!json) return [];
          const id = await registerSchemaVersion(c.registryUrl, valueSubject(c.topic), JSON.stringify(json));
          const v = setAt({ ...c.valid, messageId: randomUUID() }, leaf.path, 'FAULT_UNKNOWN');
          const type = avro.Type.forSchema(json as avro.Schema, avroOptions());
          return [{ key: c.key, value: Buffer.concat([header(id), type.toBuffer(v)]), decoded: v }];
        },
      });
    }
    // null where the schema has none cannot be encoded; a nullable field that is set can be null.
    if (leaf.nullable && current !== null) add('null', null);
  }
  return out;
}

/**
 * Registered last: a version of the topic's subject without the other fields is the subject's
 * latest, and BACKWARD compatibility is checked against the latest.
 */
const LAST_KINDS: BadKind[] = [
  {
    name: "a version of the topic's own subject with only a messageId",
    build: async (c) => {
      const json = topicSchema(c.base).schema;
      const schema = {
        type: 'record',
        name: json.name,
        namespace: json.namespace,
        fields: [{ name: 'messageId', type: 'string' }],
      };
      const id = await registerSchemaVersion(c.registryUrl, valueSubject(c.topic), JSON.stringify(schema));
      const body = avro.Type.forSchema(schema as avro.Schema).toBuffer({ messageId: randomUUID() });
      return [{ key: c.key, value: Buffer.concat([header(id), body]) }];
    },
  },
];

/** Every kind for a topic; the field kinds are made from `sampleCtx` (a valid value of the topic). */
export function badKinds(sampleCtx: BadContext): BadKind[] {
  return [
    ...BYTE_KINDS,
    ...otherTopicKinds(sampleCtx.base),
    ...SEQUENCE_KINDS,
    ...kindKinds(sampleCtx.base),
    ...fieldKinds(sampleCtx),
    ...LAST_KINDS,
  ];
}
