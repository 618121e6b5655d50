/**
 * Avro logical types of the contract, as avsc LogicalType classes.
 *
 * Decision: in TypeScript the contract uses the same value forms as the domain model
 * (src/core/application/model.ts), so the edges map Avro values to the model without conversion:
 * - `timestamp-millis` (Avro long, ms since the Unix epoch) <-> an ISO-8601 instant string with an
 *   explicit offset. Written: any `YYYY-MM-DDTHH:mm[:ss[.SSS]]` followed by `Z` or `+hh:mm`
 *   (a string without an offset is rejected: its instant would be a guess; more than 3 fraction
 *   digits are rejected: they would be lost silently). Read: always rendered in Kazakhstan time
 *   (Asia/Almaty) with milliseconds, e.g. `2026-03-02T10:15:00.000+05:00` (`+06:00` for instants
 *   before 1 March 2024), the form luxon's `toISO()` gives and src/core/calendar produces.
 * - `date` (Avro int, days since 1970-01-01) <-> `'YYYY-MM-DD'` (a day of the Kazakhstan
 *   calendar, no zone involved).
 *
 * Pass {@link logicalTypes} (or {@link avroOptions}()) to every avsc `Type.forSchema` call and to the
 * schema registry client, so producers and consumers agree; see registry-options.ts.
 */
import avro from 'avsc';
import type { Type } from 'avsc';
import { DateTime } from 'luxon';
import { formatAlmaty, parseInstantMillis } from '../core/calendar/instant.js';
import { isIsoDate } from '../core/calendar/iso-date.js';
import { ContractError, ContractErrorCode } from './errors.js';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;

function invalid(logicalType: string, value: unknown, expected: string): ContractError {
  return new ContractError(
    ContractErrorCode.INVALID_LOGICAL_VALUE,
    `Value ${JSON.stringify(value)} is not a valid ${logicalType}: expected ${expected}. Fix the producer of the message.`,
    { logicalType },
  );
}

/** ISO-8601 instant with offset -> epoch millis; throws ContractError when not in the agreed form. */
export function instantToMillis(value: unknown): number {
  if (typeof value !== 'string' || !INSTANT_RE.test(value)) {
    throw invalid('timestamp-millis', value, 'an ISO-8601 instant with an offset, e.g. 2026-03-02T10:15:00.000+05:00');
  }
  const ms = parseInstantMillis(value);
  if (ms === null) throw invalid('timestamp-millis', value, 'a real date and time');
  return ms;
}

/** Epoch millis -> ISO-8601 instant in Kazakhstan time, with milliseconds. */
export function millisToInstant(millis: number): string {
  // Beyond the range of dates (±8.64e15 ms) there is no instant to write.
  if (!(Math.abs(millis) <= 8.64e15))
    throw invalid('timestamp-millis', millis, 'epoch milliseconds within the range of dates');
  return formatAlmaty(millis);
}

/** 'YYYY-MM-DD' -> days since 1970-01-01; throws ContractError when not a real calendar date. */
export function dateToEpochDays(value: unknown): number {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw invalid('date', value, "a calendar date 'YYYY-MM-DD'");
  }
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** Days since 1970-01-01 -> 'YYYY-MM-DD'. */
export function epochDaysToDate(days: number): string {
  return DateTime.fromMillis(days * MS_PER_DAY, { zone: 'utc' }).toISODate() as string;
}

/** `{"type": "long", "logicalType": "timestamp-millis"}` as an ISO-8601 instant string. */
export class TimestampMillisType extends avro.types.LogicalType {
  protected override _fromValue(val: number): string {
    return millisToInstant(val);
  }

  // null is the other branch of a ["null", X] union: avsc asks X first, and `undefined` says "not
  // mine" without an exception on every null field of every message.
  protected override _toValue(val: unknown): number {
    if (val === null || val === undefined) return undefined as unknown as number;
    return instantToMillis(val);
  }

  protected override _resolve(type: Type): ((val: number) => string) | undefined {
    if (avro.Type.isType(type, 'long', 'logical:timestamp-millis')) {
      return (val: number) => this._fromValue(val);
    }
    return undefined;
  }
}

/** `{"type": "int", "logicalType": "date"}` as a 'YYYY-MM-DD' string. */
export class DateType extends avro.types.LogicalType {
  protected override _fromValue(val: number): string {
    return epochDaysToDate(val);
  }

  protected override _toValue(val: unknown): number {
    if (val === null || val === undefined) return undefined as unknown as number;
    return dateToEpochDays(val);
  }

  protected override _resolve(type: Type): ((val: number) => string) | undefined {
    if (avro.Type.isType(type, 'int', 'logical:date')) {
      return (val: number) => this._fromValue(val);
    }
    return undefined;
  }
}

/** The logical type implementations, by Avro `logicalType` name. */
export const logicalTypes = {
  'timestamp-millis': TimestampMillisType,
  date: DateType,
} as const;

/**
 * Fresh avsc `Type.forSchema` options for the contract. A function, not a constant: avsc stores
 * the named types it creates in `opts.registry`, so sharing one options object between two
 * schemas fails with "duplicate type name". `wrapUnions` stays 'auto' (the avsc default): the
 * contract only has `["null", X]` unions, which avsc keeps unwrapped (a value is `null` or X).
 */
export function avroOptions(): { logicalTypes: typeof logicalTypes; wrapUnions: 'auto' } {
  return { logicalTypes, wrapUnions: 'auto' };
}
