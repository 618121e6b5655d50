/**
 * R3 (item 47, Appendix 6 p.8): the documents presented at the college office or the PSC, and
 * item 52 (R7): an incomplete package or an expired document is refused at intake.
 */
import type { Application, IdentityDocumentType, PresentedDocument } from '../application/model.js';
import type { IntakeFinding } from './finding.js';

const IDENTITY_TYPES: readonly string[] = [
  'ID_CARD',
  'PASSPORT',
  'BIRTH_CERTIFICATE',
  'DIGITAL_DOCUMENT',
] satisfies IdentityDocumentType[];

const isIdentity = (d: PresentedDocument) => IDENTITY_TYPES.includes(d.type);
/** Valid through its validUntil day; documents without a term never expire. */
const isExpiredOn = (d: PresentedDocument, date: string) => d.validUntil !== undefined && d.validUntil < date;

/**
 * R3 (2): a document identifying the learner (birth certificate, ID card / passport, or the
 * electronic document of the digital documents service), not expired on the submission date.
 * A document with another holder's IIN does not identify the applicant. When only expired
 * identity documents were presented the finding is IDENTITY_DOCUMENT_EXPIRED (item 52); an extra
 * expired document next to a valid one leaves the package complete.
 */
export function identityDocumentFindings(app: Application, submissionDate: string): IntakeFinding[] {
  const own = (app.presentedDocuments ?? []).filter(
    (d) => isIdentity(d) && (d.holderIin === undefined || d.holderIin === app.applicant?.iin),
  );
  if (own.some((d) => !isExpiredOn(d, submissionDate))) return [];
  const expired = own.filter((d) => isExpiredOn(d, submissionDate));
  if (expired.length > 0) {
    return [
      {
        code: 'IDENTITY_DOCUMENT_EXPIRED',
        field: 'presentedDocuments',
        message:
          `The applicant's identity document expired (${expired.map((d) => `${d.type} valid until ${d.validUntil}`).join(', ')}) ` +
          `before the submission date ${submissionDate}: refuse intake with a refusal receipt (item 52, Appendix 4).`,
        intakeRefusal: true,
      },
    ];
  }
  return [
    {
      code: 'IDENTITY_DOCUMENT_MISSING',
      field: 'presentedDocuments',
      message: 'No document identifying the applicant was presented (R3 (2)): the package is incomplete (item 52).',
      intakeRefusal: true,
    },
  ];
}

/** R3 (3): the original education document when the name changed and the document is damaged. */
export function originalDocumentFindings(app: Application): IntakeFinding[] {
  if (app.reason !== 'NAME_CHANGED') return [];
  if (app.originalDamaged === undefined) {
    return [
      {
        code: 'FIELD_REQUIRED',
        field: 'originalDamaged',
        message: 'With a change of name, state whether the original document is also damaged (R3 (3)).',
        intakeRefusal: true,
      },
    ];
  }
  if (!app.originalDamaged) return [];
  if ((app.presentedDocuments ?? []).some((d) => d.type === 'ORIGINAL_EDUCATION_DOCUMENT')) return [];
  return [
    {
      code: 'ORIGINAL_DOCUMENT_MISSING',
      field: 'presentedDocuments',
      message:
        'The name changed and the education document is damaged: its original must be attached (R3 (3)); the package is incomplete (item 52).',
      intakeRefusal: true,
    },
  ];
}
