/**
 * TypeScript types of the message values, hand-written to match schemas/*.avsc (the unit tests
 * prove every sample typed with these conforms to its schema and round-trips).
 *
 * Value forms (see logical-types.ts): `Instant` is an ISO-8601 string with an offset (decoded in
 * Kazakhstan time with milliseconds); `IsoDate` is 'YYYY-MM-DD'. Avro `["null", X]` fields are
 * `X | null` and always present (decoding yields `null`, never `undefined`).
 *
 * Envelope style for topics with several message kinds: one value record per topic with a `kind`
 * enum and one nullable record field per kind, named after the kind in camelCase; exactly the
 * field named by `kind` is set, every other kind field is null. The `Envelope` helper below
 * expresses that as a discriminated union, and `checkKindFields` (kinds.ts) checks it at runtime.
 * A union of records was not used because avsc wraps ambiguous record unions
 * (`{"ns.Name": {...}}`) and every client would have to agree on that option.
 */
import type {
  Channel,
  DuplicateReason,
  IdentityDocumentType,
  NoticeChannel,
  PresentedDocument as ModelPresentedDocument,
  RefusalGround,
  Representative as ModelRepresentative,
  RequestedDocumentKind,
  SignatureKind,
  SlaStatus,
  StageCode,
} from '../core/application/model.js';
import type {
  COLLEGE_DECISION_KIND,
  CORPORATION_APPLICATION_KIND,
  CORPORATION_NOTIFICATION_KIND,
  COURIER_EVENT_KIND,
  COURIER_ORDER_KIND,
  DELIVERY_STATUS,
  IDENTITY_FAILURE_REASON,
  COLLEGE_APPLICATION_PURPOSE,
  IDENTITY_STATUS,
  PORTAL_NOTIFICATION_KIND,
  RESULT_KIND,
  RESULT_PLACE_KIND,
} from './enum-symbols.js';
import type { Topics } from './topics.js';

/** ISO-8601 instant with an offset, e.g. '2026-03-02T10:15:00.000+05:00' (Avro timestamp-millis). */
export type Instant = string;
/** Calendar date 'YYYY-MM-DD' (Avro date). */
export type IsoDate = string;

export type IdentityStatus = (typeof IDENTITY_STATUS)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUS)[number];
export type IdentityFailureReason = (typeof IDENTITY_FAILURE_REASON)[number];
export type ResultKind = (typeof RESULT_KIND)[number];
export type ResultPlaceKind = (typeof RESULT_PLACE_KIND)[number];

/** Fields every message carries (SPEC section 3). */
export type MessageHeader = {
  messageId: string;
  correlationId: string;
  occurredAt: Instant;
};

// ---------- shared records ----------

export type Person = {
  iin: string;
  surname: string;
  name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
};

export type Representative = Person & {
  relation: ModelRepresentative['relation'];
};

export type FormerInstitution = {
  name: string;
  address: string;
};

export type Signature = {
  kind: SignatureKind;
  reference: string;
  signedAt: Instant;
};

export type PresentedDocument = {
  type: ModelPresentedDocument['type'];
  number: string | null;
  validUntil: IsoDate | null;
  holderIin: string | null;
};

export type ResultPlace = {
  kind: ResultPlaceKind;
  /** PSC branch code when kind is PSC, otherwise null. */
  branchId: string | null;
};

/** R2: the Appendix 5 fields. */
export type ApplicationForm = {
  collegeBin: string;
  collegeName: string;
  collegeHeadName: string;
  applicant: Person;
  representative: Representative | null;
  institutionName: string;
  graduationYear: number;
  specialtyName: string;
  formerInstitution: FormerInstitution | null;
  requestedDocument: RequestedDocumentKind;
  reason: DuplicateReason;
  originalDamaged: boolean | null;
  personalDataConsent: boolean;
};

export type IdentityDocument = {
  type: IdentityDocumentType;
  number: string;
  issuedOn: IsoDate | null;
  validUntil: IsoDate | null;
  issuer: string | null;
};

export type IdentityPerson = {
  iin: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: IsoDate;
  deceased: boolean;
  documents: IdentityDocument[];
};

export type PscAcceptance = {
  receiptNumber: string;
  branchId: string;
  operatorId: string;
};

export type CourierSlot = {
  from: Instant;
  to: Instant;
};

export type KafkaHeader = {
  key: string;
  value: Buffer | null;
};

/** Motivated text in Kazakh and Russian (items 52, 58). */
export type Motivation = {
  motivationKk: string;
  motivationRu: string;
};

