/**
 * egov.portal.applications.v1 (items 47-53): a portal application becomes ReceiveApplication; the
 * core checks it and decides acceptance or refusal (item 52) itself. Only a command the core
 * rejects (e.g. a second application with the same id) is parked.
 */
import type { PortalApplicationSubmitted } from '../../contract/messages.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { causeOf, type InboundHandler } from '../../pipeline/inbound/handler.js';
import { runInboundCommand } from '../../pipeline/saga/run-command.js';
import { applicationFromPortal } from './map-application.js';

export function portalApplicationHandler(deps: AdapterDeps): InboundHandler {
  return async (m) => {
    const msg = m.value as unknown as PortalApplicationSubmitted;
    const application = applicationFromPortal(msg);
    await runInboundCommand(
      m.work,
      {
        type: 'ReceiveApplication',
        applicationId: application.applicationId,
        at: application.submittedAt,
        application,
      },
      deps,
      causeOf(m),
      msg.correlationId,
    );
  };
}
