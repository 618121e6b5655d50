/**
 * Realistic sample values for every schema of the contract, at least one per message kind. The
 * tests use them (test/support/samples.ts re-exports this module) and `npm run asyncapi` writes
 * them next to the AsyncAPI document as docs/asyncapi/samples/<topic>.<kind>.json.
 * IINs and BINs carry valid check digits (SPEC section 4); instants are in the canonical decoded
 * form (Kazakhstan time, milliseconds, see src/contract/logical-types.ts), so decoding a sample
 * gives back an identical value.
 *
 * The story: two applications in March 2026 to "Алматы құрылыс-техникалық колледжі"
 * (BIN 040740005191). A portal application by Айгерім Сейтқалиева (IIN 980412401235) who picks
 * up at PSC branch ALM-AUEZOV-02; a PSC application for a minor, Дәулет Ахметов
 * (IIN 080614507895), filed by his father Ерлан Ахметов (IIN 720905304568). A third applicant,
 * Сергей Иванов (IIN 950130300212), is refused.
 */
import type {
  ApplicationForm,
  CollegeApplicationRegistered,
  CollegeDecisionMessage,
  CorporationApplicationMessage,
  CorporationNotificationMessage,
  CourierEventMessage,
  CourierOrderMessage,
  DeadLetter,
  DigitalDiplomaIssued,
  IdentityPerson,
  IdentityRequest,
  IdentityResponse,
  MessageByTopic,
  MonitoringStage,
  PortalApplicationSubmitted,
  PortalNotificationMessage,
  PresentedDocument,
} from './messages.js';
import { Topics, type TopicName } from './topics.js';

// ---------- parties ----------

export const OFFICE_APP_ID = 'COLLEGE-OFFICE-20260305-0001';
export const COLLEGE_BIN = '040740005191';
export const OTHER_COLLEGE_BIN = '991240018472';
export const COLLEGE_NAME = '«Алматы құрылыс-техникалық колледжі» МКҚК';
export const COLLEGE_HEAD = 'Тұрсынбаев Марат Әбдіғаниұлы';
export const COLLEGE_ADDRESS = 'Алматы қ., Жароков к-сі, 137';

export const PORTAL_APPLICANT_IIN = '980412401235';
export const MINOR_IIN = '080614507895';
export const FATHER_IIN = '720905304568';
export const REFUSED_APPLICANT_IIN = '950130300212';
export const RENAMED_APPLICANT_IIN = '780312406627';

export const PSC_BRANCH = 'ALM-AUEZOV-02';
export const PSC_BRANCH_NAME = 'Алматы қаласы Әуезов ауданы бойынша №2 ХҚКО';
export const PSC_ADDRESS = 'Алматы қ., Әуезов ауданы, Жетісу-2 ы.а., 65';

export const PORTAL_APP_ID = 'EGOV-20260302-0047151';
export const PSC_APP_ID = 'GOV4C-20260303-0008124';
export const REFUSED_APP_ID = 'EGOV-20260304-0051870';

export const PSC_RECEIPT = '002-26-0303-000812';
export const REGISTER_ID = 'REG-ALM-AUEZOV-02-20260303-2';

// ---------- shared records ----------

export const portalForm: ApplicationForm = {
  collegeBin: COLLEGE_BIN,
  collegeName: COLLEGE_NAME,
  collegeHeadName: COLLEGE_HEAD,
  applicant: {
    iin: PORTAL_APPLICANT_IIN,
    surname: 'Сейтқалиева',
    name: 'Айгерім',
    patronymic: 'Нұрланқызы',
    phone: '+77017452318',
    email: 'aigerim.seitkalieva@mail.kz',
  },
  representative: null,
  institutionName: 'Алматы құрылыс-техникалық колледжі',
  graduationYear: 2018,
  specialtyName: '0402000 Ғимараттар мен құрылыстарды салу және пайдалану',
  formerInstitution: null,
  requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
  reason: 'LOST',
  originalDamaged: null,
  personalDataConsent: true,
};

export const minorForm: ApplicationForm = {
  collegeBin: COLLEGE_BIN,
  collegeName: COLLEGE_NAME,
  collegeHeadName: COLLEGE_HEAD,
  applicant: {
    iin: MINOR_IIN,
    surname: 'Ахметов',
    name: 'Дәулет',
    patronymic: 'Ерланұлы',
    phone: null,
    email: null,
  },
  representative: {
    relation: 'PARENT',
    iin: FATHER_IIN,
    surname: 'Ахметов',
    name: 'Ерлан',
    patronymic: 'Қайратұлы',
    phone: '+77772094415',
    email: null,
  },
  institutionName: 'Алматы құрылыс-техникалық колледжі',
  graduationYear: 2025,
  specialtyName: '07320100 Ғимараттар мен құрылыстарды салу және пайдалану (кірпіш қалаушы)',
  formerInstitution: null,
  requestedDocument: 'DIPLOMA_ONLY',
  reason: 'DAMAGED',
  originalDamaged: null,
  personalDataConsent: true,
};

export const renamedInstitutionForm: ApplicationForm = {
  collegeBin: OTHER_COLLEGE_BIN,
  collegeName: 'Высший колледж «Алматы Менеджмент»',
  collegeHeadName: 'Нуржанова Гульнара Сапаровна',
  applicant: {
    iin: RENAMED_APPLICANT_IIN,
    surname: 'Ли',
    name: 'Елена',
    patronymic: 'Владимировна',
    phone: '+77053318870',
    email: 'e.li1978@gmail.com',
  },
  representative: null,
  institutionName: 'Высший колледж «Алматы Менеджмент»',
  graduationYear: 1998,
  specialtyName: 'Бухгалтерский учёт и аудит',
  formerInstitution: { name: 'Алматинский финансово-экономический техникум', address: 'г. Алматы, ул. Толе би, 42' },
  requestedDocument: 'SUPPLEMENT_ONLY',
  reason: 'NAME_CHANGED',
  originalDamaged: true,
  personalDataConsent: true,
};

const fatherIdCard: PresentedDocument = {
  type: 'ID_CARD',
  number: '048217365',
  validUntil: '2031-09-14',
  holderIin: FATHER_IIN,
};

