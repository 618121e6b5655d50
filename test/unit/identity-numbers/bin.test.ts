import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDigit,
  checkDigitPass,
  generateBin,
  isValidBin,
  validateBin,
} from '../../../src/core/identity-numbers/index.js';

describe('validateBin', () => {
  it.each(['040940123450', '991251000013', '040940001807'])('%s is valid', (bin) => {
    expect(validateBin(bin)).toEqual([]);
    expect(isValidBin(bin)).toBe(true);
  });

  it('040940001807 needs the second pass', () => {
    expect(checkDigitPass('04094000180')).toBe(2);
  });

  it.each([
    ['04094012345', 'BIN_LENGTH'],
    ['0409401234 0', 'BIN_NOT_DIGITS'],
    ['041340123450', 'BIN_REGISTRATION_MONTH'],
    ['040040123450', 'BIN_REGISTRATION_MONTH'],
    ['040930123450', 'BIN_ENTITY_TYPE'],
    ['040970123450', 'BIN_ENTITY_TYPE'],
    ['040944123450', 'BIN_UNIT_TYPE'],
    ['040940123451', 'BIN_CHECK_DIGIT'],
    ['040940001870', 'BIN_NEVER_ISSUED'],
  ])('%s -> %s', (bin, code) => {
    const findings = validateBin(bin, 'collegeBin');
    expect(findings.map((f) => f.code)).toContain(code);
    expect(findings[0]!.field).toBe('collegeBin');
    expect(isValidBin(bin)).toBe(false);
  });

  it('an individual IIN is not a BIN (digit 5 is a month digit)', () => {
    expect(isValidBin('900515312349')).toBe(false);
  });
});

describe('generateBin', () => {
  it('is deterministic and skips never-issued serials', () => {
    expect(generateBin('2004-09', 4, 0, 12345)).toBe('040940123450');
    expect(checkDigit('04094000187')).toBeNull();
    expect(generateBin('2004-09', 4, 0, 187)).toBe(`04094000188${checkDigit('04094000188')}`);
  });

  it.each([
    ['2004-13', 4, 0, 1],
    ['04-09', 4, 0, 1],
    ['2004-09', 7, 0, 1],
    ['2004-09', 4, 4, 1],
    ['2004-09', 4, 0, 100000],
  ])('rejects %s %i %i %i', (month, type, unit, serial) => {
    expect(() => generateBin(month, type as 4, unit as 0, serial)).toThrow(
      expect.objectContaining({ code: 'BIN_GENERATOR_INPUT' }),
    );
  });

  it('always yields a valid BIN (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(4 as const, 5 as const, 6 as const),
        fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
        fc.integer({ min: 0, max: 99999 }),
        (y, m, t, u, s) => isValidBin(generateBin(`${y}-${String(m).padStart(2, '0')}`, t, u, s)),
      ),
    );
  });
});
