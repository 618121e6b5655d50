import { readdirSync } from 'node:fs';
import avro from 'avsc';
import type { Type } from 'avsc';
import { describe, expect, it } from 'vitest';
import { avroOptions } from '../../../src/contract/logical-types.js';
import { CONTRACT_NAMESPACE, ENUM_SYMBOLS } from '../../../src/contract/enum-symbols.js';
import { TOPIC_KINDS, kindField } from '../../../src/contract/kinds.js';
import { contractSchemas, defaultSchemasDir, loadSchemaFile } from '../../../src/contract/schemas.js';
import {
  ALL_TOPICS,
  DEAD_LETTER_SCHEMA_FILE,
  INBOUND_TOPICS,
  TOPIC_SPECS,
  Topics,
} from '../../../src/contract/topics.js';
import { logicalTypeOf, nonNullType, walkSchema, type Json } from './schema-walk.js';

/** SPEC section 3, copied by hand: the names integrators build against. */
const SPEC_TOPICS = [
  'egov.portal.applications.v1',
  'gov4c.corporation.applications.v1',
  'egov.gateway.identity.requests.v1',
  'egov.gateway.identity.responses.v1',
  'college.applications.v1',
  'college.decisions.v1',
  'courier.orders.v1',
  'courier.events.v1',
  'egov.portal.notifications.v1',
  'gov4c.corporation.notifications.v1',
  'egov.digital-documents.v1',
  'egov.monitoring.stages.v1',
];

const dir = defaultSchemasDir();
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.avsc'))
  .sort();
const parsed = files.map((file) => loadSchemaFile(file, dir));
const walked = parsed.map((p) => ({ file: p.file, schema: p.schema, ...walkSchema(p.schema, p.file) }));
const allNamed = walked.flatMap((w) => w.named);
const allFields = walked.flatMap((w) => w.fields);

const topField = (schema: Json, name: string): Json | undefined =>
  (schema['fields'] as Json[]).find((f) => f['name'] === name);

