/**
 * Builds the content of the receipts of acceptance (Appendix 3, item 50) and of refusal
 * (Appendix 4, item 52) from the application and the intake findings.
 */
import type { Application, PersonName } from '../model.js';
import type { IntakeFinding } from '../workflow/commands.js';
import {
  SERVICE_NAME_KK,
  SERVICE_NAME_RU,
  type AcceptanceReceipt,
  type CounterParty,
  type RefusalReceipt,
  type RefusalReceiptItem,
} from './receipt-types.js';

export function fullName(p: PersonName): string {
  return [p.surname, p.name, p.patronymic].filter((s): s is string => typeof s === 'string' && s.length > 0).join(' ');
}

export function counterPartyOf(app: Application): CounterParty {
  if (app.channel === 'PSC' && app.psc)
    return { kind: 'PSC', branchId: app.psc.branchId, operatorId: app.psc.operatorId };
  if (app.channel === 'COLLEGE_OFFICE')
    return { kind: 'COLLEGE_OFFICE', collegeBin: app.collegeBin, collegeName: app.collegeName };
  return { kind: 'PORTAL' };
}

/** The PSC receipt number (Appendix 3) when there is one, else the application id. */
export function receiptNumberOf(app: Application): string {
  return app.psc?.receiptNumber ?? app.applicationId;
}

export function buildAcceptanceReceipt(app: Application, at: string, resultDueOn: string): AcceptanceReceipt {
  return {
    form: 'APPENDIX_3_ACCEPTANCE_RECEIPT',
    receiptNumber: receiptNumberOf(app),
    acceptedAt: at,
    acceptedBy: counterPartyOf(app),
    serviceName: { kk: SERVICE_NAME_KK, ru: SERVICE_NAME_RU },
    applicantFullName: fullName(app.applicant),
    representativeFullName: app.representative ? fullName(app.representative) : null,
    collegeName: app.collegeName,
    documentsAccepted: app.presentedDocuments.map((d) => ({ ...d })),
    resultDueOn,
    resultPlace: { ...app.resultPlace },
  };
}

/**
 * A finding whose code names an expiry (contains "EXPIRED") is listed as an expired document;
 * every other refusal finding as a missing or incomplete document (item 52 names only these two).
 */
function toItem(f: IntakeFinding): RefusalReceiptItem {
  return {
    kind: /EXPIRED/i.test(f.code) ? 'EXPIRED' : 'MISSING_OR_INCOMPLETE',
    code: f.code,
    field: f.field,
    message: f.message,
  };
}

export function buildRefusalReceipt(app: Application, at: string, refusalFindings: IntakeFinding[]): RefusalReceipt {
  const items = refusalFindings.map(toItem);
  return {
    form: 'APPENDIX_4_REFUSAL_RECEIPT',
    receiptNumber: receiptNumberOf(app),
    refusedAt: at,
    refusedBy: counterPartyOf(app),
    serviceName: { kk: SERVICE_NAME_KK, ru: SERVICE_NAME_RU },
    applicantFullName: fullName(app.applicant),
    legalBasis: 'Order No. 312 of 18.10.2023, item 52 (incomplete package and/or expired documents)',
    missingDocuments: items.filter((i) => i.kind === 'MISSING_OR_INCOMPLETE'),
    expiredDocuments: items.filter((i) => i.kind === 'EXPIRED'),
    copies: 2,
  };
}
