import type { Knex } from 'knex';
import { Topics } from '../../contract/topics.js';
import type { OutboxMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { insertIdentityRequest } from './identity-request-queries.js';

/** Every identity request a command queued gets its row, so its answer is awaited and retried. */
export async function trackIdentityRequests(tx: Knex.Transaction, messages: OutboxMessage[], deps: AdapterDeps): Promise<void> {
  for (const m of messages) {
    if (m.topic !== Topics.identityRequests) continue;
    const due = new Date(deps.now().getTime() + deps.config.identity.responseTimeoutMs);
    await insertIdentityRequest(tx, m.value.requestId as string, m.value.applicationId as string, due);
  }
}
