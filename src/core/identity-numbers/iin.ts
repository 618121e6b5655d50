/**
 * IIN, the individual identification number (Law No. 223 of 12 Jan 2007; Government Decree
 * No. 565 of 11 June 2003; SPEC section 4): YYMMDD birth date, a century/sex digit (1/2 = 1800s,
 * 3/4 = 1900s, 5/6 = 2000s; odd male, even female), a 4-digit serial, a check digit.
 */
import { DateTime } from 'luxon';
import { checkDigit } from './check-digit.js';
import { IdentityNumberError, type IdNumberFinding } from './finding.js';

export type Sex = 'MALE' | 'FEMALE';

const CENTURY: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

function birthDateOrNull(iin: string): string | null {
  const base = CENTURY[iin[6]!];
  if (base === undefined) return null;
  const year = base + Number(iin.slice(0, 2));
  const dt = DateTime.fromObject(
    { year, month: Number(iin.slice(2, 4)), day: Number(iin.slice(4, 6)) },
    { zone: 'utc' },
  );
  return dt.isValid ? (dt.toISODate() as string) : null;
}

/** Every problem of an IIN; an empty list means the IIN is valid. */
export function validateIin(iin: string, field = 'iin'): IdNumberFinding[] {
  const f = (code: string, message: string): IdNumberFinding => ({ code, field, message });
  if (typeof iin !== 'string' || iin.length !== 12) return [f('IIN_LENGTH', 'An IIN has exactly 12 digits.')];
  if (!/^\d{12}$/.test(iin)) return [f('IIN_NOT_DIGITS', 'An IIN consists of digits only.')];
  const findings: IdNumberFinding[] = [];
  if (CENTURY[iin[6]!] === undefined) {
    findings.push(f('IIN_CENTURY_SEX_DIGIT', `Digit 7 (century and sex) must be 1-6, got ${iin[6]}.`));
  } else if (birthDateOrNull(iin) === null) {
    findings.push(f('IIN_BIRTH_DATE', `Digits 1-6 (${iin.slice(0, 6)}) are not a real birth date.`));
  }
  const expected = checkDigit(iin.slice(0, 11));
  if (expected === null) {
    findings.push(f('IIN_NEVER_ISSUED', 'The check digit computes to 10 on both passes: such an IIN is never issued.'));
  } else if (expected !== Number(iin[11])) {
    findings.push(f('IIN_CHECK_DIGIT', 'The check digit (digit 12) does not match: the IIN is mistyped.'));
  }
  return findings;
}

export function isValidIin(iin: string): boolean {
  return validateIin(iin).length === 0;
}

function requireValid(iin: string): void {
  const findings = validateIin(iin);
  if (findings.length > 0)
    throw new IdentityNumberError('IIN_INVALID', `Invalid IIN: ${findings.map((x) => x.message).join(' ')}`);
}

/** The birth date encoded in a valid IIN, 'YYYY-MM-DD'. Throws IdentityNumberError (IIN_INVALID) otherwise. */
export function birthDateFromIin(iin: string): string {
  requireValid(iin);
  return birthDateOrNull(iin)!;
}

/** The sex encoded in a valid IIN (odd digit 7 = male, even = female). */
export function sexFromIin(iin: string): Sex {
  requireValid(iin);
  return Number(iin[6]) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/**
 * A valid IIN for tests and fixtures, deterministic in its inputs. `serial` is 0-9999; when that
 * serial gives a never-issued number (check digit 10 on both passes) the next serial is used
 * (wrapping at 9999), so the result's serial may differ from `serial` by a few.
 */
export function generateIin(birthDate: string, sex: Sex, serial: number): string {
  const dt = DateTime.fromISO(birthDate, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !dt.isValid || dt.year < 1800 || dt.year > 2099) {
    throw new IdentityNumberError(
      'IIN_GENERATOR_INPUT',
      `Birth date ${birthDate} must be a real date YYYY-MM-DD in 1800-2099.`,
    );
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new IdentityNumberError('IIN_GENERATOR_INPUT', `Serial ${serial} must be a whole number 0-9999.`);
  }
  const centuryIndex = Math.floor(dt.year / 100) - 18; // 0, 1, 2
  const centuryDigit = 1 + centuryIndex * 2 + (sex === 'MALE' ? 0 : 1);
  const head = dt.toFormat('yyMMdd') + String(centuryDigit);
  for (let i = 0; i < 10000; i += 1) {
    const first11 = head + String((serial + i) % 10000).padStart(4, '0');
    const check = checkDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  /* v8 ignore next */
  throw new IdentityNumberError('IIN_GENERATOR_EXHAUSTED', `No issuable IIN for ${birthDate}.`);
}
