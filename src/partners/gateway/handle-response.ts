import { AppError } from '../../platform/errors/app-error.js';
import type { IdentityResponse } from '../../contract/messages.js';
import type { InboundHandler } from '../../pipeline/inbound/handler.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { outboundEnv } from '../../pipeline/deps.js';
import { RejectedInputError } from '../../pipeline/inbound/rejected-input.js';
import { executeCommand } from '../../pipeline/saga/execute-command.js';
import { selectApplicationForUpdate } from '../../pipeline/saga/application-queries.js';
import { identityBackoffMs } from './backoff.js';
import { comparePerson } from '../../core/checks/compare-person.js';
import { closeIdentityRequest, rescheduleIdentityRequest, selectIdentityRequestForUpdate } from './identity-request-queries.js';

/**
 * Answers from the e-government gateway (item 49), matched by request id. FOUND: compared with the
 * application, verified with findings for the college. NOT_FOUND: IDENTITY_FAILED. ERROR: asked
 * again after a backoff (the scheduler). A duplicate or late answer for a closed request is
 * dropped with a log line; an answer to a request we never sent goes to the DLQ.
 */
export function identityResponseHandler(deps: AdapterDeps): InboundHandler {
  return async ({ value, tx }) => {
    const r = value as unknown as IdentityResponse;
    const req = await selectIdentityRequestForUpdate(tx, r.requestId);
    if (!req) {
      throw new AppError('IDENTITY_RESPONSE_UNKNOWN_REQUEST', `No identity request ${r.requestId} was sent by this adapter. Check the gateway's routing (replyTopic) or the topic prefix.`, { requestId: r.requestId });
    }
    if (req.status !== 'WAITING') {
      deps.log.info({ requestId: r.requestId, applicationId: req.applicationId, status: r.status, requestStatus: req.status }, 'late or duplicate identity answer dropped');
      return;
    }
    const env = outboundEnv(deps, r.correlationId);
    const at = r.occurredAt;
    if (r.status === 'ERROR') {
      const next = new Date(deps.now().getTime() + identityBackoffMs(req.attempts, { minMs: deps.config.identity.minBackoffMs, maxMs: deps.config.identity.maxBackoffMs }));
      await rescheduleIdentityRequest(tx, r.requestId, next, `${r.errorCode ?? 'ERROR'}: ${r.errorMessage ?? ''}`.slice(0, 500));
      deps.log.warn({ requestId: r.requestId, applicationId: req.applicationId, errorCode: r.errorCode, attempts: req.attempts }, 'gateway answered with an error; will ask again');
      return;
    }
    if (r.status === 'NOT_FOUND' || !r.person) {
      const res = await executeCommand(tx, { type: 'RecordIdentityFailed', applicationId: req.applicationId, at, requestId: r.requestId, reason: 'NOT_FOUND', attempts: req.attempts }, { calendar: deps.calendar }, env);
      if (!res.ok) throw new RejectedInputError(res.rejection);
      await closeIdentityRequest(tx, r.requestId, 'FAILED', 'NOT_FOUND');
      return;
    }
    const stored = await selectApplicationForUpdate(tx, req.applicationId);
    const app = stored?.state.application;
    if (!app) throw new AppError('UNKNOWN_APPLICATION', `Identity answer ${r.requestId} names application ${req.applicationId}, which is not stored.`, { requestId: r.requestId });
    const findings = comparePerson(app, r.person, app.submittedAt.slice(0, 10));
    const res = await executeCommand(tx, { type: 'RecordIdentityVerified', applicationId: req.applicationId, at, requestId: r.requestId, findings }, { calendar: deps.calendar }, env);
    if (!res.ok) throw new RejectedInputError(res.rejection);
    await closeIdentityRequest(tx, r.requestId, 'ANSWERED', null);
  };
}
