import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  countUnpublishedOutbox,
  insertOutboxMessages,
  markOutboxPublished,
  selectPublishableOutbox,
  type OutboxMessage,
  type OutboxRow,
} from '../../../src/pipeline/outbox/outbox-queries.js';
import type { CorporationNotificationMessage, MonitoringStage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { samples } from '../../support/samples.js';
import { eventually, openQueriesDb, type QueriesDb } from './db.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('q-outbox');
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('outbox').del();
});

const stageSample = samples[Topics.monitoringStages][0] as MonitoringStage;
/** A valid monitoring stage keyed (and numbered) by `key`. */
const msg = (key: string): OutboxMessage => ({
  topic: Topics.monitoringStages,
  key,
  value: { ...stageSample, applicationId: key },
});

/** What the relay sees now, in its own short transaction. */
const publishable = (limit = 100): Promise<OutboxRow[]> =>
  db.runtime.transaction((tx) => selectPublishableOutbox(tx, limit));
const keys = (rows: OutboxRow[]) => rows.map((r) => r.key);
const allIds = async (): Promise<number[]> => db.runtime('outbox').orderBy('id').pluck('id');

describe('insertOutboxMessages', () => {
  it('stores topic, key, a nested jsonb value (Kazakh text, nulls) and headers that read back equal', async () => {
    const value = samples[Topics.corporationNotifications][1] as CorporationNotificationMessage;
    await insertOutboxMessages(db.runtime, [
      {
        topic: Topics.corporationNotifications,
        key: 'APP-1',
        value,
        headers: { traceparent: '00-abc-01', 'x-kind': 'RECEIPT' },
      },
    ]);
    const [row] = await publishable();
    expect(row).toEqual({
      id: expect.any(Number),
      topic: Topics.corporationNotifications,
      key: 'APP-1',
      value,
      headers: { traceparent: '00-abc-01', 'x-kind': 'RECEIPT' },
    });
  });

  it("refuses a value that does not match its topic's schema in the transaction that made it (a bug), writing nothing", async () => {
    const bad = { ...msg('BAD'), value: { ...stageSample, sequence: 'one' } } as unknown as OutboxMessage;
    await expect(insertOutboxMessages(db.runtime, [msg('GOOD'), bad])).rejects.toMatchObject({
      code: 'OUTBOX_VALUE_INVALID',
      details: { paths: ['sequence'] },
    });
    expect(await countUnpublishedOutbox(db.runtime)).toBe(0);
  });

  it('defaults headers to an empty object', async () => {
    await insertOutboxMessages(db.runtime, [msg('K')]);
    const [row] = await publishable();
    expect(row?.headers).toEqual({});
  });

  it('stores a whole list in one call, in list order (ascending ids), and does nothing for an empty list', async () => {
    await insertOutboxMessages(db.runtime, []);
    expect(await countUnpublishedOutbox(db.runtime)).toBe(0);
    await insertOutboxMessages(db.runtime, [msg('a'), msg('b'), msg('c')]);
    expect(keys(await publishable())).toEqual(['a', 'b', 'c']);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const tx = await db.runtime.transaction();
    await insertOutboxMessages(tx, [msg('rolled-back')]);
    await tx.rollback();
    expect(await countUnpublishedOutbox(db.runtime)).toBe(0);
  });
});

