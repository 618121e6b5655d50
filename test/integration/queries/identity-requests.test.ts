import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import {
  closeIdentityRequest,
  insertIdentityRequest,
  rescheduleIdentityRequest,
  selectDueIdentityRequests,
  selectIdentityRequestForUpdate,
  updateIdentityRequestAttempt,
} from '../../../src/partners/gateway/identity-request-queries.js';
import { insertApplication } from '../../../src/pipeline/saga/application-queries.js';
import { openQueriesDb, stillPendingAfter, type QueriesDb } from './db.js';
import { portalReceived, pscAccepted } from './states.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('q-identity-requests');
  // identity_requests.application_id references applications.
  await db.runtime.transaction(async (tx) => {
    await insertApplication(tx, portalReceived('EGOV-1'), 1);
    await insertApplication(tx, pscAccepted('GOV4C-2'), 2);
  });
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('identity_requests').del();
});

const T0 = new Date('2026-04-06T05:00:00.000Z');
const plus = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const inTx = <T>(f: (tx: Knex.Transaction) => Promise<T>) => db.runtime.transaction(f);
const rowOf = async (requestId: string) => db.runtime('identity_requests').where({ request_id: requestId }).first();
const due = (now: Date, limit = 100) => inTx((tx) => selectDueIdentityRequests(tx, now, limit));

describe('insertIdentityRequest', () => {
  it('creates a WAITING request with one attempt, due at the given time, not answered', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(30)));
    const row = await rowOf('idr-EGOV-1-1');
    expect(row).toMatchObject({ application_id: 'EGOV-1', status: 'WAITING', attempts: 1, last_error: null, answered_at: null });
    expect((row.next_attempt_at as Date).toISOString()).toBe(plus(30).toISOString());
  });

  it('is idempotent on the request id: a redelivery changes nothing (neither the time nor the attempts)', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(30)));
    await inTx((tx) => updateIdentityRequestAttempt(tx, 'idr-EGOV-1-1', 2, plus(90), 'no answer'));
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(5)));
    const rows = await db.runtime('identity_requests').where({ request_id: 'idr-EGOV-1-1' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 2, last_error: 'no answer' });
    expect((rows[0].next_attempt_at as Date).toISOString()).toBe(plus(90).toISOString());
  });

  it('refuses a request for an application without a row (foreign key)', async () => {
    await expect(inTx((tx) => insertIdentityRequest(tx, 'idr-NOPE-1', 'NOPE', plus(30)))).rejects.toThrow(/foreign key/);
  });
});

describe('selectIdentityRequestForUpdate', () => {
  it('returns the request as a row object, or null for an unknown id', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-GOV4C-2-1', 'GOV4C-2', plus(30)));
    expect(await inTx((tx) => selectIdentityRequestForUpdate(tx, 'idr-GOV4C-2-1'))).toEqual({
      requestId: 'idr-GOV4C-2-1',
      applicationId: 'GOV4C-2',
      status: 'WAITING',
      attempts: 1,
    });
    expect(await inTx((tx) => selectIdentityRequestForUpdate(tx, 'idr-unknown'))).toBeNull();
  });

  it('locks the row: an answer and the scheduler serialise (the second waits, then sees the first one\'s change)', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(30)));
    const first = await db.runtime.transaction();
    const second = await db.runtime.transaction();
    try {
      await selectIdentityRequestForUpdate(first, 'idr-EGOV-1-1');
      const waiting = selectIdentityRequestForUpdate(second, 'idr-EGOV-1-1');
      expect(await stillPendingAfter(waiting, 300)).toBe(true);
      await closeIdentityRequest(first, 'idr-EGOV-1-1', 'ANSWERED', null);
      await first.commit();
      expect(await waiting).toMatchObject({ status: 'ANSWERED' });
    } finally {
      if (!first.isCompleted()) await first.rollback();
      await second.rollback();
    }
  });
});

