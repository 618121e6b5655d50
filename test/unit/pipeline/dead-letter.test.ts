import { describe, expect, it } from 'vitest';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterSchema } from '../../../src/contract/schemas.js';
import { topicName, Topics } from '../../../src/contract/topics.js';
import { createHash } from 'node:crypto';
import { deadLetterFor, fitDeadLetter, sha256 } from '../../../src/pipeline/inbound/dead-letter.js';
import { revive, toStorable } from '../../../src/pipeline/outbox/json-bytes.js';

const FULL = topicName(Topics.collegeDecisions, 'it-dlq');
const ids = {
  messageId: 'dl-1',
  correlationId: 'GOV4C-20260303-0008124',
  occurredAt: '2026-03-04T10:12:01.250+05:00',
  consumerGroup: 'adapter.college-decisions',
  originalMessageId: null,
};
const reason = { code: 'CONTRACT_DECODE_FAILED', text: 'Value cannot be decoded; ask the college system to re-send.' };
const framed = Buffer.from([0x00, 0x00, 0x00, 0x01, 0x2c, 0x48, 0x32, 0x61]); // magic byte 0, schema id 300

function message(over: Partial<KafkaMessage> = {}): KafkaMessage {
  return {
    key: Buffer.from('GOV4C-20260303-0008124'),
    value: framed,
    timestamp: '1772601120900',
    attributes: 0,
    offset: '18734',
    headers: {},
    ...over,
  } as KafkaMessage;
}

/** The DeadLetter as built, and as the relay will encode it after the outbox's JSON round trip. */
function letterOf(m: KafkaMessage, r: { code: string; text: string; path?: string | null } = reason) {
  const out = deadLetterFor(Topics.collegeDecisions, FULL, 3, m, r, ids);
  const stored = JSON.parse(JSON.stringify(toStorable(out.value))) as Record<string, unknown>;
  return { out, stored, value: revive(stored) as Record<string, unknown> };
}

