/**
 * Completeness of an application at intake, per channel (Order No. 312 items 47, 52; Appendix 5;
 * Appendix 6 p.8; R2-R4, R7). Pure: the submission date comes from the application itself.
 */
import type { Application } from '../application/model.js';
import { almatyDate, parseInstantMillis } from '../calendar/index.js';
import { birthDateFromIin, validateBin, validateIin } from '../identity-numbers/index.js';
import { isMinorOn } from './age.js';
import { identityDocumentFindings, originalDocumentFindings } from './documents.js';
import type { IntakeFinding } from './finding.js';
import { requiredFieldFindings } from './required-fields.js';

function submissionDateOf(app: Application): string | null {
  try {
    return almatyDate(app.submittedAt);
  } catch {
    return null;
  }
}

/** How far a signature's time may run ahead of the submission's: two clocks (the signing service's, the portal's). */
const SIGNATURE_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The signature's time: an instant, not after the submission it signs (beyond the clocks' skew).
 * A document signed after it was filed (a `signedAt` in 2200) is not the document that was filed.
 */
function signatureTimeFinding(app: Application, signedAt: unknown): IntakeFinding | null {
  const signed = typeof signedAt === 'string' ? parseInstantMillis(signedAt) : null;
  const submitted = parseInstantMillis(app.submittedAt);
  if (signed !== null && (submitted === null || signed <= submitted + SIGNATURE_CLOCK_SKEW_MS)) return null;
  return {
    code: 'SIGNATURE_INVALID',
    field: 'signature.signedAt',
    message:
      signed === null
        ? `The signature's signedAt "${String(signedAt)}" is not an ISO-8601 instant with an offset (R4).`
        : `The signature is dated ${String(signedAt)}, after the submission at ${app.submittedAt}: ` +
          'a document is signed before it is filed (R4); the portal has to send the signature of this document.',
    intakeRefusal: true,
  };
}

/** R4: a portal application is an electronic document signed with EDS or a one-time password. */
function signatureFindings(app: Application): IntakeFinding[] {
  const s = app.signature;
  if (!s) {
    return [
      {
        code: 'SIGNATURE_MISSING',
        field: 'signature',
        message:
          'A portal application must be signed with EDS or a one-time password (R4); the electronic document is incomplete.',
        intakeRefusal: true,
      },
    ];
  }
  if ((s.kind !== 'EDS' && s.kind !== 'OTP') || typeof s.reference !== 'string' || s.reference.trim() === '') {
    return [
      {
        code: 'SIGNATURE_INVALID',
        field: 'signature',
        message: 'The signature must be of kind EDS or OTP and carry its reference (R4).',
        intakeRefusal: true,
      },
    ];
  }
  const time = signatureTimeFinding(app, s.signedAt);
  return time ? [time] : [];
}

function personFindings(app: Application, submissionDate: string | null): IntakeFinding[] {
  const out: IntakeFinding[] = [];
  const iinProblems = validateIin(app.applicant?.iin as string, 'applicant.iin');
  if (iinProblems.length > 0) {
    out.push({
      code: 'IIN_INVALID',
      field: 'applicant.iin',
      message: `The applicant's IIN is not a valid IIN (${iinProblems.map((p) => p.code).join(', ')}): the application lacks the applicant's IIN; correct it.`,
      intakeRefusal: true,
    });
  }
  const binProblems = validateBin(app.collegeBin, 'collegeBin');
  if (binProblems.length > 0) {
    out.push({
      code: 'BIN_INVALID',
      field: 'collegeBin',
      message: `The college BIN is not a valid BIN (${binProblems.map((p) => p.code).join(', ')}): the provider cannot be identified; correct it.`,
      intakeRefusal: true,
    });
  }
  if (app.representative) {
    const repProblems = validateIin(app.representative.iin, 'representative.iin');
    if (repProblems.length > 0) {
      out.push({
        code: 'REPRESENTATIVE_IIN_INVALID',
        field: 'representative.iin',
        message: `The representative's IIN is not a valid IIN (${repProblems.map((p) => p.code).join(', ')}).`,
        intakeRefusal: true,
      });
    }
  } else if (
    iinProblems.length === 0 &&
    submissionDate !== null &&
    isMinorOn(birthDateFromIin(app.applicant.iin), submissionDate)
  ) {
    out.push({
      code: 'REPRESENTATIVE_REQUIRED',
      field: 'representative',
      message: `The applicant is under 18 on ${submissionDate}: the application comes from a parent or legal representative (R3 (1), Appendix 6 p.8 (1)).`,
      intakeRefusal: true,
    });
  }
  return out;
}

/** Every finding of the intake check; refuse intake when any finding has intakeRefusal = true. */
export function validateIntake(app: Application): IntakeFinding[] {
  const submissionDate = submissionDateOf(app);
  const out: IntakeFinding[] = [];
  if (submissionDate === null) {
    out.push({
      code: 'SUBMITTED_AT_INVALID',
      field: 'submittedAt',
      message: `submittedAt "${String(app.submittedAt)}" is not an ISO-8601 instant with an offset.`,
      intakeRefusal: true,
    });
  }
  out.push(...requiredFieldFindings(app, submissionDate === null ? null : Number(submissionDate.slice(0, 4))));
  out.push(...personFindings(app, submissionDate));
  if (app.channel === 'PORTAL') {
    out.push(...signatureFindings(app));
  } else {
    if (submissionDate !== null) out.push(...identityDocumentFindings(app, submissionDate));
    out.push(...originalDocumentFindings(app));
  }
  if (app.channel === 'PSC' && (!app.psc || !app.psc.receiptNumber || !app.psc.branchId || !app.psc.operatorId)) {
    out.push({
      code: 'PSC_RECEIPT_MISSING',
      field: 'psc',
      message:
        'A PSC application carries the receipt number, branch and operator (item 50, Appendix 3); fix the PSC message.',
      intakeRefusal: false,
    });
  }
  if (app.requestedDocument === 'INCOMPLETE_STUDIES_CERTIFICATE') {
    out.push({
      code: 'REQUESTED_DOCUMENT_NOT_ISSUED',
      field: 'requestedDocument',
      message:
        'The Appendix 37 certificate is not issued by this service (Appendix 5 lists diploma with supplement, diploma only, supplement only); route it to the college for a decision.',
      intakeRefusal: false,
    });
  }
  if (app.personalDataConsent !== true) {
    out.push({
      code: 'CONSENT_MISSING',
      field: 'personalDataConsent',
      message:
        'No consent to use restricted personal data: not an intake refusal (item 52), but ground G3 for refusal after the hearing (Appendix 6 p.9 (3)).',
      intakeRefusal: false,
    });
  }
  return out;
}

/** Item 52: intake is refused when any finding is an intake refusal. */
export function isIntakeRefused(findings: readonly IntakeFinding[]): boolean {
  return findings.some((f) => f.intakeRefusal);
}
