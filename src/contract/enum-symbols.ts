/**
 * Runtime lists of the symbols of every Avro enum in schemas/, keyed by the enum's full name.
 *
 * The enums that mirror the domain model carry a compile-time assertion that the list equals the
 * model's string-literal union (src/core/application/model.ts), so a symbol added to one side and not
 * the other fails `tsc`; the unit tests then check each .avsc enum against these lists. Together
 * they keep the edges a 1:1 mapping. Order matters in Avro (the index is written), so the lists
 * also fix the order of the symbols.
 */
import type {
  Channel,
  DuplicateReason,
  IdentityDocumentType,
  NoticeChannel,
  PresentedDocument,
  RefusalGround,
  Representative,
  RequestedDocumentKind,
  ResultPlace,
  SignatureKind,
  SlaStatus,
  StageCode,
} from '../core/application/model.js';

/** Namespace of every named type of the contract. */
export const CONTRACT_NAMESPACE = 'kz.edu.tvet.duplicate.v1';

/** True when A and B are the same type (both directions of assignability, exactly). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when its argument is `true`. */
const assertType = <T extends true>(): T | undefined => undefined;

export const CHANNEL = ['PORTAL', 'PSC', 'COLLEGE_OFFICE'] as const;
assertType<Equals<(typeof CHANNEL)[number], Channel>>();

export const REQUESTED_DOCUMENT_KIND = [
  'DIPLOMA_WITH_SUPPLEMENT',
  'DIPLOMA_ONLY',
  'SUPPLEMENT_ONLY',
  'INCOMPLETE_STUDIES_CERTIFICATE',
] as const;
assertType<Equals<(typeof REQUESTED_DOCUMENT_KIND)[number], RequestedDocumentKind>>();

export const DUPLICATE_REASON = ['LOST', 'DAMAGED', 'NAME_CHANGED'] as const;
assertType<Equals<(typeof DUPLICATE_REASON)[number], DuplicateReason>>();

export const SIGNATURE_KIND = ['EDS', 'OTP'] as const;
assertType<Equals<(typeof SIGNATURE_KIND)[number], SignatureKind>>();

export const REPRESENTATIVE_RELATION = ['PARENT', 'LEGAL_REPRESENTATIVE'] as const;
assertType<Equals<(typeof REPRESENTATIVE_RELATION)[number], Representative['relation']>>();

export const PRESENTED_DOCUMENT_TYPE = [
  'ID_CARD',
  'PASSPORT',
  'BIRTH_CERTIFICATE',
  'DIGITAL_DOCUMENT',
  'ORIGINAL_EDUCATION_DOCUMENT',
  'APPLICATION_FORM',
] as const;
assertType<Equals<(typeof PRESENTED_DOCUMENT_TYPE)[number], PresentedDocument['type']>>();

export const IDENTITY_DOCUMENT_TYPE = ['ID_CARD', 'PASSPORT', 'BIRTH_CERTIFICATE', 'DIGITAL_DOCUMENT'] as const;
assertType<Equals<(typeof IDENTITY_DOCUMENT_TYPE)[number], IdentityDocumentType>>();

export const RESULT_PLACE_KIND = ['PORTAL', 'PSC', 'COLLEGE_OFFICE'] as const;
assertType<Equals<(typeof RESULT_PLACE_KIND)[number], ResultPlace['kind']>>();

export const REFUSAL_GROUND = ['G1_UNRELIABLE_DATA', 'G2_NONCOMPLIANT_DOCUMENTS', 'G3_NO_CONSENT'] as const;
assertType<Equals<(typeof REFUSAL_GROUND)[number], RefusalGround>>();

export const NOTICE_CHANNEL = [
  'REGISTERED_LETTER',
  'TELEPHONOGRAM',
  'TELEGRAM',
  'SMS',
  'EMAIL',
  'OTHER_RECORDED',
] as const;
assertType<Equals<(typeof NOTICE_CHANNEL)[number], NoticeChannel>>();

export const STAGE_CODE = [
  'SUBMITTED',
  'ACCEPTED',
  'INTAKE_REFUSED',
  'IDENTITY_VERIFIED',
  'IDENTITY_FAILED',
  'REGISTER_DISPATCHED',
  'DELIVERED_TO_COLLEGE',
  'REGISTERED_AT_COLLEGE',
  'PRELIMINARY_REFUSAL',
  'HEARING_HELD',
  'DUPLICATE_ISSUED',
  'REFUSED',
  'DIGITAL_PUBLISHED',
  'RESULT_DISPATCHED',
  'RESULT_READY',
  'HANDED_OVER',
  'RETURNED_TO_COLLEGE',
  'SLA_AT_RISK',
  'SLA_BREACHED',
  'DEADLINES_REVISED',
] as const;
assertType<Equals<(typeof STAGE_CODE)[number], StageCode>>();