describe('schemas/ folder', () => {
  it('has one schema per SPEC section 3 topic plus the shared dead-letter schema, and nothing else', () => {
    expect([...ALL_TOPICS].sort()).toEqual([...SPEC_TOPICS].sort());
    const expected = [...ALL_TOPICS.map((t) => TOPIC_SPECS[t].schemaFile), DEAD_LETTER_SCHEMA_FILE].sort();
    expect(files).toEqual(expected);
  });

  it('parses every .avsc into a named top-level record', () => {
    expect(parsed).toHaveLength(13);
    for (const p of parsed) {
      expect(p.type.typeName, p.file).toBe('record');
      expect(p.type.name, p.file).toMatch(new RegExp(`^${CONTRACT_NAMESPACE.replace(/\./g, '\\.')}\\.[A-Z]\\w+$`));
    }
  });

  it('puts every named type in the contract namespace; top-level records declare it explicitly', () => {
    for (const w of walked) expect((w.schema as Json)['namespace'], w.file).toBe(CONTRACT_NAMESPACE);
    for (const n of allNamed)
      expect(n.fullName.startsWith(`${CONTRACT_NAMESPACE}.`), `${n.file}: ${n.fullName}`).toBe(true);
  });

  it('documents every record, enum and field', () => {
    for (const n of allNamed) {
      expect(
        typeof n.node['doc'] === 'string' && (n.node['doc'] as string).length > 10,
        `${n.file}: ${n.fullName} lacks doc`,
      ).toBe(true);
    }
    for (const f of allFields) {
      const doc = f.field['doc'];
      expect(
        typeof doc === 'string' && doc.length > 3,
        `${f.file}: ${f.record}.${String(f.field['name'])} lacks doc`,
      ).toBe(true);
    }
    for (const w of walked) expect(JSON.stringify(w.schema), w.file).not.toMatch(/undefined|TODO|\[object/);
  });

  it('gives every message messageId (string), correlationId (string) and occurredAt (timestamp-millis)', () => {
    for (const w of walked) {
      const schema = w.schema as Json;
      expect(topField(schema, 'messageId')?.['type'], w.file).toBe('string');
      expect(topField(schema, 'correlationId')?.['type'], w.file).toBe('string');
      expect(logicalTypeOf(topField(schema, 'occurredAt')?.['type']), w.file).toBe('timestamp-millis');
      expect(nonNullType(topField(schema, 'occurredAt')?.['type']), w.file).toMatchObject({ type: 'long' });
    }
  });

  it('uses only ["null", X] unions, each with default null', () => {
    for (const f of allFields) {
      const type = f.field['type'];
      if (!Array.isArray(type)) continue;
      expect(type, `${f.file}: ${f.record}.${String(f.field['name'])}`).toHaveLength(2);
      expect(type[0]).toBe('null');
      expect(f.field['default'], `${f.file}: ${f.record}.${String(f.field['name'])}`).toBeNull();
    }
  });

  it('types instants as timestamp-millis (fields named ...At, messageDate, errorDate) and calendar dates as date (...On, ...Date, validUntil, keepUntil)', () => {
    const instants = allFields.filter((f) =>
      /At$|^messageDate$|^errorDate$|^deliverBy$|^from$|^to$|TermEndsAt$|^stageDeadline$|^originalTimestamp$/.test(
        String(f.field['name']),
      ),
    );
    const dates = allFields.filter((f) =>
      /On$|^registrationDate$|^acceptanceDate$|^birthDate$|^validUntil$|^keepUntil$|^objectionDeadline$/.test(
        String(f.field['name']),
      ),
    );
    expect(instants.length).toBeGreaterThan(30);
    expect(dates.length).toBeGreaterThan(10);
    for (const f of instants) {
      // CourierSlot.from / .to are instants; no other field is called from / to.
      expect(logicalTypeOf(f.field['type']), `${f.file}: ${f.record}.${String(f.field['name'])}`).toBe(
        'timestamp-millis',
      );
    }
    for (const f of dates) {
      expect(logicalTypeOf(f.field['type']), `${f.file}: ${f.record}.${String(f.field['name'])}`).toBe('date');
      expect(nonNullType(f.field['type'])).toMatchObject({ type: 'int' });
    }
  });

  it('defines a named type shared by several files identically everywhere (docs included)', () => {
    const byName = new Map<string, { text: string; file: string }>();
    for (const p of parsed) {
      const registry: Record<string, Type> = {};
      avro.Type.forSchema(p.schema as avro.Schema, { ...avroOptions(), registry });
      for (const [name, type] of Object.entries(registry)) {
        const text = JSON.stringify(type.schema({ exportAttrs: true }));
        const seen = byName.get(name);
        if (seen === undefined) byName.set(name, { text, file: p.file });
        else expect(text, `${name} differs between ${seen.file} and ${p.file}`).toBe(seen.text);
      }
    }
    expect(byName.get(`${CONTRACT_NAMESPACE}.ApplicationForm`)?.text).toContain('personalDataConsent');
  });
});

describe('enums mirror src/core/application/model.ts and the contract lists', () => {
  const enums = allNamed.filter((n) => n.node['type'] === 'enum');

  it('declares every enum of the schemas in ENUM_SYMBOLS with the same symbols in the same order', () => {
    for (const e of enums) {
      const expected = ENUM_SYMBOLS[e.fullName];
      expect(expected, `${e.fullName} (${e.file}) is not listed in src/contract/enum-symbols.ts`).toBeDefined();
      expect(e.node['symbols'], `${e.fullName} in ${e.file}`).toEqual(expected);
    }
  });

  it('uses every listed enum in some schema', () => {
    const used = new Set(enums.map((e) => e.fullName));
    for (const name of Object.keys(ENUM_SYMBOLS)) expect(used.has(name), name).toBe(true);
  });

  it('gives a default symbol only where a safe fallback exists, and documents the choice on every enum', () => {
    const withDefault = new Map(
      enums.filter((e) => e.node['default'] !== undefined).map((e) => [e.fullName, e.node['default']]),
    );
    expect(Object.fromEntries(withDefault)).toEqual({
      [`${CONTRACT_NAMESPACE}.NoticeChannel`]: 'OTHER_RECORDED',
      [`${CONTRACT_NAMESPACE}.IdentityStatus`]: 'ERROR',
      [`${CONTRACT_NAMESPACE}.DeliveryStatus`]: 'NOT_DELIVERED',
    });
    for (const e of enums) expect(String(e.node['doc']), e.fullName).toMatch(/[Dd]efault/);
  });

  it('carries the monitoring stage codes of SPEC section 3 and the gateway delivery statuses', () => {
    expect(ENUM_SYMBOLS[`${CONTRACT_NAMESPACE}.StageCode`]).toEqual([
      'SUBMITTED',
      'ACCEPTED',
      'INTAKE_REFUSED',
      'IDENTITY_VERIFIED',
      'IDENTITY_FAILED',
      'REGISTER_DISPATCHED',
      'DELIVERED_TO_COLLEGE',
      'REGISTERED_AT_COLLEGE',
      'PRELIMINARY_REFUSAL',
      'HEARING_HELD',
      'DUPLICATE_ISSUED',
      'REFUSED',
      'DIGITAL_PUBLISHED',
      'RESULT_DISPATCHED',
      'RESULT_READY',
      'HANDED_OVER',
      'RETURNED_TO_COLLEGE',
      'SLA_AT_RISK',
      'SLA_BREACHED',
      'DEADLINES_REVISED',
    ]);
    expect(ENUM_SYMBOLS[`${CONTRACT_NAMESPACE}.DeliveryStatus`]).toEqual([
      'ON_DELIVERY',
      'DELIVERED',
      'NOT_DELIVERED',
      'DELIVERY_STOPPED',
    ]);
    expect(ENUM_SYMBOLS[`${CONTRACT_NAMESPACE}.IdentityStatus`]).toEqual(['FOUND', 'NOT_FOUND', 'ERROR']);
  });
});

describe('topic-specific shape', () => {
  const schemaOf = (topic: string): Json => loadSchemaFile(`${topic}.avsc`, dir).schema;

  it('gives multi-kind topics a kind enum and one nullable field per kind; single-kind topics no kind', () => {
    for (const topic of ALL_TOPICS) {
      const schema = schemaOf(topic);
      const kinds = TOPIC_KINDS[topic];
      const kind = topField(schema, 'kind');
      if (kinds === undefined) {
        expect(kind, topic).toBeUndefined();
        continue;
      }
      expect((kind?.['type'] as Json)['symbols'], topic).toEqual(kinds);
      for (const k of kinds) {
        const field = topField(schema, kindField(k));
        expect(field, `${topic}: ${kindField(k)}`).toBeDefined();
        expect(Array.isArray(field?.['type']) && (field?.['type'] as unknown[])[0] === 'null').toBe(true);
        expect((nonNullType(field?.['type']) as Json)['type']).toBe('record');
      }
    }
  });

  it('carries the field each topic is keyed by', () => {
    for (const topic of ALL_TOPICS) {
      const rule = TOPIC_SPECS[topic].keyRule;
      const schema = schemaOf(topic);
      if (rule === 'applicationId') expect(topField(schema, 'applicationId')?.['type'], topic).toBe('string');
      if (rule === 'collegeBin') expect(topField(schema, 'collegeBin')?.['type'], topic).toBe('string');
    }
    expect(TOPIC_SPECS[Topics.collegeApplications].keyRule).toBe('collegeBin');
  });

  it('mirrors the gateway names in the identity messages', () => {
    const req = schemaOf(Topics.identityRequests);
    const res = schemaOf(Topics.identityResponses);
    for (const name of ['messageId', 'correlationId', 'serviceId', 'messageDate', 'requestId']) {
      expect(topField(req, name), name).toBeDefined();
      expect(topField(res, name), name).toBeDefined();
    }
    for (const name of ['iin', 'applicationId', 'replyTopic']) expect(topField(req, name), name).toBeDefined();
    for (const name of ['status', 'person', 'errorCode', 'errorMessage', 'errorDate'])
      expect(topField(res, name), name).toBeDefined();
  });

  it('keeps the monitoring fields SPEC section 3 requires', () => {
    const m = schemaOf(Topics.monitoringStages);
    for (const name of [
      'applicationId',
      'stage',
      'occurredAt',
      'channel',
      'collegeBin',
      'serviceTermEndsAt',
      'stageDeadline',
      'slaStatus',
      'sequence',
    ]) {
      expect(topField(m, name), name).toBeDefined();
    }
    expect(topField(m, 'sequence')?.['type']).toBe('long');
    expect(topField(m, 'stageDeadline')?.['default']).toBeNull();
  });

  it('keeps the DLQ fields SPEC section 3 requires', () => {
    const d = loadSchemaFile(DEAD_LETTER_SCHEMA_FILE, dir).schema;
    for (const name of ['originalValue', 'headers', 'originalTopic', 'partition', 'offset', 'errorCode', 'errorText']) {
      expect(topField(d, name), name).toBeDefined();
    }
  });
});

describe('contractSchemas', () => {
  it('lists the 12 topics and the DLQ of each inbound topic, with prefixed topics and <topic>-value subjects', () => {
    const entries = contractSchemas({ prefix: 'it-42' });
    expect(entries).toHaveLength(ALL_TOPICS.length + INBOUND_TOPICS.length);
    const portal = entries.find((e) => e.topic === 'it-42.egov.portal.applications.v1');
    expect(portal).toMatchObject({
      subject: 'it-42.egov.portal.applications.v1-value',
      base: Topics.portalApplications,
      deadLetter: false,
    });
    const dlq = entries.find((e) => e.topic === 'it-42.college.decisions.v1.dlq');
    expect(dlq).toMatchObject({
      subject: 'it-42.college.decisions.v1.dlq-value',
      file: DEAD_LETTER_SCHEMA_FILE,
      deadLetter: true,
    });
    expect(
      entries
        .filter((e) => e.deadLetter)
        .map((e) => e.base)
        .sort(),
    ).toEqual([...INBOUND_TOPICS].sort());
    expect(new Set(entries.map((e) => e.subject)).size).toBe(entries.length);
  });

  it('names topics without a prefix exactly as SPEC section 3', () => {
    const entries = contractSchemas();
    expect(entries.filter((e) => !e.deadLetter).map((e) => e.topic)).toEqual(SPEC_TOPICS);
  });

  it('fails with a clear code when a schema file is missing', () => {
    expect(() => loadSchemaFile('no-such.avsc', dir)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_SCHEMA_LOAD_FAILED' }),
    );
  });
});
