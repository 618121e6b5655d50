/**
 * BIN, the business identification number of an organisation such as a college (SPEC section 4):
 * YYMM of registration, an entity-type digit (4 resident legal entity, 5 non-resident, 6 joint
 * individual entrepreneurship), a unit digit (0 head office, 1 branch, 2 representative office,
 * 3 peasant farm), a 5-digit serial, and the IIN check digit.
 */
import { checkDigit } from './check-digit.js';
import { IdentityNumberError, type IdNumberFinding } from './finding.js';

export type BinEntityType = 4 | 5 | 6;
export type BinUnitType = 0 | 1 | 2 | 3;

/** Every problem of a BIN; an empty list means the BIN is valid. */
export function validateBin(bin: string, field = 'bin'): IdNumberFinding[] {
  const f = (code: string, message: string): IdNumberFinding => ({ code, field, message });
  if (typeof bin !== 'string' || bin.length !== 12) return [f('BIN_LENGTH', 'A BIN has exactly 12 digits.')];
  if (!/^\d{12}$/.test(bin)) return [f('BIN_NOT_DIGITS', 'A BIN consists of digits only.')];
  const findings: IdNumberFinding[] = [];
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12)
    findings.push(
      f('BIN_REGISTRATION_MONTH', `Digits 3-4 (registration month) must be 01-12, got ${bin.slice(2, 4)}.`),
    );
  if (!['4', '5', '6'].includes(bin[4]!))
    findings.push(f('BIN_ENTITY_TYPE', `Digit 5 (entity type) must be 4, 5 or 6, got ${bin[4]}.`));
  if (!['0', '1', '2', '3'].includes(bin[5]!))
    findings.push(f('BIN_UNIT_TYPE', `Digit 6 (unit) must be 0-3, got ${bin[5]}.`));
  const expected = checkDigit(bin.slice(0, 11));
  if (expected === null) {
    findings.push(f('BIN_NEVER_ISSUED', 'The check digit computes to 10 on both passes: such a BIN is never issued.'));
  } else if (expected !== Number(bin[11])) {
    findings.push(f('BIN_CHECK_DIGIT', 'The check digit (digit 12) does not match: the BIN is mistyped.'));
  }
  return findings;
}

export function isValidBin(bin: string): boolean {
  return validateBin(bin).length === 0;
}

/**
 * A valid BIN for tests and fixtures, deterministic in its inputs. `registeredIn` is 'YYYY-MM';
 * `serial` is 0-99999; a never-issued serial is skipped to the next one (wrapping).
 */
export function generateBin(
  registeredIn: string,
  entityType: BinEntityType,
  unit: BinUnitType,
  serial: number,
): string {
  const m = /^\d{2}(\d{2})-(0[1-9]|1[0-2])$/.exec(registeredIn);
  if (!m) throw new IdentityNumberError('BIN_GENERATOR_INPUT', `Registration month ${registeredIn} must be YYYY-MM.`);
  if (![4, 5, 6].includes(entityType) || ![0, 1, 2, 3].includes(unit)) {
    throw new IdentityNumberError(
      'BIN_GENERATOR_INPUT',
      `Entity type must be 4-6 and unit 0-3, got ${entityType}/${unit}.`,
    );
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 99999) {
    throw new IdentityNumberError('BIN_GENERATOR_INPUT', `Serial ${serial} must be a whole number 0-99999.`);
  }
  const head = `${m[1]}${m[2]}${entityType}${unit}`;
  for (let i = 0; i < 100000; i += 1) {
    const first11 = head + String((serial + i) % 100000).padStart(5, '0');
    const check = checkDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  /* v8 ignore next */
  throw new IdentityNumberError('BIN_GENERATOR_EXHAUSTED', `No issuable BIN for ${registeredIn}.`);
}
