/** The core's Application as the contract's Appendix 5 records (the reverse of the intake mappings). */
import type {
  Application,
  Person as ModelPerson,
  PresentedDocument as ModelDocument,
} from '../../core/application/model.js';
import type { RegisterPerson } from '../../core/application/model.js';
import type {
  ApplicationForm,
  IdentityPerson,
  Person,
  PresentedDocument,
  ResultPlace,
} from '../../contract/messages.js';

function personOf(p: ModelPerson): Person {
  return {
    iin: p.iin,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
  };
}

export function formOf(app: Application): ApplicationForm {
  return {
    collegeBin: app.collegeBin,
    collegeName: app.collegeName,
    collegeHeadName: app.collegeHeadName,
    applicant: personOf(app.applicant),
    representative: app.representative
      ? { ...personOf(app.representative), relation: app.representative.relation }
      : null,
    institutionName: app.institutionName,
    graduationYear: app.graduationYear,
    specialtyName: app.specialtyName,
    formerInstitution: app.formerInstitution ?? null,
    requestedDocument: app.requestedDocument,
    reason: app.reason,
    originalDamaged: app.originalDamaged ?? null,
    personalDataConsent: app.personalDataConsent,
  };
}

export function documentsOf(app: Application): PresentedDocument[] {
  return app.presentedDocuments.map((d: ModelDocument) => ({
    type: d.type,
    number: d.number ?? null,
    validUntil: d.validUntil ?? null,
    holderIin: d.holderIin ?? null,
  }));
}

export function resultPlaceOf(app: Application): ResultPlace {
  const p = app.resultPlace;
  return { kind: p.kind, branchId: p.kind === 'PSC' ? p.branchId : null };
}

/** The state register's record (item 49) as the contract's identity record. */
export function identityOf(p: RegisterPerson): IdentityPerson {
  return {
    iin: p.iin,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    deceased: p.deceased,
    documents: p.documents.map((d) => ({
      type: d.type,
      number: d.number,
      issuedOn: null,
      validUntil: d.validUntil,
      issuer: null,
    })),
  };
}