const minorBirthCertificate: PresentedDocument = {
  type: 'BIRTH_CERTIFICATE',
  number: 'I-ЖД 0345127',
  validUntil: null,
  holderIin: MINOR_IIN,
};

const damagedOriginal: PresentedDocument = {
  type: 'ORIGINAL_EDUCATION_DOCUMENT',
  number: 'ТКБ 0812473',
  validUntil: null,
  holderIin: MINOR_IIN,
};

const applicationFormDocument: PresentedDocument = {
  type: 'APPLICATION_FORM',
  number: null,
  validUntil: null,
  holderIin: FATHER_IIN,
};

export const portalApplicantIdentity: IdentityPerson = {
  iin: PORTAL_APPLICANT_IIN,
  surname: 'Сейтқалиева',
  name: 'Айгерім',
  patronymic: 'Нұрланқызы',
  birthDate: '1998-04-12',
  deceased: false,
  documents: [
    { type: 'ID_CARD', number: '051934702', issuedOn: '2022-05-17', validUntil: '2032-05-16', issuer: 'ҚР ІІМ' },
    { type: 'PASSPORT', number: 'N12873406', issuedOn: '2019-08-02', validUntil: '2029-08-01', issuer: 'МВД РК' },
  ],
};

export const minorIdentity: IdentityPerson = {
  iin: MINOR_IIN,
  surname: 'Ахметов',
  name: 'Дәулет',
  patronymic: 'Ерланұлы',
  birthDate: '2008-06-14',
  deceased: false,
  documents: [
    {
      type: 'BIRTH_CERTIFICATE',
      number: 'I-ЖД 0345127',
      issuedOn: '2008-06-20',
      validUntil: null,
      issuer: 'Алматы қ. АХАЖ бөлімі',
    },
    { type: 'ID_CARD', number: '061447820', issuedOn: '2024-07-03', validUntil: '2034-07-02', issuer: 'ҚР ІІМ' },
  ],
};

// ---------- egov.portal.applications.v1 ----------

const portalApplication: PortalApplicationSubmitted = {
  messageId: '3f6c1a2e-8d4b-4e71-9a0c-5b2f7e1d4c81',
  correlationId: PORTAL_APP_ID,
  occurredAt: '2026-03-02T10:15:07.000+05:00',
  applicationId: PORTAL_APP_ID,
  portalRequestNumber: '004715302260',
  submittedAt: '2026-03-02T10:15:00.000+05:00',
  form: portalForm,
  signature: { kind: 'EDS', reference: 'NCA-GOST-7c1f93a2e54b0d18', signedAt: '2026-03-02T10:14:52.000+05:00' },
  resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
};

// Filed on Saturday evening with OTP: registered on the next working day (R8).
const portalApplicationOtpWeekend: PortalApplicationSubmitted = {
  messageId: '9b1e4d7a-2c6f-4a35-8e10-d3f5a7b9c2e4',
  correlationId: REFUSED_APP_ID,
  occurredAt: '2026-03-07T21:42:13.512+05:00',
  applicationId: REFUSED_APP_ID,
  portalRequestNumber: '005187007260',
  submittedAt: '2026-03-07T21:42:10.000+05:00',
  form: {
    ...portalForm,
    applicant: {
      iin: REFUSED_APPLICANT_IIN,
      surname: 'Иванов',
      name: 'Сергей',
      patronymic: 'Петрович',
      phone: '+77029913375',
      email: null,
    },
    graduationYear: 2015,
    requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
    reason: 'LOST',
  },
  signature: { kind: 'OTP', reference: 'OTP-TX-88213407', signedAt: '2026-03-07T21:42:04.000+05:00' },
  resultPlace: { kind: 'PORTAL', branchId: null },
};

// ---------- gov4c.corporation.applications.v1 ----------

const pscBase = { applicationId: PSC_APP_ID, correlationId: PSC_APP_ID };
const noCorporationKinds = {
  applicationAccepted: null,
  resultHandedOver: null,
  resultReturnedToCollege: null,
  resultRecallRequested: null,
};

const corporationApplications: NonEmpty<CorporationApplicationMessage> = [
  {
    ...pscBase,
    ...noCorporationKinds,
    messageId: '7a2d9c41-5e3b-4f8a-b6d0-1c9e2f4a7b35',
    occurredAt: '2026-03-03T11:40:00.000+05:00',
    kind: 'APPLICATION_ACCEPTED',
    applicationAccepted: {
      receiptNumber: PSC_RECEIPT,
      branchId: PSC_BRANCH,
      branchName: PSC_BRANCH_NAME,
      operatorId: 'OP-ALM-0417',
      acceptedAt: '2026-03-03T11:40:00.000+05:00',
      visitAtResidence: false,
      form: minorForm,
      presentedDocuments: [applicationFormDocument, fatherIdCard, minorBirthCertificate, damagedOriginal],
      resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
    },
  },
  {
    ...pscBase,
    ...noCorporationKinds,
    messageId: 'c4e8a1f2-6b3d-4d97-8f2a-0e5c7b9d1a63',
    occurredAt: '2026-03-24T16:05:31.000+05:00',
    kind: 'RESULT_HANDED_OVER',
    resultHandedOver: {
      receiptNumber: PSC_RECEIPT,
      branchId: PSC_BRANCH,
      operatorId: 'OP-ALM-0392',
      handedOverAt: '2026-03-24T16:05:31.000+05:00',
      recipientIin: FATHER_IIN,
      identityDocument: fatherIdCard,
    },
  },
  {
    ...pscBase,
    ...noCorporationKinds,
    messageId: 'e1b7f3a9-0c2d-4b8e-a5f6-9d3c1e7b2a48',
    occurredAt: '2026-04-27T10:00:00.000+05:00',
    kind: 'RESULT_RETURNED_TO_COLLEGE',
    resultReturnedToCollege: {
      branchId: PSC_BRANCH,
      collegeBin: COLLEGE_BIN,
      returnedAt: '2026-04-27T10:00:00.000+05:00',
      registerId: 'REG-ALM-AUEZOV-02-20260427-1',
    },
  },
  {
    ...pscBase,
    ...noCorporationKinds,
    messageId: 'f5c2a8d1-3e9b-4a6c-8d7f-2b4e6a1c9d05',
    occurredAt: '2026-05-12T12:20:44.000+05:00',
    kind: 'RESULT_RECALL_REQUESTED',
    resultRecallRequested: {
      receiptNumber: PSC_RECEIPT,
      branchId: PSC_BRANCH,
      requestedAt: '2026-05-12T12:20:44.000+05:00',
    },
  },
];

