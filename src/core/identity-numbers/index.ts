/** IIN and BIN (SPEC section 4): validation with typed findings, decoding, and test generators. */
export type { IdNumberFinding } from './finding.js';
export { IdentityNumberError } from './finding.js';
export { checkDigit, checkDigitPass } from './check-digit.js';
export type { Sex } from './iin.js';
export { validateIin, isValidIin, birthDateFromIin, sexFromIin, generateIin } from './iin.js';
export type { BinEntityType, BinUnitType } from './bin.js';
export { validateBin, isValidBin, generateBin } from './bin.js';
