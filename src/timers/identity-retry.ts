import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { AdapterDeps } from '../pipeline/deps.js';
import { outboundEnv } from '../pipeline/deps.js';
import { Topics } from '../contract/topics.js';
import type { IdentityRequest } from '../contract/messages.js';
import { insertOutboxMessages } from '../pipeline/outbox/outbox-queries.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { selectApplicationForUpdate } from '../pipeline/saga/application-queries.js';
import { identityBackoffMs } from '../partners/gateway/backoff.js';
import { closeIdentityRequest, selectDueIdentityRequests, updateIdentityRequestAttempt } from '../partners/gateway/identity-request-queries.js';

/**
 * Re-asks the gateway when an answer is overdue (exponential backoff with jitter, bounded by
 * identity.maxAttempts); after the last attempt records IDENTITY_FAILED (NO_ANSWER). Durable: the
 * schedule is in identity_requests, so a restart or a gateway outage loses nothing. Several
 * adapter instances share the work (FOR UPDATE SKIP LOCKED).
 */
export async function runIdentityRetries(db: Knex, deps: AdapterDeps, limit = 100): Promise<number> {
  const { identity } = deps.config;
  return db.transaction(async (tx) => {
    const due = await selectDueIdentityRequests(tx, deps.now(), limit);
    for (const req of due) {
      const stored = await selectApplicationForUpdate(tx, req.applicationId);
      const app = stored?.state.application;
      const nowIso = deps.now().toISOString();
      if (!app) {
        await closeIdentityRequest(tx, req.requestId, 'FAILED', 'APPLICATION_MISSING');
        continue;
      }
      const env = outboundEnv(deps, `identity-retry-${req.requestId}`);
      if (req.attempts >= identity.maxAttempts) {
        const res = await executeCommand(tx, { type: 'RecordIdentityFailed', applicationId: req.applicationId, at: nowIso, requestId: req.requestId, reason: 'NO_ANSWER', attempts: req.attempts, detail: `no answer after ${req.attempts} requests` }, { calendar: deps.calendar }, env);
        if (!res.ok) deps.log.warn({ applicationId: req.applicationId, code: res.rejection.code }, 'identity failure not recorded: the application moved on');
        await closeIdentityRequest(tx, req.requestId, 'FAILED', 'NO_ANSWER');
        continue;
      }
      const value: IdentityRequest = {
        messageId: deps.newId(),
        correlationId: env.correlationId,
        occurredAt: nowIso,
        serviceId: identity.serviceId,
        messageDate: nowIso,
        requestId: req.requestId,
        senderId: identity.senderId,
        applicationId: req.applicationId,
        iin: app.applicant.iin,
        replyTopic: env.identity.replyTopic,
      };
      await insertOutboxMessages(tx, [{ topic: Topics.identityRequests, key: req.applicationId, value }]);
      const wait = identity.responseTimeoutMs + identityBackoffMs(req.attempts, { minMs: identity.minBackoffMs, maxMs: identity.maxBackoffMs });
      await updateIdentityRequestAttempt(tx, req.requestId, req.attempts + 1, new Date(deps.now().getTime() + wait), 'no answer in time');
      deps.log.info({ requestId: req.requestId, applicationId: req.applicationId, attempt: req.attempts + 1 }, 'identity request sent again');
    }
    return due.length;
  });
}

/** The scheduler loop: every `pollMs` until stopped. */
export class IdentityRetryScheduler {
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly db: Knex, private readonly deps: AdapterDeps, private readonly pollMs = 500) {}

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          await runIdentityRetries(this.db, this.deps);
        } catch (err) {
          this.deps.log.error({ err }, 'identity retry pass failed; will try again');
        }
        await sleep(this.pollMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}