export const SLA_STATUS = ['ON_TIME', 'AT_RISK', 'OVERDUE'] as const;
assertType<Equals<(typeof SLA_STATUS)[number], SlaStatus>>();

// Contract-only enums (no counterpart in the domain model).

/** Outcome of the identity lookup (gateway). */
export const IDENTITY_STATUS = ['FOUND', 'NOT_FOUND', 'ERROR'] as const;
/** Why the identity check failed (item 49). */
export const IDENTITY_FAILURE_REASON = ['NOT_FOUND', 'NO_ANSWER'] as const;

/** college.applications.v1: the application, or the end of its identity check after it was sent (item 49). */
export const COLLEGE_APPLICATION_PURPOSE = ['APPLICATION', 'IDENTITY_CHECKED'] as const;
/** E-government gateway delivery status convention. */
export const DELIVERY_STATUS = ['ON_DELIVERY', 'DELIVERED', 'NOT_DELIVERED', 'DELIVERY_STOPPED'] as const;
/** What the college sends to the PSC as the result. */
export const RESULT_KIND = ['DUPLICATE', 'MOTIVATED_REFUSAL'] as const;

// Kinds of the multi-kind topics (see messages.ts for the envelope style).
export const CORPORATION_APPLICATION_KIND = [
  'APPLICATION_ACCEPTED',
  'RESULT_HANDED_OVER',
  'RESULT_RETURNED_TO_COLLEGE',
  'RESULT_RECALL_REQUESTED',
] as const;
export const COLLEGE_DECISION_KIND = [
  'REGISTERED',
  'PRELIMINARY_REFUSAL',
  'HEARING_HELD',
  'DUPLICATE_ISSUED',
  'REFUSED',
  'APPLICATION_RECEIVED_AT_OFFICE',
  'RESULT_HANDED_OVER',
] as const;
export const COURIER_ORDER_KIND = ['REGISTER_DISPATCH', 'RESULT_DISPATCH'] as const;
export const COURIER_EVENT_KIND = ['PICKED_UP', 'DELIVERED'] as const;
export const PORTAL_NOTIFICATION_KIND = [
  'ACCEPTED',
  'INTAKE_REFUSED',
  'HEARING_NOTICE',
  'READY',
  'REFUSED',
  'TERM_REVISED',
] as const;
export const CORPORATION_NOTIFICATION_KIND = [
  'RECEIPT',
  'REFUSAL_RECEIPT',
  'RESULT_READY_FOR_HANDOVER',
  'RETURN_TO_COLLEGE_DUE',
  'TERM_REVISED',
  'HEARING_NOTICE',
  'RESULT_AT_COLLEGE',
] as const;

const full = (name: string): string => `${CONTRACT_NAMESPACE}.${name}`;

/** Expected symbols of every enum of the contract, by full Avro name. */
export const ENUM_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  [full('Channel')]: CHANNEL,
  [full('RequestedDocumentKind')]: REQUESTED_DOCUMENT_KIND,
  [full('DuplicateReason')]: DUPLICATE_REASON,
  [full('SignatureKind')]: SIGNATURE_KIND,
  [full('RepresentativeRelation')]: REPRESENTATIVE_RELATION,
  [full('PresentedDocumentType')]: PRESENTED_DOCUMENT_TYPE,
  [full('IdentityDocumentType')]: IDENTITY_DOCUMENT_TYPE,
  [full('ResultPlaceKind')]: RESULT_PLACE_KIND,
  [full('RefusalGround')]: REFUSAL_GROUND,
  [full('NoticeChannel')]: NOTICE_CHANNEL,
  [full('StageCode')]: STAGE_CODE,
  [full('SlaStatus')]: SLA_STATUS,
  [full('IdentityStatus')]: IDENTITY_STATUS,
  [full('IdentityFailureReason')]: IDENTITY_FAILURE_REASON,
  [full('CollegeApplicationPurpose')]: COLLEGE_APPLICATION_PURPOSE,
  [full('DeliveryStatus')]: DELIVERY_STATUS,
  [full('ResultKind')]: RESULT_KIND,
  [full('CorporationApplicationKind')]: CORPORATION_APPLICATION_KIND,
  [full('CollegeDecisionKind')]: COLLEGE_DECISION_KIND,
  [full('CourierOrderKind')]: COURIER_ORDER_KIND,
  [full('CourierEventKind')]: COURIER_EVENT_KIND,
  [full('PortalNotificationKind')]: PORTAL_NOTIFICATION_KIND,
  [full('CorporationNotificationKind')]: CORPORATION_NOTIFICATION_KIND,
};
