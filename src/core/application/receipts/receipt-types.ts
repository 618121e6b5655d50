/**
 * Content of the intake receipts of Order No. 312: the receipt of acceptance (Appendix 3, item 50)
 * and the refusal receipt (Appendix 4, item 52). The seed text in force does not reproduce the two
 * forms; the fields follow the items that require them (who, when, what was accepted or is
 * missing/expired) and the usual content of these forms. See docs/state-machine.md.
 */
import type { PresentedDocument, ResultPlace } from '../model.js';

export const SERVICE_NAME_KK =
  'Техникалық және кәсіптік, орта білімнен кейінгі білім туралы құжаттардың телнұсқаларын беру';
export const SERVICE_NAME_RU =
  'Выдача дубликатов документов о техническом и профессиональном, послесреднем образовании';

/** Who took the documents (or refused them) at the counter. */
export type CounterParty =
  | { kind: 'PSC'; branchId: string; operatorId: string }
  | { kind: 'COLLEGE_OFFICE'; collegeBin: string; collegeName: string }
  | { kind: 'PORTAL' };

/** Appendix 3 (item 50): receipt of acceptance of the documents. */
export interface AcceptanceReceipt {
  form: 'APPENDIX_3_ACCEPTANCE_RECEIPT';
  receiptNumber: string;
  acceptedAt: string;
  acceptedBy: CounterParty;
  serviceName: { kk: string; ru: string };
  applicantFullName: string;
  representativeFullName: string | null;
  collegeName: string;
  documentsAccepted: PresentedDocument[];
  /** Last day of the service term (item 63): when the result is due. */
  resultDueOn: string;
  resultPlace: ResultPlace;
}

/** One reason the documents were refused (item 52: incomplete package and/or expired document). */
export interface RefusalReceiptItem {
  kind: 'MISSING_OR_INCOMPLETE' | 'EXPIRED';
  code: string;
  field: string;
  message: string;
}

/** Appendix 4 (item 52): receipt of refusal to accept the documents. */
export interface RefusalReceipt {
  form: 'APPENDIX_4_REFUSAL_RECEIPT';
  receiptNumber: string;
  refusedAt: string;
  refusedBy: CounterParty;
  serviceName: { kk: string; ru: string };
  applicantFullName: string;
  legalBasis: string;
  missingDocuments: RefusalReceiptItem[];
  expiredDocuments: RefusalReceiptItem[];
  /** Issued in two copies, one for each side. */
  copies: 2;
}
