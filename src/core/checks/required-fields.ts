/**
 * Appendix 5 (R2): the fields of the application form. A missing field makes the package
 * incomplete (item 52): intake refusal.
 */
import type { Application } from '../application/model.js';
import type { IntakeFinding } from './finding.js';

const DOCUMENT_KINDS = ['DIPLOMA_WITH_SUPPLEMENT', 'DIPLOMA_ONLY', 'SUPPLEMENT_ONLY', 'INCOMPLETE_STUDIES_CERTIFICATE'];
const REASONS = ['LOST', 'DAMAGED', 'NAME_CHANGED'];
const CHANNELS = ['PORTAL', 'PSC', 'COLLEGE_OFFICE'];

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

export function requiredFieldFindings(app: Application, submissionYear: number | null): IntakeFinding[] {
  const out: IntakeFinding[] = [];
  const missing = (field: string, what: string) =>
    out.push({ code: 'FIELD_REQUIRED', field, message: `${what} is required (Appendix 5).`, intakeRefusal: true });
  const invalid = (field: string, message: string) =>
    out.push({ code: 'FIELD_INVALID', field, message, intakeRefusal: true });

  if (blank(app.applicationId)) missing('applicationId', 'The application id');
  if (!CHANNELS.includes(app.channel))
    invalid('channel', `Unknown channel "${String(app.channel)}" (R1: PORTAL, PSC or COLLEGE_OFFICE).`);
  if (blank(app.collegeHeadName)) missing('collegeHeadName', "The college head's full name");
  if (blank(app.collegeName)) missing('collegeName', 'The college name');
  if (blank(app.applicant?.surname)) missing('applicant.surname', "The applicant's surname");
  if (blank(app.applicant?.name)) missing('applicant.name', "The applicant's name");
  if (blank(app.institutionName)) missing('institutionName', 'The name of the institution graduated from');
  if (blank(app.specialtyName)) missing('specialtyName', 'The specialty name');
  if (app.graduationYear === undefined || app.graduationYear === null) {
    missing('graduationYear', 'The year of graduation');
  } else if (
    !Number.isInteger(app.graduationYear) ||
    app.graduationYear < 1900 ||
    (submissionYear !== null && app.graduationYear > submissionYear)
  ) {
    invalid('graduationYear', `The year of graduation ${app.graduationYear} is not a plausible past year.`);
  }
  if (app.formerInstitution) {
    if (blank(app.formerInstitution.name)) missing('formerInstitution.name', "The renamed institution's former name");
    if (blank(app.formerInstitution.address))
      missing('formerInstitution.address', "The renamed institution's former address");
  }
  if (!DOCUMENT_KINDS.includes(app.requestedDocument)) {
    missing('requestedDocument', 'What is requested (diploma with supplement, diploma only or supplement only)');
  }
  if (!REASONS.includes(app.reason)) missing('reason', 'The reason (lost, damaged, change of name)');
  if (!app.resultPlace || !['PORTAL', 'PSC', 'COLLEGE_OFFICE'].includes(app.resultPlace.kind)) {
    missing('resultPlace', 'The place to collect the result');
  } else if (app.resultPlace.kind === 'PSC' && blank(app.resultPlace.branchId)) {
    missing('resultPlace.branchId', 'The PSC branch where the result is collected');
  }
  return out;
}
