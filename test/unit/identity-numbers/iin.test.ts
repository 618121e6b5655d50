import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateFromIin,
  checkDigit,
  checkDigitPass,
  generateIin,
  isValidIin,
  sexFromIin,
  validateIin,
} from '../../../src/core/identity-numbers/index.js';

describe('IIN check digit (two passes)', () => {
  it('first pass: 900515312349 (sum 185 mod 11 = 9)', () => {
    expect(checkDigit('90051531234')).toBe(9);
    expect(checkDigitPass('90051531234')).toBe(1);
    expect(isValidIin('900515312349')).toBe(true);
  });

  it('second pass: 900515300908 (first pass 175 mod 11 = 10; second 140 mod 11 = 8)', () => {
    expect(checkDigitPass('90051530090')).toBe(2);
    expect(checkDigit('90051530090')).toBe(8);
    expect(isValidIin('900515300908')).toBe(true);
  });

  it('never issued: 10 after the second pass', () => {
    expect(checkDigitPass('90051530091')).toBe('NEVER_ISSUED');
    expect(checkDigit('90051530091')).toBeNull();
    for (let d = 0; d <= 9; d += 1) {
      expect(validateIin(`90051530091${d}`).map((f) => f.code)).toEqual(['IIN_NEVER_ISSUED']);
    }
  });

  it('needs 11 digits', () => {
    expect(() => checkDigit('123')).toThrow(RangeError);
  });
});

describe('validateIin', () => {
  it.each([
    ['900515312349', '1990-05-15', 'MALE'],
    ['080229600425', '2008-02-29', 'FEMALE'],
    ['991231100070', '1899-12-31', 'MALE'],
    ['100321600015', '2010-03-21', 'FEMALE'],
  ])('%s is valid, born %s, %s', (iin, birth, sex) => {
    expect(validateIin(iin)).toEqual([]);
    expect(birthDateFromIin(iin)).toBe(birth);
    expect(sexFromIin(iin)).toBe(sex);
  });

  it.each([
    ['90051531234', 'IIN_LENGTH'],
    ['9005153123490', 'IIN_LENGTH'],
    ['90051531234a', 'IIN_NOT_DIGITS'],
    ['900515012345', 'IIN_CENTURY_SEX_DIGIT'],
    ['900515712345', 'IIN_CENTURY_SEX_DIGIT'],
    ['900515912345', 'IIN_CENTURY_SEX_DIGIT'],
    ['900515312348', 'IIN_CHECK_DIGIT'],
    ['900229312345', 'IIN_BIRTH_DATE'], // 29 Feb 1990 does not exist
    ['901315312345', 'IIN_BIRTH_DATE'],
    ['900500312345', 'IIN_BIRTH_DATE'],
  ])('%s -> %s', (iin, code) => {
    const findings = validateIin(iin, 'applicant.iin');
    expect(findings.map((f) => f.code)).toContain(code);
    expect(findings.every((f) => f.field === 'applicant.iin' && f.message.length > 0)).toBe(true);
    expect(isValidIin(iin)).toBe(false);
  });

  it('29 February is valid in a leap year of the right century', () => {
    expect(validateIin('000229500001').map((f) => f.code)).not.toContain('IIN_BIRTH_DATE'); // 2000-02-29
    expect(validateIin('000229300001').map((f) => f.code)).toContain('IIN_BIRTH_DATE'); // 1900 is not leap
  });

  it('birthDateFromIin and sexFromIin refuse an invalid IIN', () => {
    expect(() => birthDateFromIin('900515312348')).toThrow(expect.objectContaining({ code: 'IIN_INVALID' }));
    expect(() => sexFromIin('abc')).toThrow(expect.objectContaining({ code: 'IIN_INVALID' }));
  });
});

describe('generateIin', () => {
  it('is deterministic', () => {
    expect(generateIin('1990-05-15', 'MALE', 1234)).toBe('900515312349');
    expect(generateIin('1990-05-15', 'MALE', 1234)).toBe(generateIin('1990-05-15', 'MALE', 1234));
  });

  it('skips a never-issued serial', () => {
    // serial 0091 gives 10 on both passes; the next serial is used
    expect(generateIin('1990-05-15', 'MALE', 91)).toBe(`90051530092${checkDigit('90051530092')}`);
  });

  it.each([
    ['1990-02-30', 'MALE', 1],
    ['1799-12-31', 'MALE', 1],
    ['2100-01-01', 'FEMALE', 1],
    ['1990-05-15', 'MALE', 10000],
    ['1990-05-15', 'MALE', -1],
  ] as const)('rejects %s %s %i', (birth, sex, serial) => {
    expect(() => generateIin(birth, sex, serial)).toThrow(expect.objectContaining({ code: 'IIN_GENERATOR_INPUT' }));
  });

  it('always yields a valid IIN that decodes back (property)', () => {
    const birth = fc
      .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        birth,
        fc.constantFrom('MALE' as const, 'FEMALE' as const),
        fc.integer({ min: 0, max: 9999 }),
        (b, sex, serial) => {
          const iin = generateIin(b, sex, serial);
          expect(validateIin(iin)).toEqual([]);
          expect(birthDateFromIin(iin)).toBe(b);
          expect(sexFromIin(iin)).toBe(sex);
          const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
          expect(isValidIin(wrong)).toBe(false);
        },
      ),
    );
  });
});
