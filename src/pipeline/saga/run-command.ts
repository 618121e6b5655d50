import type { ApplicationCommand } from '../../core/application/index.js';
import type { AdapterDeps } from '../deps.js';
import { sagaStep } from '../deps.js';
import { RejectedInputError } from '../inbound/rejected-input.js';
import type { EventCause } from './event-log-queries.js';
import { executeInWork, type Executed } from './execute-command.js';
import type { SagaWork } from './saga-work.js';

/**
 * A command from an inbound message: executed in the batch's unit of work; a rejection by the core
 * is a RejectedInputError (the consumer parks the message with the core's code).
 */
export async function runInboundCommand(
  work: SagaWork,
  command: ApplicationCommand,
  deps: AdapterDeps,
  cause: EventCause,
  correlationId: string,
): Promise<Executed> {
  // The core refuses a submission stamped after its arrival: the edge says when that was.
  const received =
    command.type === 'ReceiveApplication' ? { ...command, receivedAt: deps.now().toISOString() } : command;
  const res = await executeInWork(work, received, sagaStep(deps, cause, correlationId));
  if (!res.ok) throw RejectedInputError.of(res.rejection);
  deps.log.info(
    { applicationId: command.applicationId, command: command.type, events: res.events.map((e) => e.type) },
    res.events.length > 0 ? 'application updated' : 'nothing to change (a duplicate or late message)',
  );
  return res;
}