describe('selectPublishableOutbox', () => {
  it('returns unpublished rows in id order, at most `limit` of them', async () => {
    await insertOutboxMessages(db.runtime, [msg('1')]);
    await insertOutboxMessages(db.runtime, [msg('2'), msg('3')]);
    await insertOutboxMessages(db.runtime, [msg('4')]);
    const all = await publishable();
    expect(keys(all)).toEqual(['1', '2', '3', '4']);
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => a - b));
    expect(keys(await publishable(2))).toEqual(['1', '2']);
  });

  it('leaves out rows already published', async () => {
    await insertOutboxMessages(db.runtime, [msg('1'), msg('2'), msg('3')]);
    const [first, second] = await allIds();
    await markOutboxPublished(db.runtime, [first!, second!]);
    expect(keys(await publishable())).toEqual(['3']);
  });

  it('returns ids as numbers (bigserial parsed), usable by markOutboxPublished', async () => {
    await insertOutboxMessages(db.runtime, [msg('1')]);
    const [row] = await publishable();
    expect(typeof row?.id).toBe('number');
  });

  it('does not return the row of a transaction still open', async () => {
    const open = await db.runtime.transaction();
    try {
      await insertOutboxMessages(open, [msg('open')]);
      expect(keys(await publishable())).toEqual([]);
    } finally {
      await open.commit();
    }
    expect(keys(await eventually(publishable, (r) => r.length === 1))).toEqual(['open']);
  });

  it('does not return a row committed by a later transaction while an earlier one still runs; returns both, in id order, once it commits', async () => {
    await insertOutboxMessages(db.runtime, [msg('before')]);
    const slow = await db.runtime.transaction();
    try {
      // The slow transaction writes first: it takes the smaller id and the older txid.
      await insertOutboxMessages(slow, [msg('slow')]);
      await db.runtime.transaction((fast) => insertOutboxMessages(fast, [msg('fast')]));
      // "fast" is committed and visible, but its txid is newer than the running "slow": selecting it
      // now and "slow" later would publish out of id order or, with an id cursor, skip "slow" forever.
      expect(await db.runtime('outbox').whereNull('published_at').orderBy('id').pluck('message_key')).toEqual([
        'before',
        'fast',
      ]);
      expect(keys(await publishable())).toEqual(['before']);
    } catch (err) {
      await slow.rollback();
      throw err;
    }
    await slow.commit();
    expect(keys(await eventually(publishable, (r) => r.length === 3))).toEqual(['before', 'slow', 'fast']);
  });

  it("after the relay published the early rows, still picks up the slow transaction's smaller id (no id cursor)", async () => {
    const slow = await db.runtime.transaction();
    await insertOutboxMessages(slow, [msg('slow')]);
    await db.runtime.transaction((fast) => insertOutboxMessages(fast, [msg('fast')]));
    await slow.commit();
    const rows = await eventually(publishable, (r) => r.length === 2);
    const fast = rows.find((r) => r.key === 'fast')!;
    const slowRow = rows.find((r) => r.key === 'slow')!;
    expect(slowRow.id).toBeLessThan(fast.id);
    await markOutboxPublished(db.runtime, [fast.id]);
    expect(keys(await publishable())).toEqual(['slow']);
  });
});

describe('markOutboxPublished', () => {
  it('marks exactly the given rows and returns how many it newly marked', async () => {
    await insertOutboxMessages(db.runtime, [msg('1'), msg('2'), msg('3')]);
    const [a, b, c] = await allIds();
    expect(await markOutboxPublished(db.runtime, [a!, c!])).toBe(2);
    const published = await db.runtime('outbox').whereNotNull('published_at').orderBy('id').pluck('id');
    expect(published).toEqual([a, c]);
    expect(await db.runtime('outbox').whereNull('published_at').pluck('id')).toEqual([b]);
  });

  it('is idempotent: a row already marked is not counted again and keeps its first published_at', async () => {
    await insertOutboxMessages(db.runtime, [msg('1'), msg('2')]);
    const [a, b] = await allIds();
    expect(await markOutboxPublished(db.runtime, [a!])).toBe(1);
    const first = await db.runtime('outbox').where({ id: a }).first('published_at');
    await new Promise((r) => setTimeout(r, 20));
    expect(await markOutboxPublished(db.runtime, [a!, b!])).toBe(1);
    expect(await markOutboxPublished(db.runtime, [a!, b!])).toBe(0);
    const again = await db.runtime('outbox').where({ id: a }).first('published_at');
    expect(again.published_at).toEqual(first.published_at);
  });

  it('returns 0 for an empty list and for unknown ids', async () => {
    expect(await markOutboxPublished(db.runtime, [])).toBe(0);
    expect(await markOutboxPublished(db.runtime, [987654321])).toBe(0);
  });
});

describe('countUnpublishedOutbox', () => {
  it('counts rows whose published_at is null, as a number', async () => {
    expect(await countUnpublishedOutbox(db.runtime)).toBe(0);
    await insertOutboxMessages(db.runtime, [msg('1'), msg('2'), msg('3')]);
    expect(await countUnpublishedOutbox(db.runtime)).toBe(3);
    const [a] = await allIds();
    await markOutboxPublished(db.runtime, [a!]);
    expect(await countUnpublishedOutbox(db.runtime)).toBe(2);
  });
});