// ---------- egov.gateway.identity.* ----------

const identityRequest: IdentityRequest = {
  messageId: 'a8d3e5f1-7b2c-4e9a-9c6d-4f1b3a5e7c20',
  correlationId: PSC_APP_ID,
  occurredAt: '2026-03-03T11:40:02.000+05:00',
  serviceId: 'GBDFL_PERSON_BY_IIN',
  messageDate: '2026-03-03T11:40:02.000+05:00',
  requestId: 'IDR-GOV4C-20260303-0008124-1',
  senderId: 'TVET_DUPLICATE_ADAPTER',
  applicationId: PSC_APP_ID,
  iin: MINOR_IIN,
  replyTopic: Topics.identityResponses,
};

const gatewayResponseBase = {
  serviceId: 'GBDFL_PERSON_BY_IIN',
  errorCode: null,
  errorMessage: null,
  errorDate: null,
};

const identityResponses: NonEmpty<IdentityResponse> = [
  {
    ...gatewayResponseBase,
    messageId: 'b2f4c6e8-1a3d-4c5b-8e7f-6a9d2c4e1b73',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-03T11:40:03.215+05:00',
    messageDate: '2026-03-03T11:40:03.215+05:00',
    requestId: 'IDR-GOV4C-20260303-0008124-1',
    applicationId: PSC_APP_ID,
    status: 'FOUND',
    deliveryStatus: 'DELIVERED',
    person: minorIdentity,
  },
  {
    ...gatewayResponseBase,
    messageId: 'd6a8b0c2-4e5f-4a1b-9c3d-7e2f4a6b8c91',
    correlationId: PORTAL_APP_ID,
    occurredAt: '2026-03-02T10:15:09.480+05:00',
    messageDate: '2026-03-02T10:15:09.480+05:00',
    requestId: 'IDR-EGOV-20260302-0047151-1',
    applicationId: PORTAL_APP_ID,
    status: 'FOUND',
    deliveryStatus: null,
    person: portalApplicantIdentity,
  },
  {
    ...gatewayResponseBase,
    messageId: '0e2c4a6f-8b1d-4f3e-a5c7-9b2d4f6a8e13',
    correlationId: REFUSED_APP_ID,
    occurredAt: '2026-03-09T09:00:04.000+05:00',
    messageDate: '2026-03-09T09:00:04.000+05:00',
    requestId: 'IDR-EGOV-20260304-0051870-1',
    applicationId: REFUSED_APP_ID,
    status: 'NOT_FOUND',
    deliveryStatus: 'DELIVERED',
    person: null,
  },
  {
    ...gatewayResponseBase,
    messageId: '5c7e9a1b-3d2f-4b6a-8c0e-1f3a5c7e9b24',
    correlationId: REFUSED_APP_ID,
    occurredAt: '2026-03-09T09:00:01.000+05:00',
    messageDate: '2026-03-09T09:00:01.000+05:00',
    requestId: 'IDR-EGOV-20260304-0051870-1',
    applicationId: REFUSED_APP_ID,
    status: 'ERROR',
    deliveryStatus: 'NOT_DELIVERED',
    person: null,
    errorCode: 'SHEP-503',
    errorMessage: 'Сервис ГБД ФЛ временно недоступен',
    errorDate: '2026-03-09T09:00:01.000+05:00',
  },
];

// ---------- college.applications.v1 ----------

/** An office application as the college gets it at once (the receipt, no identity data yet). */
const officeCollegeApplication: CollegeApplicationRegistered = {
  messageId: '9a1c3e5a-7d4b-4f6a-9c8e-0d5f7b9a1c43',
  correlationId: OFFICE_APP_ID,
  occurredAt: '2026-03-05T11:00:04.000+05:00',
  applicationId: OFFICE_APP_ID,
  collegeBin: COLLEGE_BIN,
  registerNumber: OFFICE_APP_ID,
  dispatchRegisterId: null,
  channel: 'COLLEGE_OFFICE',
  submittedAt: '2026-03-05T11:00:00.000+05:00',
  registrationDate: '2026-03-05',
  serviceTermEndsAt: '2026-03-30T23:59:59.999+05:00',
  form: portalForm,
  presentedDocuments: [applicationFormDocument],
  resultPlace: { kind: 'COLLEGE_OFFICE', branchId: null },
  signature: null,
  psc: null,
  identity: null,
  officeReceipt: {
    receiptNumber: OFFICE_APP_ID,
    acceptedAt: '2026-03-05T11:00:00.000+05:00',
    resultDueOn: '2026-03-30',
    textKk: 'Құжаттар қабылданды. Нәтиже берілетін күн: 2026-03-30.',
    textRu: 'Документы приняты. Срок выдачи результата: 2026-03-30.',
  },
  identityFailure: null,
  purpose: 'APPLICATION',
};

