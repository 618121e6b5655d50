import type { Knex } from 'knex';
import type { AdapterDeps } from '../pipeline/deps.js';
import { sagaStep } from '../pipeline/deps.js';
import { RejectedInputError } from '../pipeline/inbound/rejected-input.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';

/**
 * An operator asks the gateway again for an application whose identity check failed (gateway
 * outage over, data corrected). Runs the core's RetryIdentityCheck: a new request id, a new
 * request through the outbox with its timer, and the IDENTITY_* stage that follows its answer.
 * Returns the new request id.
 */
export async function retryIdentityCheck(
  db: Knex,
  deps: AdapterDeps,
  applicationId: string,
  operatorId: string,
): Promise<string> {
  return db.transaction(async (tx) => {
    const step = sagaStep(
      deps,
      { kind: 'operator', command: 'identity-retry', operatorId },
      `operator-retry-${applicationId}`,
    );
    const res = await executeCommand(
      tx,
      { type: 'RetryIdentityCheck', applicationId, at: deps.now().toISOString(), operatorId },
      step,
    );
    if (!res.ok) throw RejectedInputError.of(res.rejection);
    const requestId = res.after.identity!.requestId!;
    deps.log.info({ applicationId, requestId, operatorId }, 'identity check retried by an operator');
    return requestId;
  });
}
