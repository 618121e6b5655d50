import type { Application, RegisterPerson } from '../application/model.js';
import type { IdentityFinding } from '../application/index.js';

const norm = (s: string | null | undefined) => (s ?? '').trim().toLocaleLowerCase('kk-KZ').replace(/ё/g, 'е');

/**
 * Item 49: what the state register says against what the application says. Each difference is a
 * finding for the college (a candidate for ground G1), never a decision. Details name the field,
 * never the values (they are personal data).
 */
export function comparePerson(app: Application, person: RegisterPerson, onDate: string): IdentityFinding[] {
  const out: IdentityFinding[] = [];
  const a = app.applicant;
  const differs = [
    norm(a.surname) !== norm(person.surname) && 'surname',
    norm(a.name) !== norm(person.name) && 'name',
    a.patronymic !== undefined &&
      person.patronymic !== null &&
      norm(a.patronymic) !== norm(person.patronymic) &&
      'patronymic',
  ].filter(Boolean);
  // A changed surname is the very reason of a NAME_CHANGED application: the old name on the diploma is expected.
  if (differs.length > 0 && app.reason !== 'NAME_CHANGED') {
    out.push({
      code: 'NAME_MISMATCH',
      detail: `The state register differs from the application in: ${differs.join(', ')}.`,
    });
  }
  if (person.deceased) out.push({ code: 'DECEASED', detail: 'The state register records the person as deceased.' });
  const valid = person.documents.filter((d) => d.validUntil === null || d.validUntil >= onDate);
  const presented = app.presentedDocuments.filter(
    (d) => d.type === 'ID_CARD' || d.type === 'PASSPORT' || d.type === 'BIRTH_CERTIFICATE',
  );
  // Only the applicant's own documents are compared (a representative's are not in this person's record).
  const own = presented.filter((d) => d.holderIin === undefined || d.holderIin === a.iin);
  const unknown = own.filter((d) => d.number !== undefined && !person.documents.some((p) => p.number === d.number));
  if (person.documents.length > 0 && valid.length === 0) {
    out.push({
      code: 'DOCUMENT_INVALID',
      detail: 'No identity document of the person is valid on the submission date.',
    });
  } else if (unknown.length > 0) {
    out.push({
      code: 'DOCUMENT_INVALID',
      detail: "A presented identity document is not among the person's documents in the state register.",
    });
  }
  return out;
}