const collegeApplications: NonEmpty<CollegeApplicationRegistered> = [
  {
    messageId: '6d8f0b2c-4a1e-4c3d-9f5b-7a2c4e6d8f10',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-03T11:40:05.000+05:00',
    applicationId: PSC_APP_ID,
    collegeBin: COLLEGE_BIN,
    registerNumber: `${COLLEGE_BIN}-2026-000031`,
    dispatchRegisterId: REGISTER_ID,
    channel: 'PSC',
    submittedAt: '2026-03-03T11:40:00.000+05:00',
    registrationDate: '2026-03-04',
    serviceTermEndsAt: '2026-03-27T23:59:59.999+05:00',
    form: minorForm,
    presentedDocuments: [applicationFormDocument, fatherIdCard, minorBirthCertificate, damagedOriginal],
    resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
    signature: null,
    psc: { receiptNumber: PSC_RECEIPT, branchId: PSC_BRANCH, operatorId: 'OP-ALM-0417' },
    identity: minorIdentity,
    officeReceipt: null,
    identityFailure: null,
    purpose: 'APPLICATION',
  },
  {
    messageId: '8f0b2d4e-6c3a-4e5f-8b7d-9c4e6a8f0b32',
    correlationId: PORTAL_APP_ID,
    occurredAt: '2026-03-02T10:15:10.000+05:00',
    applicationId: PORTAL_APP_ID,
    collegeBin: COLLEGE_BIN,
    registerNumber: `${COLLEGE_BIN}-2026-000030`,
    dispatchRegisterId: null,
    channel: 'PORTAL',
    submittedAt: '2026-03-02T10:15:00.000+05:00',
    registrationDate: '2026-03-02',
    serviceTermEndsAt: '2026-03-26T23:59:59.999+05:00',
    form: portalForm,
    presentedDocuments: [],
    resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
    signature: portalApplication.signature,
    psc: null,
    identity: portalApplicantIdentity,
    officeReceipt: null,
    identityFailure: null,
    purpose: 'APPLICATION',
  },
  officeCollegeApplication,
  {
    // A portal application whose identity the gateway could not confirm (item 49): the college judges it.
    messageId: '0b2d4f6b-8e5c-4a7b-8d9f-1e6a8c0b2d54',
    correlationId: 'EGOV-20260306-0052214',
    occurredAt: '2026-03-06T09:31:02.000+05:00',
    applicationId: 'EGOV-20260306-0052214',
    collegeBin: COLLEGE_BIN,
    registerNumber: 'EGOV-20260306-0052214',
    dispatchRegisterId: null,
    channel: 'PORTAL',
    submittedAt: '2026-03-06T09:30:00.000+05:00',
    registrationDate: '2026-03-06',
    serviceTermEndsAt: '2026-03-31T23:59:59.999+05:00',
    form: portalForm,
    presentedDocuments: [],
    resultPlace: { kind: 'PORTAL', branchId: null },
    signature: portalApplication.signature,
    psc: null,
    identity: null,
    officeReceipt: null,
    identityFailure: { reason: 'NOT_FOUND', attempts: 1, detail: null },
    purpose: 'APPLICATION',
  },
  {
    // The office application above, its identity check over after it reached the college (item 49).
    ...officeCollegeApplication,
    messageId: '1c3e5a7c-9f6d-4b8c-9e0a-2f7b9d1c3e65',
    occurredAt: '2026-03-05T11:02:30.000+05:00',
    identity: portalApplicantIdentity,
    officeReceipt: null,
    purpose: 'IDENTITY_CHECKED',
  },
];

// ---------- college.decisions.v1 ----------

const decisionBase = { applicationId: PSC_APP_ID, correlationId: PSC_APP_ID, collegeBin: COLLEGE_BIN };
const noDecisionKinds = {
  registered: null,
  preliminaryRefusal: null,
  hearingHeld: null,
  duplicateIssued: null,
  refused: null,
  applicationReceivedAtOffice: null,
  resultHandedOver: null,
};

const refusalBase = {
  applicationId: REFUSED_APP_ID,
  correlationId: REFUSED_APP_ID,
  collegeBin: COLLEGE_BIN,
};

const collegeDecisions: NonEmpty<CollegeDecisionMessage> = [
  {
    ...decisionBase,
    ...noDecisionKinds,
    messageId: '1a3c5e7b-9d2f-4a4c-8e6b-0d2f4a6c8e51',
    occurredAt: '2026-03-04T10:12:00.000+05:00',
    kind: 'REGISTERED',
    registered: { registrationNumber: '№ 214-Т', registeredAt: '2026-03-04T10:12:00.000+05:00' },
  },
  {
    ...refusalBase,
    ...noDecisionKinds,
    messageId: '2b4d6f8c-0e3a-4b5d-9f7c-1e3a5b7d9f62',
    occurredAt: '2026-03-20T15:30:00.000+05:00',
    kind: 'PRELIMINARY_REFUSAL',
    preliminaryRefusal: {
      ground: 'G1_UNRELIABLE_DATA',
      motivationKk:
        'Колледж мұрағатында 2015 жылы Иванов Сергей Петровичке диплом берілгені туралы жазба табылмады; өтініштегі мәліметтер расталмады.',
      motivationRu:
        'В архиве колледжа не найдена запись о выдаче диплома Иванову Сергею Петровичу в 2015 году; сведения заявления не подтверждены.',
      hearingAt: '2026-03-26T11:00:00.000+05:00',
      hearingPlaceOrWay:
        'Алматы қ., Жароков к-сі, 137, 204-кабинет; немесе бейнебайланыс арқылы (Zoom, сілтеме SMS-пен жіберіледі)',
      noticeChannel: 'SMS',
      noticeSentAt: '2026-03-20T15:30:00.000+05:00',
      noticeReference: 'SMS-77029913375-20260320-153000',
    },
  },
  {
    ...refusalBase,
    ...noDecisionKinds,
    messageId: '3c5e7a9d-1f4b-4c6e-a08d-2f4b6c8e0a73',
    occurredAt: '2026-03-26T11:40:00.000+05:00',
    kind: 'HEARING_HELD',
    hearingHeld: {
      heldAt: '2026-03-26T11:00:00.000+05:00',
      objectionFiled: true,
      objectionReceivedAt: '2026-03-24T09:05:00.000+05:00',
      objectionSummary: 'Өтініш беруші 2015 жылғы бітіру кітабының көшірмесін ұсынды.',
    },
  },
  {
    ...decisionBase,
    ...noDecisionKinds,
    messageId: '4d6f8b0e-2a5c-4d7f-b19e-3a5c7d9f1b84',
    occurredAt: '2026-03-16T14:00:00.000+05:00',
    kind: 'DUPLICATE_ISSUED',
    duplicateIssued: {
      documentKind: 'DIPLOMA_ONLY',
      series: 'ТКБ',
      number: '0004517',
      issuedOn: '2026-03-16',
      registrationNumber: '№ 38-Т/2026',
    },
  },
  {
    ...refusalBase,
    ...noDecisionKinds,
    messageId: '5e7a9c1f-3b6d-4e8a-8c2f-4b6d8e0a2c95',
    occurredAt: '2026-03-26T16:00:00.000+05:00',
    kind: 'REFUSED',
    refused: {
      ground: 'G1_UNRELIABLE_DATA',
      motivationKk:
        'Тыңдау нәтижесінде ұсынылған көшірме колледж мұрағатының деректерімен расталмады. Әкімшілік рәсімдік-процестік кодексіне сәйкес шағымдануға болады.',
      motivationRu:
        'По итогам заслушивания представленная копия не подтверждена данными архива колледжа. Решение может быть обжаловано в соответствии с АППК РК.',
      decidedOn: '2026-03-26',
    },
  },
  {
    ...noDecisionKinds,
    applicationId: OFFICE_APP_ID,
    correlationId: OFFICE_APP_ID,
    collegeBin: COLLEGE_BIN,
    messageId: '6f8b0d2a-4c7e-4f9b-8d3a-5c7e9f1b3d06',
    occurredAt: '2026-03-05T11:00:00.000+05:00',
    kind: 'APPLICATION_RECEIVED_AT_OFFICE',
    applicationReceivedAtOffice: {
      receivedAt: '2026-03-05T11:00:00.000+05:00',
      officerId: 'OFFICE-7',
      form: portalForm,
      presentedDocuments: [applicationFormDocument],
      resultPlace: { kind: 'COLLEGE_OFFICE', branchId: null },
    },
  },
  {
    ...noDecisionKinds,
    applicationId: OFFICE_APP_ID,
    correlationId: OFFICE_APP_ID,
    collegeBin: COLLEGE_BIN,
    messageId: '7a9c1e3b-5d8f-4a0c-9e4b-6d8f0a2c4e28',
    occurredAt: '2026-03-20T15:30:00.000+05:00',
    kind: 'RESULT_HANDED_OVER',
    resultHandedOver: {
      handedOverAt: '2026-03-20T15:30:00.000+05:00',
      officerId: 'OFFICE-7',
      recipientIin: portalForm.applicant.iin,
      identityDocument: { type: 'ID_CARD', number: '043211234', validUntil: '2030-05-01', holderIin: null },
    },
  },
];