describe('deadLetterFor', () => {
  it("goes to the base topic's .dlq (the relay adds the prefix), keyed by the original key", () => {
    const { out } = letterOf(message());
    expect(out.topic).toBe('college.decisions.v1.dlq');
    expect(out.key).toBe('GOV4C-20260303-0008124');
  });

  it('a reason that quotes a NUL character of the input (an order id) carries U+FFFD instead: jsonb refuses NUL', () => {
    const { value } = letterOf(message(), {
      code: 'UNKNOWN_REGISTER_ORDER',
      text: 'Register reg-1 did not leave in courier order ab\u0000c.',
      path: 'orderMessageId\u0000',
    });
    expect(value.errorText).toBe('Register reg-1 did not leave in courier order ab\uFFFDc.');
    expect(value.errorPath).toBe('orderMessageId\uFFFD');
  });

  it('without a key, falls back to topic/partition/offset', () => {
    expect(letterOf(message({ key: null })).out.key).toBe(`${FULL}/3/18734`);
  });

  it('keeps the original bytes, where it came from and why', () => {
    const { value } = letterOf(message(), { ...reason, path: 'registered.registeredAt' });
    expect(value).toEqual({
      messageId: 'dl-1',
      correlationId: ids.correlationId,
      occurredAt: ids.occurredAt,
      originalTopic: FULL,
      partition: 3,
      offset: 18734,
      originalTimestamp: new Date(1772601120900).toISOString(),
      originalKey: Buffer.from('GOV4C-20260303-0008124'),
      originalValue: framed,
      headers: [],
      schemaId: 300,
      originalMessageId: null,
      errorCode: 'CONTRACT_DECODE_FAILED',
      errorText: reason.text,
      errorPath: 'registered.registeredAt',
      consumerGroup: 'adapter.college-decisions',
      attempts: 1,
    });
  });

  it('is stored JSON-safe in the outbox ({ $bytes }) and revived byte for byte', () => {
    const { out, stored, value } = letterOf(message());
    expect(stored.originalValue).toEqual({ $bytes: framed.toString('base64') });
    expect(value).toEqual(out.value);
  });

  describe('headers', () => {
    it('become a list of key/value pairs: Buffers kept, strings as bytes, arrays one entry each, undefined as null', () => {
      const { value } = letterOf(
        message({
          headers: {
            traceparent: Buffer.from('00-4bf9-01'),
            'x-text': 'plain',
            'x-multi': [Buffer.from('a'), 'b'],
            'x-none': undefined,
          },
        }),
      );
      expect(value.headers).toEqual([
        { key: 'traceparent', value: Buffer.from('00-4bf9-01') },
        { key: 'x-text', value: Buffer.from('plain') },
        { key: 'x-multi', value: Buffer.from('a') },
        { key: 'x-multi', value: Buffer.from('b') },
        { key: 'x-none', value: null },
      ]);
    });

    it('are an empty list when the message has none', () => {
      expect(letterOf(message({ headers: undefined })).value.headers).toEqual([]);
    });
  });

  describe('schemaId', () => {
    it('is read from a Confluent-framed value (magic byte 0, then a big-endian int32)', () => {
      expect(letterOf(message({ value: Buffer.from([0, 0, 0, 0, 7]) })).value.schemaId).toBe(7);
    });

    it('is null for a value that is not framed: other first byte, too short, or no value', () => {
      expect(letterOf(message({ value: Buffer.from('{"json":true}') })).value.schemaId).toBeNull();
      expect(letterOf(message({ value: Buffer.from([0, 0, 0, 7]) })).value.schemaId).toBeNull();
      expect(letterOf(message({ value: null })).value.schemaId).toBeNull();
      expect(letterOf(message({ value: null })).value.originalValue).toBeNull();
    });
  });

  it('without a timestamp, originalTimestamp is null; without a path, errorPath is null', () => {
    const { value } = letterOf(message({ timestamp: '' }));
    expect(value.originalTimestamp).toBeNull();
    expect(value.errorPath).toBeNull();
  });

  it('once revived, every variant is valid against the DeadLetter Avro schema', () => {
    const type = deadLetterSchema(Topics.collegeDecisions).type;
    const variants = [
      message(),
      message({
        key: null,
        value: null,
        timestamp: '',
        headers: { 'x-none': undefined, 'x-multi': ['a', Buffer.from('b')] },
      }),
      message({ value: Buffer.from('not avro') }),
    ];
    for (const m of variants) {
      const errors: string[] = [];
      type.isValid(letterOf(m).value, { errorHook: (path) => errors.push(path.join('.')) });
      expect(errors).toEqual([]);
    }
  });

  describe('always fits in a Kafka message', () => {
    const LIMIT = 900_000;
    const size = (v: unknown) => deadLetterSchema(Topics.collegeDecisions).type.toBuffer(v).length;

    it('is kept whole when it stays within the limit', () => {
      const { out } = letterOf(message());
      expect(fitDeadLetter(Topics.collegeDecisions, out, message(), LIMIT)).toEqual({ message: out, stored: null });
    });

    it('a 200 KB key and an 800 KB value: the original goes to PostgreSQL, the letter says where, with its digests', () => {
      const key = Buffer.alloc(204_800, 'k');
      const value = Buffer.alloc(819_200, 7);
      const m = message({ key, value, headers: { traceparent: Buffer.from('00-1') } });
      const { out } = letterOf(m);
      expect(size(out.value) + out.key.length).toBeGreaterThan(LIMIT); // as built, it would not fit
      const { message: fitted, stored } = fitDeadLetter(Topics.collegeDecisions, out, m, LIMIT);
      expect(size(fitted.value) + fitted.key.length).toBeLessThanOrEqual(LIMIT);
      expect(fitted.value.originalValue).toBeNull();
      expect(fitted.value.originalKey!.toString()).toBe(fitted.key); // cut, with the digest of the whole key
      expect(fitted.value.errorText).toContain(reason.text);
      expect(fitted.value.errorText).toContain(`sha256 ${createHash('sha256').update(value).digest('hex')}`);
      expect(fitted.value.errorText).toContain(`(${FULL}, 3, 18734)`);
      expect(fitted.value.headers).toEqual([{ key: 'traceparent', value: Buffer.from('00-1') }]);
      expect(stored!.value!.equals(value) && stored!.key!.equals(key)).toBe(true); // the whole original
      expect({ ...stored, key: null, value: null }).toEqual({
        originalTopic: FULL,
        partition: 3,
        offset: '18734',
        key: null,
        value: null,
        headers: [{ key: 'traceparent', value: Buffer.from('00-1') }],
        valueSha256: sha256(value),
        keySha256: sha256(key),
      });
    });

    it('a key above 1 KB is cut, with the digest of the whole key, as the Kafka key; a NUL becomes U+FFFD', () => {
      const key = Buffer.alloc(204_800, 'k');
      const { out } = letterOf(message({ key }));
      expect(out.key.length).toBeLessThan(400);
      expect(out.key.endsWith(`...sha256:${sha256(key)}`)).toBe(true);
      expect(letterOf(message({ key: Buffer.from('a\u0000b') })).out.key).toBe('a\uFFFDb');
    });

    it('headers too large for the limit are left out too (they are kept with the original)', () => {
      const m = message({ value: Buffer.alloc(100, 1), headers: { big: Buffer.alloc(95_000, 2) } });
      const { out } = letterOf(m);
      const { message: fitted, stored } = fitDeadLetter(Topics.collegeDecisions, out, m, 50_000);
      expect(fitted.value.headers).toEqual([]);
      expect(stored!.headers).toHaveLength(1);
      expect(size(fitted.value) + fitted.key.length).toBeLessThanOrEqual(50_000);
    });
  });
});
