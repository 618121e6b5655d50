import { describe, expect, it } from 'vitest';
import type { Type } from 'avsc';
import { isValidBin, isValidIin } from '../../../src/core/identity-numbers/index.js';
import { TOPIC_KINDS, checkKindFields, kindField } from '../../../src/contract/kinds.js';
import { messageKey } from '../../../src/contract/message-key.js';
import { deadLetterSchema, topicSchema } from '../../../src/contract/schemas.js';
import { ALL_TOPICS, INBOUND_TOPICS, Topics, type TopicName } from '../../../src/contract/topics.js';
import { deadLetterSamples, samples } from '../../support/samples.js';

/** Validates with avsc and returns the paths avsc reports (empty when the value conforms). */
function invalidPaths(type: Type, value: unknown): string[] {
  const paths: string[] = [];
  type.isValid(value, { errorHook: (path) => paths.push(path.join('.') || '<root>') });
  return paths;
}

function roundTrip(type: Type, value: unknown): unknown {
  return type.fromBuffer(type.toBuffer(value));
}

const cases = ALL_TOPICS.flatMap((topic) =>
  (samples[topic] as unknown[]).map((value, i) => [topic, i, value] as const),
);

describe('samples conform to their topic schema', () => {
  it('has at least one sample for every topic and every message kind', () => {
    for (const topic of ALL_TOPICS) {
      const values = samples[topic] as Array<Record<string, unknown>>;
      expect(values.length, topic).toBeGreaterThan(0);
      const kinds = TOPIC_KINDS[topic];
      if (kinds) expect(new Set(values.map((v) => v['kind'])), topic).toEqual(new Set(kinds));
    }
    expect(deadLetterSamples.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s sample #%i validates (no error paths) and round-trips unchanged', (topic, _i, value) => {
    const { type } = topicSchema(topic);
    expect(invalidPaths(type, value)).toEqual([]);
    expect(roundTrip(type, value)).toEqual(value);
  });

  it.each(deadLetterSamples.map((v, i) => [i, v] as const))(
    'dead-letter sample #%i validates and round-trips (bytes included)',
    (_i, value) => {
      for (const base of INBOUND_TOPICS) {
        const { type } = deadLetterSchema(base);
        expect(invalidPaths(type, value)).toEqual([]);
        expect(roundTrip(type, value)).toEqual(value);
      }
    },
  );

  it('reports the path of a field that breaks the schema', () => {
    const { type } = topicSchema(Topics.corporationApplications);
    const sample = samples[Topics.corporationApplications][0];
    if (sample.kind !== 'APPLICATION_ACCEPTED') throw new Error('first sample must be an acceptance');
    const broken = {
      ...sample,
      applicationAccepted: {
        ...sample.applicationAccepted,
        acceptedAt: '2026-03-03 11:40',
        form: { ...sample.applicationAccepted.form, reason: 'STOLEN' },
      },
    };
    expect(invalidPaths(type, broken).sort()).toEqual([
      'applicationAccepted.acceptedAt',
      'applicationAccepted.form.reason',
    ]);
    expect(() => type.toBuffer(broken)).toThrow();
  });

  it('refuses a monitoring stage with an unknown stage code', () => {
    const { type } = topicSchema(Topics.monitoringStages);
    expect(invalidPaths(type, { ...samples[Topics.monitoringStages][0], stage: 'NOT_A_STAGE' })).toEqual(['stage']);
  });
});

describe('samples are realistic and coherent', () => {
  const all = [...ALL_TOPICS.flatMap((t) => samples[t] as unknown[]), ...deadLetterSamples];

  it('uses unique messageIds', () => {
    const ids = all.map((v) => (v as { messageId: string }).messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses IINs and BINs with valid check digits wherever a field names one', () => {
    const iins: string[] = [];
    const bins: string[] = [];
    const visit = (node: unknown, key: string): void => {
      if (Array.isArray(node)) node.forEach((n) => visit(n, key));
      else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
        for (const [k, v] of Object.entries(node)) visit(v, k);
      } else if (typeof node === 'string') {
        if (/iin$/i.test(key)) iins.push(node);
        if (/bin$/i.test(key)) bins.push(node);
      }
    };
    all.forEach((v) => visit(v, ''));
    expect(iins.length).toBeGreaterThan(20);
    expect(bins.length).toBeGreaterThan(20);
    for (const iin of iins) expect(isValidIin(iin), iin).toBe(true);
    for (const bin of bins) expect(isValidBin(bin), bin).toBe(true);
  });

  it('sets exactly the kind field each multi-kind sample names', () => {
    for (const topic of ALL_TOPICS) {
      for (const value of samples[topic] as Array<Record<string, unknown>>) {
        expect(() => checkKindFields(topic, value)).not.toThrow();
        if (TOPIC_KINDS[topic]) expect(value[kindField(String(value['kind']))]).not.toBeNull();
      }
    }
  });

  it('keys every sample by the rule of its topic', () => {
    const keyed = (topic: TopicName): string[] =>
      (samples[topic] as unknown[]).map((v) => messageKey(topic, v as never));
    expect(keyed(Topics.collegeApplications)).toEqual(Array(5).fill('040740005191'));
    expect(keyed(Topics.courierOrders)).toEqual(['REG-ALM-AUEZOV-02-20260303-2', 'GOV4C-20260303-0008124']);
    expect(keyed(Topics.courierEvents)).toEqual([
      'REG-ALM-AUEZOV-02-20260303-2',
      'REG-ALM-AUEZOV-02-20260303-2',
      'GOV4C-20260303-0008124',
    ]);
    expect(keyed(Topics.monitoringStages).every((k) => k === 'GOV4C-20260303-0008124')).toBe(true);
    for (const topic of ALL_TOPICS) {
      for (const value of samples[topic] as Array<{ applicationId?: string }>) {
        const key = messageKey(topic, value as never);
        if (value.applicationId !== undefined && topic !== Topics.collegeApplications)
          expect(key, topic).toBe(value.applicationId);
      }
    }
  });

  it('numbers the monitoring stages of one application 1, 2, 3... in time order', () => {
    const stages = samples[Topics.monitoringStages];
    expect(stages.map((s) => s.sequence)).toEqual(stages.map((_s, i) => i + 1));
    const times = stages.map((s) => Date.parse(s.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