// ---------- courier.orders.v1 ----------

const courierOrders: NonEmpty<CourierOrderMessage> = [
  {
    messageId: '6f8b0d2a-4c7e-4f9b-9d3a-5c7e9f1b3d06',
    correlationId: REGISTER_ID,
    occurredAt: '2026-03-03T14:00:00.000+05:00',
    kind: 'REGISTER_DISPATCH',
    registerDispatch: {
      registerId: REGISTER_ID,
      copies: 2,
      applicationIds: [PSC_APP_ID, 'GOV4C-20260303-0008131'],
      acceptanceDate: '2026-03-03',
      fromBranchId: PSC_BRANCH,
      fromAddress: PSC_ADDRESS,
      toCollegeBin: COLLEGE_BIN,
      toAddress: COLLEGE_ADDRESS,
      slot: { from: '2026-03-03T15:00:00.000+05:00', to: '2026-03-03T16:00:00.000+05:00' },
    },
    resultDispatch: null,
  },
  {
    messageId: '7a9c1e3b-5d8f-4a0c-ae4b-6d8f0a2c4e17',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-16T14:05:00.000+05:00',
    kind: 'RESULT_DISPATCH',
    registerDispatch: null,
    resultDispatch: {
      applicationId: PSC_APP_ID,
      resultKind: 'DUPLICATE',
      fromCollegeBin: COLLEGE_BIN,
      fromAddress: COLLEGE_ADDRESS,
      toBranchId: PSC_BRANCH,
      toAddress: PSC_ADDRESS,
      slot: { from: '2026-03-17T10:00:00.000+05:00', to: '2026-03-17T12:00:00.000+05:00' },
      deliverBy: '2026-03-26T23:59:59.999+05:00',
    },
  },
];

// ---------- courier.events.v1 ----------

const courierEvents: NonEmpty<CourierEventMessage> = [
  {
    messageId: '8b0d2f4c-6e9a-4b1d-bf5c-7e9a1b3d5f28',
    correlationId: REGISTER_ID,
    occurredAt: '2026-03-03T15:12:40.000+05:00',
    orderMessageId: '6f8b0d2a-4c7e-4f9b-9d3a-5c7e9f1b3d06',
    kind: 'PICKED_UP',
    pickedUp: {
      registerId: REGISTER_ID,
      applicationId: null,
      at: '2026-03-03T15:12:40.000+05:00',
      trackingNumber: 'KZP-AL-26030300417',
    },
    delivered: null,
  },
  {
    messageId: '9c1e3a5d-7f0b-4c2e-8a6d-8f0b2c4e6a39',
    correlationId: REGISTER_ID,
    occurredAt: '2026-03-03T16:48:05.000+05:00',
    orderMessageId: '6f8b0d2a-4c7e-4f9b-9d3a-5c7e9f1b3d06',
    kind: 'DELIVERED',
    pickedUp: null,
    delivered: {
      registerId: REGISTER_ID,
      applicationId: null,
      at: '2026-03-03T16:48:05.000+05:00',
      receivedBy: 'Байжанова Сәуле Ғаниқызы',
    },
  },
  {
    messageId: '0d2f4b6e-8a1c-4d3f-9b7e-9a1c3d5f7b40',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-17T15:20:00.000+05:00',
    orderMessageId: '7a9c1e3b-5d8f-4a0c-ae4b-6d8f0a2c4e17',
    kind: 'DELIVERED',
    pickedUp: null,
    delivered: {
      registerId: null,
      applicationId: PSC_APP_ID,
      at: '2026-03-17T15:20:00.000+05:00',
      receivedBy: 'Оспанов Нұрлан Бақытжанұлы',
    },
  },
];

