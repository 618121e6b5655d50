/**
 * The retention DELETEs on real PostgreSQL, through the runtime role. Rows carry written-out
 * timestamps around a fixed cut-off, so nothing depends on today's date.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  pruneDeadLetterPayloads,
  pruneInbox,
  pruneOutboxBatches,
  prunePublishedOutbox,
} from '../../../src/timers/retention-queries.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('retention-queries');
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('inbox').delete();
  await db.runtime('outbox').delete();
  await db.runtime('outbox_batches').delete();
  await db.runtime('dead_letter_payloads').delete();
});

const CUT = new Date('2030-01-10T00:00:00Z');
const BEFORE = '2030-01-09T23:59:59.999Z';
const AFTER = '2030-01-10T00:00:00.001Z';

function inbox(messageId: string, receivedAt: string) {
  return {
    message_id: messageId,
    topic: 'it.egov.portal.applications.v1',
    partition: 0,
    offset: 1,
    received_at: receivedAt,
  };
}

function outbox(key: string, createdAt: string, publishedAt: string | null) {
  return {
    topic: 'egov.monitoring.stages.v1',
    message_key: key,
    value: JSON.stringify({ iin: '080215650019' }),
    created_at: createdAt,
    published_at: publishedAt,
  };
}

describe('pruneInbox', () => {
  it('deletes the entries received before the cut-off and returns how many', async () => {
    await db
      .runtime('inbox')
      .insert([inbox('old-1', BEFORE), inbox('old-2', '2029-06-01T00:00:00Z'), inbox('new-1', AFTER)]);
    expect(await pruneInbox(db.runtime, CUT)).toBe(2);
    expect(await db.runtime('inbox').pluck('message_id')).toEqual(['new-1']);
    expect(await pruneInbox(db.runtime, CUT)).toBe(0);
  });
});

describe('prunePublishedOutbox', () => {
  it('deletes rows published before the cut-off, never an unpublished row however old', async () => {
    await db
      .runtime('outbox')
      .insert([
        outbox('published-old', '2029-01-01T00:00:00Z', BEFORE),
        outbox('published-recently', '2029-01-01T00:00:00Z', AFTER),
        outbox('unpublished-ancient', '2020-01-01T00:00:00Z', null),
      ]);
    expect(await prunePublishedOutbox(db.runtime, CUT)).toBe(1);
    expect((await db.runtime('outbox').pluck('message_key')).sort()).toEqual([
      'published-recently',
      'unpublished-ancient',
    ]);
  });

  it("runs in the caller's transaction: a rollback keeps the rows", async () => {
    await db.runtime('outbox').insert([outbox('published-old', '2029-01-01T00:00:00Z', BEFORE)]);
    await db.runtime
      .transaction(async (tx) => {
        expect(await prunePublishedOutbox(tx, CUT)).toBe(1);
        await tx.rollback();
      })
      .catch(() => undefined);
    expect(await db.runtime('outbox').count<{ n: string }[]>({ n: '*' })).toEqual([{ n: 1 }]);
  });
});

describe('pruneOutboxBatches', () => {
  it('deletes batches created before the cut-off, but never the newest one', async () => {
    await db.runtime('outbox_batches').insert([
      { seq: 1, ids: [1, 2], created_at: '2029-01-01T00:00:00Z' },
      { seq: 2, ids: [3], created_at: BEFORE },
      { seq: 3, ids: [4], created_at: BEFORE },
    ]);
    expect(await pruneOutboxBatches(db.runtime, CUT)).toBe(2);
    expect(await db.runtime('outbox_batches').pluck('seq')).toEqual([3]);
    // The newest stays however old, so the relay's recovery finds it and numbers on after it.
    expect(await pruneOutboxBatches(db.runtime, new Date('2040-01-01T00:00:00Z'))).toBe(0);
  });

  it('keeps recent batches and deletes nothing when there is none', async () => {
    expect(await pruneOutboxBatches(db.runtime, CUT)).toBe(0);
    await db.runtime('outbox_batches').insert([
      { seq: 7, ids: [1], created_at: AFTER },
      { seq: 8, ids: [2], created_at: AFTER },
    ]);
    expect(await pruneOutboxBatches(db.runtime, CUT)).toBe(0);
  });
});

describe('pruneDeadLetterPayloads', () => {
  it('deletes the originals stored before the cut-off and keeps the later ones', async () => {
    const payload = (offset: number, storedAt: string) => ({
      original_topic: 'it.egov.portal.applications.v1',
      partition: 0,
      offset,
      original_key: Buffer.from('k'),
      original_value: Buffer.from('{"iin":"080215650019"}'),
      headers: Buffer.from('[]'),
      stored_at: storedAt,
    });
    await db.runtime('dead_letter_payloads').insert([payload(1, BEFORE), payload(2, AFTER)]);
    expect(await pruneDeadLetterPayloads(db.runtime, CUT)).toBe(1);
    expect(await db.runtime('dead_letter_payloads').pluck('offset')).toEqual([2]);
    expect(await pruneDeadLetterPayloads(db.runtime, CUT)).toBe(0);
  });
});