// ---------- envelope helper ----------

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}`
  : Lowercase<S>;

/** The field that holds the record of kind K, e.g. 'RESULT_HANDED_OVER' -> 'resultHandedOver'. */
export type KindField<K extends string> = CamelCase<K>;

/**
 * A multi-kind message: the header, `kind`, and one field per kind of which only the one named by
 * `kind` is non-null. `Bodies` maps each kind to its record type.
 */
export type Envelope<Base, Bodies extends Record<string, object>> = {
  [K in keyof Bodies & string]: Base & { kind: K } & { [F in KindField<K>]: Bodies[K] } & {
    [F in KindField<Exclude<keyof Bodies & string, K>>]: null;
  };
}[keyof Bodies & string];

// ---------- egov.portal.applications.v1 ----------

export type PortalApplicationSubmitted = MessageHeader & {
  applicationId: string;
  portalRequestNumber: string;
  submittedAt: Instant;
  form: ApplicationForm;
  signature: Signature;
  resultPlace: ResultPlace;
};

// ---------- gov4c.corporation.applications.v1 ----------

export type PscApplicationAccepted = {
  receiptNumber: string;
  branchId: string;
  branchName: string;
  operatorId: string;
  acceptedAt: Instant;
  visitAtResidence: boolean;
  form: ApplicationForm;
  presentedDocuments: PresentedDocument[];
  resultPlace: ResultPlace;
};

export type PscResultHandedOver = {
  receiptNumber: string;
  branchId: string;
  operatorId: string;
  handedOverAt: Instant;
  recipientIin: string;
  identityDocument: PresentedDocument;
};

export type PscResultReturnedToCollege = {
  branchId: string;
  collegeBin: string;
  returnedAt: Instant;
  registerId: string | null;
};

export type PscResultRecallRequested = {
  receiptNumber: string;
  branchId: string;
  requestedAt: Instant;
};

export type CorporationApplicationKind = (typeof CORPORATION_APPLICATION_KIND)[number];
export type CorporationApplicationMessage = Envelope<
  MessageHeader & { applicationId: string },
  {
    APPLICATION_ACCEPTED: PscApplicationAccepted;
    RESULT_HANDED_OVER: PscResultHandedOver;
    RESULT_RETURNED_TO_COLLEGE: PscResultReturnedToCollege;
    RESULT_RECALL_REQUESTED: PscResultRecallRequested;
  }
>;

// ---------- egov.gateway.identity.* ----------

/** Gateway convention fields (SyncChannel / AsyncChannel). */
export type GatewayHeader = {
  serviceId: string;
  messageDate: Instant;
  requestId: string;
};

export type IdentityRequest = MessageHeader &
  GatewayHeader & {
    senderId: string;
    applicationId: string;
    iin: string;
    replyTopic: string;
  };

export type IdentityResponse = MessageHeader &
  GatewayHeader & {
    applicationId: string;
    status: IdentityStatus;
    deliveryStatus: DeliveryStatus | null;
    person: IdentityPerson | null;
    errorCode: string | null;
    errorMessage: string | null;
    errorDate: Instant | null;
  };

// ---------- college.applications.v1 ----------

export type CollegeApplicationRegistered = MessageHeader & {
  applicationId: string;
  collegeBin: string;
  registerNumber: string;
  dispatchRegisterId: string | null;
  channel: Channel;
  submittedAt: Instant;
  registrationDate: IsoDate;
  serviceTermEndsAt: Instant;
  form: ApplicationForm;
  presentedDocuments: PresentedDocument[];
  resultPlace: ResultPlace;
  signature: Signature | null;
  psc: PscAcceptance | null;
  identity: IdentityPerson | null;
  /** Office applications only: the Appendix 3 receipt. */
  officeReceipt: {
    receiptNumber: string;
    acceptedAt: Instant;
    resultDueOn: IsoDate;
    textKk: string;
    textRu: string;
  } | null;
  /** Item 49: why the identity check failed (identity is then null); null while it runs or when it verified. */
  identityFailure: { reason: IdentityFailureReason; attempts: number; detail: string | null } | null;
  /** The application (once), or the end of an identity check still running when it was sent (item 49). */
  purpose: CollegeApplicationPurpose;
};

export type CollegeApplicationPurpose = (typeof COLLEGE_APPLICATION_PURPOSE)[number];

// ---------- college.decisions.v1 ----------

export type CollegeRegistered = {
  registrationNumber: string;
  registeredAt: Instant;
};

export type CollegePreliminaryRefusal = Motivation & {
  ground: RefusalGround;
  hearingAt: Instant;
  hearingPlaceOrWay: string;
  noticeChannel: NoticeChannel;
  noticeSentAt: Instant;
  noticeReference: string | null;
};

export type CollegeHearingHeld = {
  heldAt: Instant;
  objectionFiled: boolean;
  objectionReceivedAt: Instant | null;
  objectionSummary: string | null;
};

export type CollegeDuplicateIssued = {
  documentKind: RequestedDocumentKind;
  series: string;
  number: string;
  issuedOn: IsoDate;
  registrationNumber: string;
};

export type CollegeRefused = Motivation & {
  ground: RefusalGround;
  decidedOn: IsoDate;
};

/** R1: an application received at the college office, as the office's system sends it. */
export type CollegeOfficeApplication = {
  receivedAt: Instant;
  officerId: string;
  form: ApplicationForm;
  presentedDocuments: PresentedDocument[];
  resultPlace: ResultPlace;
};

/** Item 61: the result handed over at the college office. */
export type CollegeResultHandedOver = {
  handedOverAt: Instant;
  officerId: string;
  recipientIin: string;
  identityDocument: PresentedDocument;
};

export type CollegeDecisionKind = (typeof COLLEGE_DECISION_KIND)[number];
export type CollegeDecisionMessage = Envelope<
  MessageHeader & { applicationId: string; collegeBin: string },
  {
    REGISTERED: CollegeRegistered;
    PRELIMINARY_REFUSAL: CollegePreliminaryRefusal;
    HEARING_HELD: CollegeHearingHeld;
    DUPLICATE_ISSUED: CollegeDuplicateIssued;
    REFUSED: CollegeRefused;
    APPLICATION_RECEIVED_AT_OFFICE: CollegeOfficeApplication;
    RESULT_HANDED_OVER: CollegeResultHandedOver;
  }
>;

// ---------- courier.orders.v1 ----------

export type RegisterDispatchOrder = {
  registerId: string;
  copies: number;
  applicationIds: string[];
  acceptanceDate: IsoDate;
  fromBranchId: string;
  fromAddress: string;
  toCollegeBin: string;
  toAddress: string;
  slot: CourierSlot;
};

export type ResultDispatchOrder = {
  applicationId: string;
  resultKind: ResultKind;
  fromCollegeBin: string;
  fromAddress: string;
  toBranchId: string;
  toAddress: string;
  slot: CourierSlot;
  deliverBy: Instant;
};

export type CourierOrderKind = (typeof COURIER_ORDER_KIND)[number];
export type CourierOrderMessage = Envelope<
  MessageHeader,
  { REGISTER_DISPATCH: RegisterDispatchOrder; RESULT_DISPATCH: ResultDispatchOrder }
>;

// ---------- courier.events.v1 ----------

/** Exactly one of registerId / applicationId is set. */
export type ShipmentRef = {
  registerId: string | null;
  applicationId: string | null;
};

export type CourierPickedUp = ShipmentRef & {
  at: Instant;
  trackingNumber: string;
};

export type CourierDelivered = ShipmentRef & {
  at: Instant;
  receivedBy: string;
};

export type CourierEventKind = (typeof COURIER_EVENT_KIND)[number];
export type CourierEventMessage = Envelope<
  MessageHeader & { orderMessageId: string },
  { PICKED_UP: CourierPickedUp; DELIVERED: CourierDelivered }
>;

// ---------- egov.portal.notifications.v1 ----------

export type PortalAccepted = {
  registrationDate: IsoDate;
  serviceTermEndsAt: Instant;
  /** Status text for the personal cabinet (item 51), Kazakh and Russian. */
  statusKk: string;
  statusRu: string;
};

export type PortalIntakeRefused = Motivation;

export type PortalHearingNotice = Motivation & {
  ground: RefusalGround;
  hearingAt: Instant;
  hearingPlaceOrWay: string;
  objectionDeadline: IsoDate;
};

export type PortalReady = {
  resultPlace: ResultPlace;
  placeAddress: string;
  digitalDiplomaPublished: boolean;
};

export type PortalRefused = Motivation & {
  ground: RefusalGround;
};

/** The term end moved with a new calendar version (the applicant is told the new date). */
export type TermRevised = {
  previousTermEndDate: IsoDate;
  termEndDate: IsoDate;
  serviceTermEndsAt: Instant;
  provisional: boolean;
  calendarVersion: string;
  statusKk: string;
  statusRu: string;
};

export type PortalNotificationKind = (typeof PORTAL_NOTIFICATION_KIND)[number];
export type PortalNotificationMessage = Envelope<
  MessageHeader & { applicationId: string; recipientIin: string },
  {
    ACCEPTED: PortalAccepted;
    INTAKE_REFUSED: PortalIntakeRefused;
    HEARING_NOTICE: PortalHearingNotice;
    READY: PortalReady;
    REFUSED: PortalRefused;
    TERM_REVISED: TermRevised;
  }
>;

// ---------- gov4c.corporation.notifications.v1 ----------

export type PscReceipt = {
  receiptNumber: string;
  acceptedAt: Instant;
  registrationDate: IsoDate;
  serviceTermEndsAt: Instant;
};

export type PscRefusalReceipt = Motivation & {
  receiptNumber: string;
  missingDocuments: ModelPresentedDocument['type'][];
  expiredDocuments: PresentedDocument[];
};

export type PscResultReady = {
  receiptNumber: string;
  resultKind: ResultKind;
  arrivedAt: Instant;
  keepUntil: IsoDate;
};

export type PscReturnToCollegeDue = {
  receiptNumber: string;
  collegeBin: string;
  storageEndedOn: IsoDate;
};

export type PscHearingNotice = Motivation & {
  receiptNumber: string;
  ground: RefusalGround;
  hearingAt: Instant;
  hearingPlaceOrWay: string;
  objectionDeadline: IsoDate;
};

export type PscResultAtCollege = {
  receiptNumber: string;
  resultKind: ResultKind;
  readyAt: Instant;
  collegeBin: string;
  placeAddress: string;
  refusalGround: RefusalGround | null;
  digitalDiplomaPublished: boolean;
  textKk: string;
  textRu: string;
};

export type CorporationNotificationKind = (typeof CORPORATION_NOTIFICATION_KIND)[number];
export type CorporationNotificationMessage = Envelope<
  MessageHeader & { applicationId: string; branchId: string },
  {
    RECEIPT: PscReceipt;
    REFUSAL_RECEIPT: PscRefusalReceipt;
    RESULT_READY_FOR_HANDOVER: PscResultReady;
    RETURN_TO_COLLEGE_DUE: PscReturnToCollegeDue;
    TERM_REVISED: TermRevised;
    HEARING_NOTICE: PscHearingNotice;
    RESULT_AT_COLLEGE: PscResultAtCollege;
  }
>;

// ---------- egov.digital-documents.v1 ----------

export type DigitalDiplomaIssued = MessageHeader & {
  applicationId: string;
  ownerIin: string;
  holder: Person;
  documentKind: RequestedDocumentKind;
  collegeBin: string;
  collegeName: string;
  institutionName: string;
  specialtyName: string;
  graduationYear: number;
  series: string;
  number: string;
  issuedOn: IsoDate;
  isDuplicate: boolean;
};

// ---------- egov.monitoring.stages.v1 ----------

export type MonitoringStage = MessageHeader & {
  applicationId: string;
  stage: StageCode;
  channel: Channel;
  collegeBin: string;
  serviceTermEndsAt: Instant;
  stageDeadline: Instant | null;
  slaStatus: SlaStatus;
  /** Per-application, from 1, gapless (Avro long; safe up to 2^53). */
  sequence: number;
  calendarVersion: string | null;
  deadlinesProvisional: boolean;
  revision: {
    previousServiceTermEndsAt: Instant;
    previousCalendarVersion: string | null;
    termEndChanged: boolean;
  } | null;
};

// ---------- <topic>.dlq ----------

export type DeadLetter = MessageHeader & {
  originalTopic: string;
  partition: number;
  offset: number;
  originalTimestamp: Instant | null;
  originalKey: Buffer | null;
  originalValue: Buffer | null;
  headers: KafkaHeader[];
  schemaId: number | null;
  originalMessageId: string | null;
  errorCode: string;
  errorText: string;
  errorPath: string | null;
  consumerGroup: string;
  attempts: number;
};

// ---------- by topic ----------

/** The value type of each topic. */
export type MessageByTopic = {
  [Topics.portalApplications]: PortalApplicationSubmitted;
  [Topics.corporationApplications]: CorporationApplicationMessage;
  [Topics.identityRequests]: IdentityRequest;
  [Topics.identityResponses]: IdentityResponse;
  [Topics.collegeApplications]: CollegeApplicationRegistered;
  [Topics.collegeDecisions]: CollegeDecisionMessage;
  [Topics.courierOrders]: CourierOrderMessage;
  [Topics.courierEvents]: CourierEventMessage;
  [Topics.portalNotifications]: PortalNotificationMessage;
  [Topics.corporationNotifications]: CorporationNotificationMessage;
  [Topics.digitalDocuments]: DigitalDiplomaIssued;
  [Topics.monitoringStages]: MonitoringStage;
};
