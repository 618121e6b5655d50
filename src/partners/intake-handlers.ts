import type { Knex } from 'knex';
import type { Application, ApplicationCommand } from '../core/application/index.js';
import type { CorporationApplicationMessage, PortalApplicationSubmitted } from '../contract/messages.js';
import type { InboundHandler } from '../pipeline/inbound/handler.js';
import { validateIntake } from '../core/checks/index.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { outboundEnv } from '../pipeline/deps.js';
import { RejectedInputError } from '../pipeline/inbound/rejected-input.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { trackIdentityRequests } from './gateway/track-requests.js';
import { applicationFromPortal, applicationFromPsc } from './map-application.js';

async function run(tx: Knex.Transaction, command: ApplicationCommand, correlationId: string, deps: AdapterDeps): Promise<void> {
  const res = await executeCommand(tx, command, { calendar: deps.calendar }, outboundEnv(deps, correlationId));
  if (!res.ok) throw new RejectedInputError(res.rejection);
  await trackIdentityRequests(tx, res.messages, deps);
  deps.log.info({ applicationId: command.applicationId, command: command.type, events: res.events.map((e) => e.type) }, 'application updated');
}

/**
 * Items 47-53: an application becomes a ReceiveApplication command with the findings of intake
 * validation. Business problems are not DLQ entries: an incomplete package or an expired document
 * is an intake refusal (item 52) decided by the core; only a command the core rejects (e.g. a
 * second application with the same id) is parked.
 */
async function receive(tx: Knex.Transaction, app: Application, correlationId: string, deps: AdapterDeps): Promise<void> {
  await run(tx, { type: 'ReceiveApplication', applicationId: app.applicationId, at: app.submittedAt, application: app, findings: validateIntake(app) }, correlationId, deps);
}

export function portalApplicationHandler(deps: AdapterDeps): InboundHandler {
  return async ({ value, tx }) => {
    const m = value as unknown as PortalApplicationSubmitted;
    await receive(tx, applicationFromPortal(m), m.correlationId, deps);
  };
}

/** The PSC topic: accepted applications (item 50), then hand-over (item 61) and storage events (item 62). */
export function corporationApplicationHandler(deps: AdapterDeps): InboundHandler {
  return async ({ value, tx }) => {
    const m = value as unknown as CorporationApplicationMessage;
    switch (m.kind) {
      case 'APPLICATION_ACCEPTED':
        return receive(tx, applicationFromPsc(m), m.correlationId, deps);
      case 'RESULT_HANDED_OVER': {
        const h = m.resultHandedOver;
        const doc = h.identityDocument.type;
        const identityDocument = doc === 'ORIGINAL_EDUCATION_DOCUMENT' || doc === 'APPLICATION_FORM' ? 'ID_CARD' : doc;
        return run(tx, { type: 'HandOver', applicationId: m.applicationId, at: h.handedOverAt, place: 'PSC', operatorId: h.operatorId, identityDocument }, m.correlationId, deps);
      }
      case 'RESULT_RETURNED_TO_COLLEGE':
        return run(tx, { type: 'ReturnToCollege', applicationId: m.applicationId, at: m.resultReturnedToCollege.returnedAt }, m.correlationId, deps);
      case 'RESULT_RECALL_REQUESTED':
        return run(tx, { type: 'RequestResultBack', applicationId: m.applicationId, at: m.resultRecallRequested.requestedAt, branchId: m.resultRecallRequested.branchId }, m.correlationId, deps);
    }
  };
}
