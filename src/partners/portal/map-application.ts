/**
 * The portal's application (egov.portal.applications.v1, Avro) as the core's Application, and the
 * Appendix 5 form fields every channel shares.
 */
import type { Application, Person as ModelPerson } from '../../core/application/model.js';
import type {
  ApplicationForm,
  Person,
  PortalApplicationSubmitted,
  PresentedDocument,
  ResultPlace,
} from '../../contract/messages.js';

export function person(p: Person): ModelPerson {
  return {
    iin: p.iin,
    surname: p.surname,
    name: p.name,
    ...(p.patronymic ? { patronymic: p.patronymic } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.email ? { email: p.email } : {}),
  };
}

export function place(p: ResultPlace): Application['resultPlace'] {
  if (p.kind === 'PSC') return { kind: 'PSC', branchId: p.branchId ?? '' };
  return { kind: p.kind };
}

export function formFields(f: ApplicationForm) {
  return {
    collegeBin: f.collegeBin,
    collegeName: f.collegeName,
    collegeHeadName: f.collegeHeadName,
    applicant: person(f.applicant),
    ...(f.representative
      ? { representative: { ...person(f.representative), relation: f.representative.relation } }
      : {}),
    institutionName: f.institutionName,
    graduationYear: f.graduationYear,
    specialtyName: f.specialtyName,
    ...(f.formerInstitution ? { formerInstitution: f.formerInstitution } : {}),
    requestedDocument: f.requestedDocument,
    reason: f.reason,
    ...(f.originalDamaged !== null ? { originalDamaged: f.originalDamaged } : {}),
    personalDataConsent: f.personalDataConsent,
  };
}

/** A portal message (Avro) as the core's Application. */
export function applicationFromPortal(m: PortalApplicationSubmitted): Application {
  return {
    applicationId: m.applicationId,
    channel: 'PORTAL',
    submittedAt: m.submittedAt,
    ...formFields(m.form),
    signature: m.signature,
    presentedDocuments: [],
    resultPlace: place(m.resultPlace),
  };
}

/** Documents presented at a counter (R3), as the core's model (absent values left out). */
export function presentedDocuments(docs: PresentedDocument[]): Application['presentedDocuments'] {
  return docs.map((d) => ({
    type: d.type,
    ...(d.number ? { number: d.number } : {}),
    ...(d.validUntil ? { validUntil: d.validUntil } : {}),
    ...(d.holderIin ? { holderIin: d.holderIin } : {}),
  }));
}