// ---------- egov.portal.notifications.v1 ----------

const noPortalKinds = {
  accepted: null,
  intakeRefused: null,
  hearingNotice: null,
  ready: null,
  refused: null,
  termRevised: null,
};
const portalNotifications: NonEmpty<PortalNotificationMessage> = [
  {
    ...noPortalKinds,
    messageId: '1e3a5c7f-9b2d-4e4a-ac8f-0b2d4e6a8c51',
    correlationId: PORTAL_APP_ID,
    occurredAt: '2026-03-02T10:15:11.000+05:00',
    applicationId: PORTAL_APP_ID,
    recipientIin: PORTAL_APPLICANT_IIN,
    kind: 'ACCEPTED',
    accepted: {
      registrationDate: '2026-03-02',
      serviceTermEndsAt: '2026-03-26T23:59:59.999+05:00',
      statusKk: 'Өтінішіңіз қабылданды. Тіркелген күні: 2026-03-02. Қызмет көрсету мерзімі: 2026-03-26.',
      statusRu: 'Ваше заявление принято. Дата регистрации: 2026-03-02. Срок оказания услуги: 2026-03-26.',
    },
  },
  {
    ...noPortalKinds,
    messageId: '2f4b6d8a-0c3e-4f5b-bd9a-1c3e5f7b9d62',
    correlationId: REFUSED_APP_ID,
    occurredAt: '2026-03-09T09:00:05.000+05:00',
    applicationId: REFUSED_APP_ID,
    recipientIin: REFUSED_APPLICANT_IIN,
    kind: 'INTAKE_REFUSED',
    intakeRefused: {
      motivationKk:
        'ЖСН бойынша жеке басты куәландыратын құжаттар туралы мәліметтер табылмады. Деректерді тексеріп, өтінішті қайта беріңіз.',
      motivationRu:
        'По ИИН не найдены сведения о документах, удостоверяющих личность. Проверьте данные и подайте заявление повторно.',
    },
  },
  {
    ...noPortalKinds,
    messageId: '3a5c7e9b-1d4f-4a6c-8e0b-2d4f6a8c0e73',
    correlationId: REFUSED_APP_ID,
    occurredAt: '2026-03-20T15:30:02.000+05:00',
    applicationId: REFUSED_APP_ID,
    recipientIin: REFUSED_APPLICANT_IIN,
    kind: 'HEARING_NOTICE',
    hearingNotice: {
      ground: 'G1_UNRELIABLE_DATA',
      motivationKk: 'Өтініштегі мәліметтер колледж мұрағатының деректерімен расталмады.',
      motivationRu: 'Сведения заявления не подтверждены данными архива колледжа.',
      hearingAt: '2026-03-26T11:00:00.000+05:00',
      hearingPlaceOrWay: 'Алматы қ., Жароков к-сі, 137, 204-кабинет',
      objectionDeadline: '2026-03-26',
    },
  },
  {
    ...noPortalKinds,
    messageId: '4b6d8f0c-2e5a-4b7d-9f1c-3e5a7b9d1f84',
    correlationId: PORTAL_APP_ID,
    occurredAt: '2026-03-18T10:30:00.000+05:00',
    applicationId: PORTAL_APP_ID,
    recipientIin: PORTAL_APPLICANT_IIN,
    kind: 'READY',
    ready: {
      resultPlace: { kind: 'PSC', branchId: PSC_BRANCH },
      placeAddress: PSC_ADDRESS,
      digitalDiplomaPublished: true,
    },
  },
  {
    ...noPortalKinds,
    messageId: '5c7e9a1d-3f6b-4c8e-a02d-4f6b8c0e2a95',
    correlationId: REFUSED_APP_ID,
    occurredAt: '2026-03-26T16:00:03.000+05:00',
    applicationId: REFUSED_APP_ID,
    recipientIin: REFUSED_APPLICANT_IIN,
    kind: 'REFUSED',
    refused: {
      ground: 'G1_UNRELIABLE_DATA',
      motivationKk: 'Тыңдау нәтижесінде ұсынылған көшірме колледж мұрағатының деректерімен расталмады.',
      motivationRu: 'По итогам заслушивания представленная копия не подтверждена данными архива колледжа.',
    },
  },
  {
    ...noPortalKinds,
    messageId: '8e0a2c4e-6a9c-4bfd-8e24-7a9c1e3b5d28',
    correlationId: 'calendar-2026-03-18/9c41d07e5a21',
    occurredAt: '2026-03-18T13:20:00.000+05:00',
    applicationId: PORTAL_APP_ID,
    recipientIin: PORTAL_APPLICANT_IIN,
    kind: 'TERM_REVISED',
    termRevised: {
      previousTermEndDate: '2026-03-26',
      termEndDate: '2026-03-27',
      serviceTermEndsAt: '2026-03-27T23:59:59.999+05:00',
      provisional: false,
      calendarVersion: '2026-03-18/9c41d07e5a21',
      statusKk:
        'Жұмыс күндерінің күнтізбесі өзгеруіне байланысты қызмет көрсету мерзімі өзгерді: бұрын 2026-03-26, енді 2026-03-27.',
      statusRu:
        'В связи с изменением календаря рабочих дней изменился срок оказания услуги: было 2026-03-26, теперь 2026-03-27.',
    },
  },
];

// ---------- gov4c.corporation.notifications.v1 ----------

