import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import {
  avroOptions,
  dateToEpochDays,
  epochDaysToDate,
  instantToMillis,
  logicalTypes,
  millisToInstant,
} from '../../../src/contract/logical-types.js';

const record = (fields: unknown[]) =>
  avro.Type.forSchema(
    { type: 'record', name: 'T', namespace: 'test', doc: 'test', fields } as avro.Schema,
    avroOptions(),
  );

describe('timestamp-millis as ISO-8601 strings', () => {
  it('reads instants in Kazakhstan time: +05:00 from 1 March 2024, +06:00 before', () => {
    expect(millisToInstant(Date.UTC(2026, 2, 2, 5, 15))).toBe('2026-03-02T10:15:00.000+05:00');
    expect(millisToInstant(Date.UTC(2024, 1, 29, 17, 59, 59, 999))).toBe('2024-02-29T23:59:59.999+06:00');
    // At 00:00 +06:00 on 1 March 2024 the clocks went back to 23:00 +05:00 on 29 February.
    expect(millisToInstant(Date.UTC(2024, 1, 29, 18, 0))).toBe('2024-02-29T23:00:00.000+05:00');
    expect(millisToInstant(Date.UTC(2024, 1, 29, 19, 0))).toBe('2024-03-01T00:00:00.000+05:00');
  });

  it('writes any offset form of the same instant to the same millis', () => {
    const ms = Date.UTC(2026, 2, 2, 5, 15);
    expect(instantToMillis('2026-03-02T05:15:00Z')).toBe(ms);
    expect(instantToMillis('2026-03-02T10:15:00+05:00')).toBe(ms);
    expect(instantToMillis('2026-03-02T11:15:00.000+06:00')).toBe(ms);
    expect(instantToMillis('2026-03-02T10:15+05:00')).toBe(ms);
  });

  it.each([
    ['no offset', '2026-03-02T10:15:00'],
    ['date only', '2026-03-02'],
    ['sub-millisecond digits', '2026-03-02T10:15:00.0001+05:00'],
    ['impossible date', '2026-02-30T10:15:00+05:00'],
    ['a number', 1772428500000],
    ['a Date', new Date(0)],
  ])('refuses %s with CONTRACT_INVALID_LOGICAL_VALUE', (_what, value) => {
    expect(() => instantToMillis(value)).toThrow(expect.objectContaining({ code: 'CONTRACT_INVALID_LOGICAL_VALUE' }));
  });
});

describe('date as YYYY-MM-DD', () => {
  it('maps days since the epoch both ways', () => {
    expect(dateToEpochDays('1970-01-01')).toBe(0);
    expect(dateToEpochDays('1969-12-31')).toBe(-1);
    expect(dateToEpochDays('2024-02-29')).toBe(19782);
    expect(epochDaysToDate(19782)).toBe('2024-02-29');
    expect(epochDaysToDate(-1)).toBe('1969-12-31');
  });

  it.each(['2026-02-29', '2026-3-1', '01.03.2026', '2026-03-01T00:00:00+05:00'])('refuses %s', (value) => {
    expect(() => dateToEpochDays(value)).toThrow(expect.objectContaining({ code: 'CONTRACT_INVALID_LOGICAL_VALUE' }));
  });
});

describe('inside avsc types', () => {
  const type = record([
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'instant' },
    { name: 'on', type: ['null', { type: 'int', logicalType: 'date' }], default: null, doc: 'date' },
  ]);

  it('encodes to the Avro primitives and decodes to strings', () => {
    const value = { at: '2026-03-02T10:15:00.000+05:00', on: '2026-03-27' };
    const buf = type.toBuffer(value);
    const raw = avro.Type.forSchema({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'at', type: 'long' },
        { name: 'on', type: ['null', 'int'] },
      ],
    });
    expect(raw.fromBuffer(buf)).toEqual({ at: Date.UTC(2026, 2, 2, 5, 15), on: dateToEpochDays('2026-03-27') });
    expect(type.fromBuffer(buf)).toEqual(value);
    expect(type.fromBuffer(type.toBuffer({ ...value, on: null }))).toEqual({ ...value, on: null });
  });

  it('reports the path of a wrong instant or date through errorHook', () => {
    const paths: string[] = [];
    expect(
      type.isValid({ at: '02.03.2026 10:15', on: '2026-13-01' }, { errorHook: (p) => paths.push(p.join('.')) }),
    ).toBe(false);
    expect(paths.sort()).toEqual(['at', 'on']);
  });

  it('a null where the schema has no null branch is refused by avsc, with its path; a null in a union is its null branch', () => {
    const paths: string[] = [];
    expect(type.isValid({ at: null, on: null }, { errorHook: (p) => paths.push(p.join('.')) })).toBe(false);
    expect(paths).toEqual(['at']);
    expect(() => type.toBuffer({ at: null, on: null })).toThrow();
    expect(type.isValid({ at: '2026-03-02T10:15:00.000+05:00', on: null })).toBe(true);
  });

  it('resolves data written with the plain primitive (schema evolution to the logical type)', () => {
    const writer = avro.Type.forSchema({
      type: 'record',
      name: 'T',
      namespace: 'test',
      fields: [
        { name: 'at', type: 'long' },
        { name: 'on', type: ['null', 'int'], default: null },
      ],
    });
    const resolver = type.createResolver(writer);
    const buf = writer.toBuffer({ at: Date.UTC(2023, 0, 5, 3, 0), on: 0 });
    expect(type.fromBuffer(buf, resolver)).toEqual({ at: '2023-01-05T09:00:00.000+06:00', on: '1970-01-01' });
  });

  it('gives fresh options each time, so several schemas with the same named types can be built', () => {
    const schema = { type: 'enum', name: 'E', namespace: 'test', symbols: ['A'] } as avro.Schema;
    const options = avroOptions();
    avro.Type.forSchema(schema, options);
    expect(() => avro.Type.forSchema(schema, avroOptions())).not.toThrow();
    expect(() => avro.Type.forSchema(schema, options)).toThrow(/duplicate/);
    expect(Object.keys(logicalTypes).sort()).toEqual(['date', 'timestamp-millis']);
  });
});
