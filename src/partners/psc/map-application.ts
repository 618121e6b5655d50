/** The PSC's accepted application (gov4c.corporation.applications.v1, Avro) as the core's Application. */
import type { Application } from '../../core/application/model.js';
import type { CorporationApplicationMessage } from '../../contract/messages.js';
import { formFields, place, presentedDocuments } from '../portal/map-application.js';

type PscAccepted = Extract<CorporationApplicationMessage, { kind: 'APPLICATION_ACCEPTED' }>;

/** A PSC acceptance (Avro) as the core's Application. */
export function applicationFromPsc(m: PscAccepted): Application {
  const a = m.applicationAccepted;
  return {
    applicationId: m.applicationId,
    channel: 'PSC',
    submittedAt: a.acceptedAt,
    ...formFields(a.form),
    presentedDocuments: presentedDocuments(a.presentedDocuments),
    resultPlace: place(a.resultPlace),
    psc: { receiptNumber: a.receiptNumber, branchId: a.branchId, operatorId: a.operatorId },
  };
}
