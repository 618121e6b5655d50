import type { Knex } from 'knex';
import { AppError } from '../platform/errors/app-error.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { outboundEnv } from '../pipeline/deps.js';
import { RejectedInputError } from '../pipeline/inbound/rejected-input.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { selectApplicationForUpdate } from '../pipeline/saga/application-queries.js';
import { identityRequestId } from '../pipeline/saga/outbound.js';
import { trackIdentityRequests } from '../partners/gateway/track-requests.js';

/**
 * An operator asks the gateway again for an application whose identity check failed (gateway
 * outage over, data corrected). Runs the core's RetryIdentityCheck: a new request id, a new
 * request through the outbox, and the IDENTITY_* stage that follows its answer.
 */
export async function retryIdentityCheck(db: Knex, deps: AdapterDeps, applicationId: string, operatorId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const stored = await selectApplicationForUpdate(tx, applicationId);
    if (!stored) throw new AppError('UNKNOWN_APPLICATION', `Application ${applicationId} is not stored; check the id (it is the Kafka key of its messages).`, { applicationId });
    const requestId = identityRequestId(applicationId, (stored.state.identity?.retries ?? 0) + 2);
    const res = await executeCommand(
      tx,
      { type: 'RetryIdentityCheck', applicationId, at: deps.now().toISOString(), operatorId, requestId },
      { calendar: deps.calendar },
      outboundEnv(deps, `operator-retry-${requestId}`),
    );
    if (!res.ok) throw new RejectedInputError(res.rejection);
    await trackIdentityRequests(tx, res.messages, deps);
    deps.log.info({ applicationId, requestId, operatorId }, 'identity check retried by an operator');
    return requestId;
  });
}