describe('selectDueIdentityRequests', () => {
  beforeEach(async () => {
    await inTx(async (tx) => {
      await insertIdentityRequest(tx, 'due-late', 'EGOV-1', plus(20));
      await insertIdentityRequest(tx, 'due-early', 'GOV4C-2', plus(10));
      await insertIdentityRequest(tx, 'due-exactly-now', 'EGOV-1', plus(60));
      await insertIdentityRequest(tx, 'not-yet', 'EGOV-1', plus(61));
      await insertIdentityRequest(tx, 'answered', 'EGOV-1', plus(0));
      await insertIdentityRequest(tx, 'failed', 'GOV4C-2', plus(0));
      await closeIdentityRequest(tx, 'answered', 'ANSWERED', null);
      await closeIdentityRequest(tx, 'failed', 'FAILED', 'NOT_FOUND');
    });
  });

  it('returns only WAITING requests due at or before now, earliest first', async () => {
    const rows = await due(plus(60));
    expect(rows.map((r) => r.requestId)).toEqual(['due-early', 'due-late', 'due-exactly-now']);
    expect(rows[0]).toEqual({ requestId: 'due-early', applicationId: 'GOV4C-2', status: 'WAITING', attempts: 1 });
  });

  it('returns nothing before the earliest due time', async () => {
    expect(await due(plus(9))).toEqual([]);
  });

  it('returns at most `limit`, the earliest ones', async () => {
    expect((await due(plus(60), 2)).map((r) => r.requestId)).toEqual(['due-early', 'due-late']);
  });

  it('skips rows another open transaction holds (a second scheduler instance gets the others, without waiting)', async () => {
    const instanceA = await db.runtime.transaction();
    try {
      const taken = await selectDueIdentityRequests(instanceA, plus(60), 1);
      expect(taken.map((r) => r.requestId)).toEqual(['due-early']);
      const other = due(plus(60));
      expect(await stillPendingAfter(other, 2_000)).toBe(false);
      expect((await other).map((r) => r.requestId)).toEqual(['due-late', 'due-exactly-now']);
    } finally {
      await instanceA.rollback();
    }
    expect((await due(plus(60))).map((r) => r.requestId)).toEqual(['due-early', 'due-late', 'due-exactly-now']);
  });

  it('also skips a row locked by an answer being processed (selectIdentityRequestForUpdate)', async () => {
    const answer = await db.runtime.transaction();
    try {
      await selectIdentityRequestForUpdate(answer, 'due-late');
      expect((await due(plus(60))).map((r) => r.requestId)).toEqual(['due-early', 'due-exactly-now']);
    } finally {
      await answer.rollback();
    }
  });
});

describe('updateIdentityRequestAttempt', () => {
  it('sets the attempt count, the next time and the last error of that request only; it stays WAITING', async () => {
    await inTx(async (tx) => {
      await insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(30));
      await insertIdentityRequest(tx, 'idr-GOV4C-2-1', 'GOV4C-2', plus(30));
    });
    await inTx((tx) => updateIdentityRequestAttempt(tx, 'idr-EGOV-1-1', 3, plus(240), 'gateway did not answer within 30 s'));
    const row = await rowOf('idr-EGOV-1-1');
    expect(row).toMatchObject({ status: 'WAITING', attempts: 3, last_error: 'gateway did not answer within 30 s', answered_at: null });
    expect((row.next_attempt_at as Date).toISOString()).toBe(plus(240).toISOString());
    const other = await rowOf('idr-GOV4C-2-1');
    expect(other).toMatchObject({ attempts: 1, last_error: null });
    expect((other.next_attempt_at as Date).toISOString()).toBe(plus(30).toISOString());
  });

  it('can clear the last error', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(30)));
    await inTx((tx) => updateIdentityRequestAttempt(tx, 'idr-EGOV-1-1', 2, plus(60), 'x'));
    await inTx((tx) => updateIdentityRequestAttempt(tx, 'idr-EGOV-1-1', 3, plus(120), null));
    expect(await rowOf('idr-EGOV-1-1')).toMatchObject({ attempts: 3, last_error: null });
  });
});

describe('closeIdentityRequest', () => {
  it('ANSWERED: sets the status, answered_at and last error; leaves attempts and next_attempt_at; the request is no longer due', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(30)));
    await inTx((tx) => updateIdentityRequestAttempt(tx, 'idr-EGOV-1-1', 2, plus(60), 'no answer'));
    await inTx((tx) => closeIdentityRequest(tx, 'idr-EGOV-1-1', 'ANSWERED', null));
    const row = await rowOf('idr-EGOV-1-1');
    expect(row).toMatchObject({ status: 'ANSWERED', attempts: 2, last_error: null });
    expect(row.answered_at).toBeInstanceOf(Date);
    expect((row.next_attempt_at as Date).toISOString()).toBe(plus(60).toISOString());
    expect(await due(plus(3600))).toEqual([]);
  });

  it('FAILED: keeps the reason as last error', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-GOV4C-2-1', 'GOV4C-2', plus(30)));
    await inTx((tx) => closeIdentityRequest(tx, 'idr-GOV4C-2-1', 'FAILED', 'NOT_FOUND'));
    expect(await rowOf('idr-GOV4C-2-1')).toMatchObject({ status: 'FAILED', attempts: 1, last_error: 'NOT_FOUND' });
  });
});

describe('rescheduleIdentityRequest', () => {
  it('brings the next attempt forward and records the error; attempts and status unchanged', async () => {
    await inTx((tx) => insertIdentityRequest(tx, 'idr-EGOV-1-1', 'EGOV-1', plus(300)));
    expect(await due(plus(10))).toEqual([]);
    await inTx((tx) => rescheduleIdentityRequest(tx, 'idr-EGOV-1-1', plus(5), 'SHEP-503'));
    const row = await rowOf('idr-EGOV-1-1');
    expect(row).toMatchObject({ status: 'WAITING', attempts: 1, last_error: 'SHEP-503', answered_at: null });
    expect((row.next_attempt_at as Date).toISOString()).toBe(plus(5).toISOString());
    expect((await due(plus(10))).map((r) => r.requestId)).toEqual(['idr-EGOV-1-1']);
  });
});
