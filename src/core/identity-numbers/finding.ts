/** A problem found in an IIN or a BIN, with a stable code. */
export interface IdNumberFinding {
  code: string;
  field: string;
  message: string;
}

/** Raised by helpers that need a valid number (birthDateFromIin, generators). */
export class IdentityNumberError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IdentityNumberError';
    this.code = code;
  }
}
