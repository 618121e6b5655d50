/**
 * The check digit shared by IIN and BIN (SPEC section 4; Government Decree No. 565 of
 * 11 June 2003): the sum of digits 1-11 weighted 1..11, mod 11; if that is 10, again with weights
 * 3,4,5,6,7,8,9,10,11,1,2, mod 11; if still 10 the number is never issued.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weighted(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
}

/** The check digit for the first 11 digits, or null when both passes give 10 (never issued). */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`checkDigit needs 11 digits, got "${first11}"`);
  const digits = [...first11].map(Number);
  const first = weighted(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** Which pass decided the check digit (for test vectors and diagnostics). */
export function checkDigitPass(first11: string): 1 | 2 | 'NEVER_ISSUED' {
  const digits = [...first11].map(Number);
  if (weighted(digits, FIRST_WEIGHTS) !== 10) return 1;
  return weighted(digits, SECOND_WEIGHTS) === 10 ? 'NEVER_ISSUED' : 2;
}
