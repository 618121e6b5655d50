/**
 * college.decisions.v1: what the college's system reports, each kind mapped to its command:
 * registration (item 57), preliminary refusal and hearing, duplicate issued, refusal (item 58),
 * and an application received at the college office (R1). The core checks each against the
 * application (unknown, closed, wrong phase, another college, a second decision): a rejection is
 * parked on the DLQ with its code, nothing half-applied.
 */
import { almatyDate } from '../../core/calendar/index.js';
import type { Application, ApplicationCommand } from '../../core/application/index.js';
import type { CollegeDecisionMessage, CollegeOfficeApplication } from '../../contract/messages.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { causeOf, type InboundHandler } from '../../pipeline/inbound/handler.js';
import { runInboundCommand } from '../../pipeline/saga/run-command.js';
import { formFields, place, presentedDocuments } from '../portal/map-application.js';

/** An application received at the college office (R1), as the core's Application. */
export function applicationFromOffice(applicationId: string, o: CollegeOfficeApplication): Application {
  return {
    applicationId,
    channel: 'COLLEGE_OFFICE',
    submittedAt: o.receivedAt,
    ...formFields(o.form),
    presentedDocuments: presentedDocuments(o.presentedDocuments),
    resultPlace: place(o.resultPlace),
  };
}

export function commandOfDecision(m: CollegeDecisionMessage): ApplicationCommand {
  const base = { applicationId: m.applicationId, collegeBin: m.collegeBin };
  switch (m.kind) {
    case 'REGISTERED':
      return {
        ...base,
        type: 'RegisterAtCollege',
        at: m.registered.registeredAt,
        registrationNumber: m.registered.registrationNumber,
      };
    case 'PRELIMINARY_REFUSAL': {
      const p = m.preliminaryRefusal;
      return {
        ...base,
        type: 'IssuePreliminaryRefusal',
        at: p.noticeSentAt,
        ground: p.ground,
        motivation: { kk: p.motivationKk, ru: p.motivationRu },
        hearing: { at: p.hearingAt, venue: { kind: 'PLACE', address: p.hearingPlaceOrWay } },
        noticeChannel: p.noticeChannel,
      };
    }
    case 'HEARING_HELD': {
      const h = m.hearingHeld;
      // No summary (null or blank) is passed as null: the core records its default, not an empty text.
      const summary = h.objectionSummary?.trim() ? h.objectionSummary : null;
      const objection = h.objectionFiled
        ? { receivedOn: almatyDate(h.objectionReceivedAt ?? h.heldAt), summary }
        : null;
      return { ...base, type: 'HoldHearing', at: h.heldAt, objection };
    }
    case 'DUPLICATE_ISSUED': {
      const d = m.duplicateIssued;
      return {
        ...base,
        type: 'IssueDuplicate',
        at: m.occurredAt,
        series: d.series,
        number: d.number,
        issuedOn: d.issuedOn,
      };
    }
    case 'REFUSED': {
      const r = m.refused;
      return {
        ...base,
        type: 'RefuseApplication',
        at: m.occurredAt,
        ground: r.ground,
        motivation: { kk: r.motivationKk, ru: r.motivationRu },
      };
    }
    case 'APPLICATION_RECEIVED_AT_OFFICE': {
      const application = applicationFromOffice(m.applicationId, m.applicationReceivedAtOffice);
      return {
        type: 'ReceiveApplication',
        applicationId: m.applicationId,
        at: application.submittedAt,
        application,
        collegeBin: m.collegeBin,
      };
    }
    case 'RESULT_HANDED_OVER': {
      const h = m.resultHandedOver;
      return {
        ...base,
        type: 'HandOver',
        at: h.handedOverAt,
        place: 'COLLEGE_OFFICE',
        operatorId: h.officerId,
        identityDocument: h.identityDocument.type,
      };
    }
  }
}

export function collegeDecisionHandler(deps: AdapterDeps): InboundHandler {
  return async (m) => {
    const msg = m.value as unknown as CollegeDecisionMessage;
    await runInboundCommand(m.work, commandOfDecision(msg), deps, causeOf(m), msg.correlationId);
  };
}
