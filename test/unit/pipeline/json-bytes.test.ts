import { describe, expect, it } from 'vitest';
import { revive, toStorable } from '../../../src/pipeline/outbox/json-bytes.js';

/** What jsonb gives back: JSON text parsed again. */
const throughJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('toStorable / revive', () => {
  const value = {
    originalKey: Buffer.from('GOV4C-20260303-0008124', 'utf8'),
    originalValue: Buffer.from([0x00, 0x00, 0x00, 0x00, 0x07, 0xff, 0x00, 0x80]),
    headers: [
      { key: 'traceparent', value: Buffer.from('00-4bf9-01', 'utf8') },
      { key: 'x-empty', value: null },
      { key: 'x-zero', value: Buffer.alloc(0) },
    ],
    nested: { deeper: [[Buffer.from('Әуезов', 'utf8')]] },
    offset: 18734,
    text: 'not bytes',
    flag: false,
    nothing: null,
  };

  it('turns every Buffer, however deep, into { $bytes: base64 } and leaves the rest as is', () => {
    const stored = toStorable(value) as typeof value & Record<string, unknown>;
    expect(stored.originalKey).toEqual({ $bytes: Buffer.from('GOV4C-20260303-0008124').toString('base64') });
    expect(stored.originalValue).toEqual({ $bytes: 'AAAAAAf/AIA=' });
    expect(stored.headers[1]).toEqual({ key: 'x-empty', value: null });
    expect(stored.headers[2]).toEqual({ key: 'x-zero', value: { $bytes: '' } });
    expect(stored.nested.deeper[0]![0]).toEqual({ $bytes: Buffer.from('Әуезов', 'utf8').toString('base64') });
    expect({ offset: stored.offset, text: stored.text, flag: stored.flag, nothing: stored.nothing }).toEqual({
      offset: 18734,
      text: 'not bytes',
      flag: false,
      nothing: null,
    });
    // No Buffer left: the JSON text holds no {"type":"Buffer","data":[...]} form.
    expect(JSON.stringify(stored)).not.toContain('"type":"Buffer"');
  });

  it('round-trips through JSON (jsonb): revive gives back equal Buffers and values', () => {
    const back = revive(throughJson(toStorable(value))) as typeof value;
    expect(back).toEqual(value);
    expect(Buffer.isBuffer(back.originalValue)).toBe(true);
    expect(back.originalValue.equals(value.originalValue)).toBe(true);
    expect(Buffer.isBuffer(back.headers[2]!.value)).toBe(true);
    expect(Buffer.isBuffer(back.nested.deeper[0]![0])).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = { a: Buffer.from('x'), list: [Buffer.from('y')] };
    toStorable(input);
    expect(Buffer.isBuffer(input.a)).toBe(true);
    expect(Buffer.isBuffer(input.list[0])).toBe(true);
  });

  it('revives only an object whose one key is a string $bytes', () => {
    expect(revive({ $bytes: 'aGk=', other: 1 })).toEqual({ $bytes: 'aGk=', other: 1 });
    expect(revive({ $bytes: 5 })).toEqual({ $bytes: 5 });
    expect(revive({ bytes: 'aGk=' })).toEqual({ bytes: 'aGk=' });
    expect(revive({ $bytes: 'aGk=' })).toEqual(Buffer.from('hi'));
  });

  it('passes scalars and null through', () => {
    for (const v of [null, 0, 7, 'text', true, false]) {
      expect(toStorable(v)).toBe(v);
      expect(revive(v)).toBe(v);
    }
  });
});
