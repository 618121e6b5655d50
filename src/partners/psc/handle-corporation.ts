/**
 * gov4c.corporation.applications.v1: accepted applications (item 50), then the hand-over to the
 * applicant (item 61) and the storage events (item 62), each mapped to its command.
 */
import type { ApplicationCommand } from '../../core/application/index.js';
import type { CorporationApplicationMessage } from '../../contract/messages.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { causeOf, type InboundHandler } from '../../pipeline/inbound/handler.js';
import { runInboundCommand } from '../../pipeline/saga/run-command.js';
import { applicationFromPsc } from './map-application.js';

export function commandOfCorporation(m: CorporationApplicationMessage): ApplicationCommand {
  switch (m.kind) {
    case 'APPLICATION_ACCEPTED': {
      const application = applicationFromPsc(m);
      return {
        type: 'ReceiveApplication',
        applicationId: application.applicationId,
        at: application.submittedAt,
        application,
      };
    }
    case 'RESULT_HANDED_OVER': {
      const h = m.resultHandedOver;
      // The document as presented: the core refuses one that does not identify a person (item 61).
      const identityDocument = h.identityDocument.type;
      return {
        type: 'HandOver',
        applicationId: m.applicationId,
        at: h.handedOverAt,
        place: 'PSC',
        operatorId: h.operatorId,
        identityDocument,
      };
    }
    case 'RESULT_RETURNED_TO_COLLEGE':
      return { type: 'ReturnToCollege', applicationId: m.applicationId, at: m.resultReturnedToCollege.returnedAt };
    case 'RESULT_RECALL_REQUESTED':
      return {
        type: 'RequestResultBack',
        applicationId: m.applicationId,
        at: m.resultRecallRequested.requestedAt,
        branchId: m.resultRecallRequested.branchId,
      };
  }
}

export function corporationApplicationHandler(deps: AdapterDeps): InboundHandler {
  return async (m) => {
    const msg = m.value as unknown as CorporationApplicationMessage;
    await runInboundCommand(m.work, commandOfCorporation(msg), deps, causeOf(m), msg.correlationId);
  };
}