const noPscKinds = {
  receipt: null,
  refusalReceipt: null,
  resultReadyForHandover: null,
  returnToCollegeDue: null,
  termRevised: null,
  hearingNotice: null,
  resultAtCollege: null,
};
const corporationNotifications: NonEmpty<CorporationNotificationMessage> = [
  {
    ...noPscKinds,
    messageId: '6d8f0a2e-4a7c-4d9f-b13e-5a7c9d1f3b06',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-03T11:40:06.000+05:00',
    applicationId: PSC_APP_ID,
    branchId: PSC_BRANCH,
    kind: 'RECEIPT',
    receipt: {
      receiptNumber: PSC_RECEIPT,
      acceptedAt: '2026-03-03T11:40:00.000+05:00',
      registrationDate: '2026-03-04',
      serviceTermEndsAt: '2026-03-27T23:59:59.999+05:00',
    },
  },
  {
    ...noPscKinds,
    messageId: '7e9a1b3f-5b8d-4e0a-8c4f-6b8d0e2a4c17',
    correlationId: 'GOV4C-20260305-0009377',
    occurredAt: '2026-03-05T17:52:20.000+05:00',
    applicationId: 'GOV4C-20260305-0009377',
    branchId: PSC_BRANCH,
    kind: 'REFUSAL_RECEIPT',
    refusalReceipt: {
      receiptNumber: '002-26-0305-000937-R',
      missingDocuments: ['ORIGINAL_EDUCATION_DOCUMENT'],
      expiredDocuments: [
        { type: 'ID_CARD', number: '027715390', validUntil: '2026-02-11', holderIin: RENAMED_APPLICANT_IIN },
      ],
      motivationKk:
        'Тегі өзгерген және құжат бүлінген жағдайда білім туралы құжаттың түпнұсқасы ұсынылмады; жеке куәліктің қолданылу мерзімі өтіп кеткен.',
      motivationRu:
        'При смене фамилии и повреждении документа не представлен оригинал документа об образовании; истёк срок действия удостоверения личности.',
    },
  },
  {
    ...noPscKinds,
    messageId: '8f0b2c4a-6c9e-4f1b-9d5a-7c9e1f3b5d28',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-17T15:25:00.000+05:00',
    applicationId: PSC_APP_ID,
    branchId: PSC_BRANCH,
    kind: 'RESULT_READY_FOR_HANDOVER',
    resultReadyForHandover: {
      receiptNumber: PSC_RECEIPT,
      resultKind: 'DUPLICATE',
      arrivedAt: '2026-03-17T15:20:00.000+05:00',
      keepUntil: '2026-04-17',
    },
  },
  {
    ...noPscKinds,
    messageId: '9a1c3d5b-7d0f-4a2c-ae6b-8d0f2a4c6e39',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-04-18T09:00:00.000+05:00',
    applicationId: PSC_APP_ID,
    branchId: PSC_BRANCH,
    kind: 'RETURN_TO_COLLEGE_DUE',
    returnToCollegeDue: { receiptNumber: PSC_RECEIPT, collegeBin: COLLEGE_BIN, storageEndedOn: '2026-04-17' },
  },
  {
    ...noPscKinds,
    messageId: '9f1b3d5f-7b0d-4c0e-9f35-8b0d2f4c6e39',
    correlationId: 'calendar-2026-03-18/9c41d07e5a21',
    occurredAt: '2026-03-20T13:20:00.000+05:00',
    applicationId: PSC_APP_ID,
    branchId: PSC_BRANCH,
    kind: 'TERM_REVISED',
    termRevised: {
      previousTermEndDate: '2026-03-27',
      termEndDate: '2026-03-30',
      serviceTermEndsAt: '2026-03-30T23:59:59.999+05:00',
      provisional: false,
      calendarVersion: '2026-03-18/9c41d07e5a21',
      statusKk:
        'Жұмыс күндерінің күнтізбесі өзгеруіне байланысты қызмет көрсету мерзімі өзгерді: бұрын 2026-03-27, енді 2026-03-30.',
      statusRu:
        'В связи с изменением календаря рабочих дней изменился срок оказания услуги: было 2026-03-27, теперь 2026-03-30.',
    },
  },
  {
    ...noPscKinds,
    messageId: 'ab2d4f6b-8e1c-4a3d-8f5b-7c9e1a3d5f27',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-10T12:00:00.000+05:00',
    applicationId: PSC_APP_ID,
    branchId: PSC_BRANCH,
    kind: 'HEARING_NOTICE',
    hearingNotice: {
      receiptNumber: PSC_RECEIPT,
      ground: 'G1_UNRELIABLE_DATA',
      hearingAt: '2026-03-12T11:00:00.000+05:00',
      hearingPlaceOrWay: 'Колледж, 12-кабинет',
      objectionDeadline: '2026-03-12',
      motivationKk: 'Бас тарту туралы алдын ала шешім: тыңдау 2026-03-12 11:00, Колледж, 12-кабинет.',
      motivationRu: 'Предварительное решение об отказе: заслушивание 2026-03-12 11:00, Колледж, кабинет 12.',
    },
  },
  {
    // A PSC applicant who chose to collect the result at the college office (item 58).
    ...noPscKinds,
    messageId: 'bc3e5a7c-9f2d-4b4e-9a6c-8d0f2b4e6a38',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-16T15:00:00.000+05:00',
    applicationId: PSC_APP_ID,
    branchId: PSC_BRANCH,
    kind: 'RESULT_AT_COLLEGE',
    resultAtCollege: {
      receiptNumber: PSC_RECEIPT,
      resultKind: 'DUPLICATE',
      readyAt: '2026-03-16T15:00:00.000+05:00',
      collegeBin: COLLEGE_BIN,
      placeAddress: `канцелярия колледжа ${COLLEGE_NAME}`,
      refusalGround: null,
      digitalDiplomaPublished: true,
      textKk: `Телнұсқа дайын. Алу орны: ${COLLEGE_NAME} кеңсесі.`,
      textRu: `Дубликат готов. Место получения: канцелярия колледжа ${COLLEGE_NAME}.`,
    },
  },
];

// ---------- egov.digital-documents.v1 ----------

const digitalDiploma: DigitalDiplomaIssued = {
  messageId: '0b2d4e6c-8e1a-4b3d-8f7c-9e1a3b5d7f40',
  correlationId: PORTAL_APP_ID,
  occurredAt: '2026-03-18T10:25:00.000+05:00',
  applicationId: PORTAL_APP_ID,
  ownerIin: PORTAL_APPLICANT_IIN,
  holder: { ...portalForm.applicant, phone: null, email: null },
  documentKind: 'DIPLOMA_WITH_SUPPLEMENT',
  collegeBin: COLLEGE_BIN,
  collegeName: COLLEGE_NAME,
  institutionName: portalForm.institutionName,
  specialtyName: portalForm.specialtyName,
  graduationYear: 2018,
  series: 'ТКБ',
  number: '0004522',
  issuedOn: '2026-03-18',
  isDuplicate: true,
};

