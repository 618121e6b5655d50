import type { Application, Person as ModelPerson } from '../core/application/model.js';
import type { ApplicationForm, CorporationApplicationMessage, Person, PortalApplicationSubmitted, ResultPlace } from '../contract/messages.js';

type PscAccepted = Extract<CorporationApplicationMessage, { kind: 'APPLICATION_ACCEPTED' }>;

function person(p: Person): ModelPerson {
  return {
    iin: p.iin,
    surname: p.surname,
    name: p.name,
    ...(p.patronymic ? { patronymic: p.patronymic } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.email ? { email: p.email } : {}),
  };
}

function place(p: ResultPlace): Application['resultPlace'] {
  if (p.kind === 'PSC') return { kind: 'PSC', branchId: p.branchId ?? '' };
  return { kind: p.kind };
}

function formFields(f: ApplicationForm) {
  return {
    collegeBin: f.collegeBin,
    collegeName: f.collegeName,
    collegeHeadName: f.collegeHeadName,
    applicant: person(f.applicant),
    ...(f.representative ? { representative: { ...person(f.representative), relation: f.representative.relation } } : {}),
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

/** A PSC acceptance (Avro) as the core's Application. */
export function applicationFromPsc(m: PscAccepted): Application {
  const a = m.applicationAccepted;
  return {
    applicationId: m.applicationId,
    channel: 'PSC',
    submittedAt: a.acceptedAt,
    ...formFields(a.form),
    presentedDocuments: a.presentedDocuments.map((d) => ({
      type: d.type,
      ...(d.number ? { number: d.number } : {}),
      ...(d.validUntil ? { validUntil: d.validUntil } : {}),
      ...(d.holderIin ? { holderIin: d.holderIin } : {}),
    })),
    resultPlace: place(a.resultPlace),
    psc: { receiptNumber: a.receiptNumber, branchId: a.branchId, operatorId: a.operatorId },
  };
}
