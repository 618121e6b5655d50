/**
 * egov.digital-documents.v1 (items 59-60, R17): the digital duplicate for eGovMobile's "Digital
 * documents", bound to the applicant's IIN (a third party reaches it with a one-time code).
 */
import type { DigitalDiplomaIntent } from '../../core/application/effects/index.js';
import type { Application } from '../../core/application/model.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';

export function buildDigitalDiploma(
  intent: DigitalDiplomaIntent,
  app: Application,
  meta: OutboundMeta,
): TopicMessage<typeof Topics.digitalDocuments> {
  const a = app.applicant;
  return {
    topic: Topics.digitalDocuments,
    key: app.applicationId,
    value: {
      ...meta.header,
      applicationId: app.applicationId,
      ownerIin: a.iin,
      holder: {
        iin: a.iin,
        surname: a.surname,
        name: a.name,
        patronymic: a.patronymic ?? null,
        phone: a.phone ?? null,
        email: a.email ?? null,
      },
      documentKind: intent.documentKind,
      collegeBin: app.collegeBin,
      collegeName: app.collegeName,
      institutionName: app.institutionName,
      specialtyName: app.specialtyName,
      graduationYear: app.graduationYear,
      series: intent.series,
      number: intent.number,
      issuedOn: intent.issuedOn,
      isDuplicate: true,
    },
  };
}
