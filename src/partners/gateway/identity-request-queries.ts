import type { Knex } from 'knex';

export interface IdentityRequestRow {
  requestId: string;
  applicationId: string;
  status: 'WAITING' | 'ANSWERED' | 'FAILED';
  attempts: number;
}

function toRow(r: { request_id: string; application_id: string; status: IdentityRequestRow['status']; attempts: number }): IdentityRequestRow {
  return { requestId: r.request_id, applicationId: r.application_id, status: r.status, attempts: r.attempts };
}

/** A new identity check, first request already queued in the outbox; idempotent on request id. */
export async function insertIdentityRequest(tx: Knex.Transaction, requestId: string, applicationId: string, nextAttemptAt: Date): Promise<void> {
  await tx('identity_requests').insert({ request_id: requestId, application_id: applicationId, status: 'WAITING', attempts: 1, next_attempt_at: nextAttemptAt }).onConflict('request_id').ignore();
}

/** Locks one request row (answers and the scheduler serialise on it). */
export async function selectIdentityRequestForUpdate(tx: Knex.Transaction, requestId: string): Promise<IdentityRequestRow | null> {
  const r = await tx('identity_requests').where({ request_id: requestId }).forUpdate().first();
  return r ? toRow(r) : null;
}

/** Requests whose answer is overdue, locked; rows another instance holds are skipped. */
export async function selectDueIdentityRequests(tx: Knex.Transaction, now: Date, limit: number): Promise<IdentityRequestRow[]> {
  const rows = await tx('identity_requests').where('status', 'WAITING').andWhere('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit).forUpdate().skipLocked();
  return rows.map(toRow);
}

/** One more request sent: count it and set when to ask again. */
export async function updateIdentityRequestAttempt(tx: Knex.Transaction, requestId: string, attempts: number, nextAttemptAt: Date, lastError: string | null): Promise<void> {
  await tx('identity_requests').where({ request_id: requestId }).update({ attempts, next_attempt_at: nextAttemptAt, last_error: lastError });
}

/** The check ended: answered (found) or failed (not found / no answer). */
export async function closeIdentityRequest(tx: Knex.Transaction, requestId: string, status: 'ANSWERED' | 'FAILED', lastError: string | null): Promise<void> {
  await tx('identity_requests').where({ request_id: requestId }).update({ status, answered_at: tx.fn.now(), last_error: lastError });
}

/** Brings the next attempt forward (after a gateway ERROR answer). */
export async function rescheduleIdentityRequest(tx: Knex.Transaction, requestId: string, nextAttemptAt: Date, lastError: string): Promise<void> {
  await tx('identity_requests').where({ request_id: requestId }).update({ next_attempt_at: nextAttemptAt, last_error: lastError });
}