// ---------- egov.monitoring.stages.v1 ----------

const stage = (
  sequence: number,
  stage: MonitoringStage['stage'],
  occurredAt: string,
  slaStatus: MonitoringStage['slaStatus'],
  stageDeadline: string | null,
  messageId: string,
): MonitoringStage => ({
  messageId,
  correlationId: PSC_APP_ID,
  occurredAt,
  applicationId: PSC_APP_ID,
  stage,
  channel: 'PSC',
  collegeBin: COLLEGE_BIN,
  serviceTermEndsAt: '2026-03-27T23:59:59.999+05:00',
  stageDeadline,
  slaStatus,
  sequence,
  calendarVersion: '2026-12-01/2b48ef804519',
  deadlinesProvisional: false,
  revision: null,
});

const monitoringStages: NonEmpty<MonitoringStage> = [
  stage(1, 'SUBMITTED', '2026-03-03T11:40:00.000+05:00', 'ON_TIME', null, '1c3e5f7d-9f2b-4c4e-9a8d-0f2b4c6e8a51'),
  stage(2, 'ACCEPTED', '2026-03-03T11:40:06.000+05:00', 'ON_TIME', null, '2d4f6a8e-0a3c-4d5f-ab9e-1a3c5d7f9b62'),
  stage(
    3,
    'REGISTER_DISPATCHED',
    '2026-03-03T15:12:40.000+05:00',
    'ON_TIME',
    '2026-03-03T20:00:00.000+05:00',
    '3e5a7b9f-1b4d-4e6a-8caf-2b4d6e8a0c73',
  ),
  stage(
    4,
    'REGISTERED_AT_COLLEGE',
    '2026-03-04T10:12:00.000+05:00',
    'ON_TIME',
    '2026-03-11T23:59:59.999+05:00',
    '4f6b8c0a-2c5e-4f7b-9db0-3c5e7f9b1d84',
  ),
  stage(
    5,
    'SLA_AT_RISK',
    '2026-03-20T09:00:00.000+05:00',
    'AT_RISK',
    '2026-03-26T23:59:59.999+05:00',
    '5a7c9d1b-3d6f-4a8c-aec1-4d6f8a0c2e95',
  ),
  {
    ...stage(
      6,
      'DEADLINES_REVISED',
      '2026-03-20T13:20:00.000+05:00',
      'ON_TIME',
      null,
      '6b8d0e2c-4e7a-4b9d-bfd2-5e7a9b1d3f17',
    ),
    serviceTermEndsAt: '2026-03-30T23:59:59.999+05:00',
    calendarVersion: '2026-03-18/9c41d07e5a21',
    deadlinesProvisional: false,
    revision: {
      previousServiceTermEndsAt: '2026-03-27T23:59:59.999+05:00',
      previousCalendarVersion: '2026-01-02/2b48ef804519',
      termEndChanged: true,
    },
  },
];

// ---------- <topic>.dlq ----------

export const deadLetterSamples: NonEmpty<DeadLetter> = [
  {
    messageId: '6b8d0e2c-4e7a-4b9d-8fd2-5e7a9b1d3f06',
    correlationId: PSC_APP_ID,
    occurredAt: '2026-03-04T10:12:01.250+05:00',
    originalTopic: Topics.collegeDecisions,
    partition: 3,
    offset: 18734,
    originalTimestamp: '2026-03-04T10:12:00.900+05:00',
    originalKey: Buffer.from(PSC_APP_ID, 'utf8'),
    originalValue: Buffer.from([0x00, 0x00, 0x00, 0x00, 0x07, 0x48, 0x32, 0x61]),
    headers: [
      { key: 'traceparent', value: Buffer.from('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'utf8') },
      { key: 'x-empty', value: null },
    ],
    schemaId: 7,
    originalMessageId: null,
    errorCode: 'CONTRACT_DECODE_FAILED',
    errorText:
      'Value cannot be decoded with schema id 7: truncated buffer. Ask the college system to re-send the decision with the registered schema.',
    errorPath: null,
    consumerGroup: 'tvet-duplicate-adapter.college-decisions',
    attempts: 1,
  },
  {
    messageId: '7c9e1f3d-5f8b-4c0e-9ae3-6f8b0c2e4a17',
    correlationId: 'GOV4C-20260101-0000001',
    occurredAt: '2026-03-04T11:00:00.000+05:00',
    originalTopic: Topics.collegeDecisions,
    partition: 0,
    offset: 512,
    originalTimestamp: null,
    originalKey: null,
    originalValue: null,
    headers: [],
    schemaId: null,
    originalMessageId: 'a0c2e4f6-8b1d-4f3a-9c5e-7d9f1b3a5c80',
    errorCode: 'DECISION_UNKNOWN_APPLICATION',
    errorText: 'College decision for an unknown application; check the applicationId with the college.',
    errorPath: 'applicationId',
    consumerGroup: 'tvet-duplicate-adapter.college-decisions',
    attempts: 1,
  },
];

// ---------- all ----------

/** At least one sample; `samples[topic][0]` is never undefined. */
export type NonEmpty<T> = [T, ...T[]];

/** Sample values by (base) topic name; at least one per message kind. */
export const samples: { [T in TopicName]: NonEmpty<MessageByTopic[T]> } = {
  [Topics.portalApplications]: [portalApplication, portalApplicationOtpWeekend],
  [Topics.corporationApplications]: corporationApplications,
  [Topics.identityRequests]: [identityRequest],
  [Topics.identityResponses]: identityResponses,
  [Topics.collegeApplications]: collegeApplications,
  [Topics.collegeDecisions]: collegeDecisions,
  [Topics.courierOrders]: courierOrders,
  [Topics.courierEvents]: courierEvents,
  [Topics.portalNotifications]: portalNotifications,
  [Topics.corporationNotifications]: corporationNotifications,
  [Topics.digitalDocuments]: [digitalDiploma],
  [Topics.monitoringStages]: monitoringStages,
};
