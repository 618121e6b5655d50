/**
 * A finding of the intake check. `intakeRefusal` is true only for what item 52 (R7) lets the
 * PSC or college employee refuse at intake: an incomplete package and/or an expired document.
 * Other findings (e.g. no consent, ground G3) are reported for the later decision.
 */
export interface IntakeFinding {
  code: IntakeFindingCode;
  field: string;
  message: string;
  intakeRefusal: boolean;
}

export type IntakeFindingCode =
  | 'FIELD_REQUIRED'
  | 'FIELD_INVALID'
  | 'SUBMITTED_AT_INVALID'
  | 'IIN_INVALID'
  | 'BIN_INVALID'
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'IDENTITY_DOCUMENT_MISSING'
  | 'IDENTITY_DOCUMENT_EXPIRED'
  | 'ORIGINAL_DOCUMENT_MISSING'
  | 'REPRESENTATIVE_REQUIRED'
  | 'REPRESENTATIVE_IIN_INVALID'
  | 'PSC_RECEIPT_MISSING'
  | 'REQUESTED_DOCUMENT_NOT_ISSUED'
  | 'CONSENT_MISSING';
