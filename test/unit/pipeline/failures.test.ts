import { describe, expect, it } from 'vitest';
import {
  describeError,
  handlerFailureReason,
  inputErrorReason,
  isLockConflict,
  isOutage,
} from '../../../src/pipeline/inbound/failures.js';
import { RejectedInputError } from '../../../src/pipeline/inbound/rejected-input.js';
import { RegistryError } from '../../../src/platform/messaging/ccompat.js';

/** A PostgreSQL error as node-postgres raises it: the message may quote the refused value. */
function pgError(code: string, message: string, extra: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

const SURNAME = 'Сейтқалиева';
const IIN = '980412401235';

describe('what an error while handling a message means', () => {
  it('outages: PostgreSQL connection, resources, shutdown and lock conflicts; sockets; the pool; the registry; kafkajs', () => {
    for (const code of ['08006', '53300', '57P01', '57014', '58030', '40001', '40P01', '55P03'])
      expect(isOutage(pgError(code, 'x')), code).toBe(true);
    expect(isOutage(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isOutage(Object.assign(new Error('pool'), { name: 'KnexTimeoutError' }))).toBe(true);
    expect(isOutage(new RegistryError('REGISTRY_UNREACHABLE', 'down'))).toBe(true);
    expect(isOutage(Object.assign(new Error('HTTP 503'), { status: 503 }))).toBe(true);
    expect(isOutage(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }))).toBe(true);
    // A cause counts: an error that wraps a connection failure is one.
    expect(isOutage(new Error('wrapped', { cause: pgError('08001', 'x') }))).toBe(true);
    expect(isLockConflict(pgError('40P01', 'deadlock'))).toBe(true);
  });

  it('not outages: a TypeError, index row too large (54000), data errors, rejections', () => {
    expect(isOutage(new TypeError("Cannot read properties of undefined (reading 'collegeBin')"))).toBe(false);
    expect(isOutage(pgError('54000', 'index row size 10016 exceeds btree version 4 maximum 2704'))).toBe(false);
    expect(isOutage(pgError('22P02', 'invalid input syntax'))).toBe(false);
    expect(isOutage(new RejectedInputError('UNKNOWN_APPLICATION', 'no such application'))).toBe(false);
  });

  it('data the database refuses is the input: parked with the SQLSTATE, its condition and where, never the value', () => {
    const err = pgError('22P02', `invalid input syntax for type json: "${SURNAME} ${IIN}"`, {
      table: 'applications',
      column: 'state',
    });
    const reason = inputErrorReason(err)!;
    expect(reason.code).toBe('DATA_REJECTED_22P02');
    expect(reason.text).toContain('SQLSTATE 22P02 invalid_text_representation, table applications, column state');
    expect(reason.text).not.toContain(SURNAME);
    expect(reason.text).not.toContain(IIN);
    const unique = pgError('23505', `duplicate key value violates unique constraint "x": Key (iin)=(${IIN})`, {
      constraint: 'x',
    });
    expect(inputErrorReason(unique)!.text).not.toContain(IIN);
  });

  it('a rejection keeps its own code and text; anything else is not the input (yet)', () => {
    expect(inputErrorReason(new RejectedInputError('APPLICATION_CLOSED', 'closed.'))).toEqual({
      code: 'APPLICATION_CLOSED',
      text: 'closed.',
      path: null,
    });
    expect(inputErrorReason(new TypeError('x'))).toBeNull();
    expect(inputErrorReason(pgError('54000', 'index row too large'))).toBeNull();
  });

  it('a handler failure names the error class and where it was thrown, never its message', () => {
    const err = new SyntaxError(`Cannot convert ${IIN}${SURNAME} to a BigInt`);
    err.stack = `SyntaxError: Cannot convert ${IIN}${SURNAME} to a BigInt\n    at f (/work/x/src/partners/portal/map-application.ts:42:7)`;
    const reason = handlerFailureReason(err, 3);
    expect(reason.code).toBe('HANDLER_FAILED');
    expect(reason.text).toContain('failed 3 times (SyntaxError at src/partners/portal/map-application.ts:42)');
    expect(reason.text).not.toContain(IIN);
    expect(reason.text).not.toContain(SURNAME);
    expect(describeError(pgError('54000', `index row for ${IIN}`))).toBe('SQLSTATE 54000 program_limit_exceeded');
  });
});
