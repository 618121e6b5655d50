/**
 * college.applications.v1 (key: college BIN): the application for the college, once: a portal
 * one when its identity check is over (with the person, or with why the check failed), an office
 * one at once (with the office's receipt), a PSC one when its register is delivered (items 49, 54,
 * 57); and IDENTITY_CHECKED when a check still running at the sending ends.
 */
import type { Application } from '../../core/application/model.js';
import type { CollegeApplicationIntent } from '../../core/application/effects/index.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';
import { documentsOf, formOf, identityOf, resultPlaceOf } from './form-of.js';

export function buildCollegeApplication(
  intent: CollegeApplicationIntent,
  app: Application,
  meta: OutboundMeta,
): TopicMessage<typeof Topics.collegeApplications> {
  const r = intent.officeReceipt;
  return {
    topic: Topics.collegeApplications,
    key: app.collegeBin,
    value: {
      ...meta.header,
      applicationId: app.applicationId,
      collegeBin: app.collegeBin,
      registerNumber: intent.registerNumber,
      dispatchRegisterId: intent.dispatchRegisterId,
      channel: app.channel,
      submittedAt: app.submittedAt,
      registrationDate: intent.registrationDate,
      serviceTermEndsAt: intent.serviceTermEndsAt,
      form: formOf(app),
      presentedDocuments: documentsOf(app),
      resultPlace: resultPlaceOf(app),
      signature: app.signature ?? null,
      psc: app.psc ?? null,
      identity: intent.identity ? identityOf(intent.identity) : null,
      officeReceipt: r
        ? {
            receiptNumber: r.receiptNumber,
            acceptedAt: r.acceptedAt,
            resultDueOn: r.resultDueOn,
            textKk: r.text.kk,
            textRu: r.text.ru,
          }
        : null,
      identityFailure: intent.identityFailure ? { ...intent.identityFailure } : null,
      purpose: intent.purpose,
    },
  };
}
