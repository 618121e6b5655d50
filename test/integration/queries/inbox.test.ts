import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  messageDigest,
  recordInboxEntries,
  recordInboxEntry,
  selectInboxEntries,
  selectInboxEntry,
} from '../../../src/pipeline/inbox/record-inbox-entry.js';
import { openQueriesDb, type QueriesDb } from './db.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('q-inbox');
});
afterAll(() => db.close());

const entry = (messageId: string, offset = '41') => ({
  messageId,
  topic: 'it.college.decisions.v1',
  partition: 2,
  offset,
});

describe('recordInboxEntry', () => {
  it('returns true the first time a messageId is seen and stores where it came from', async () => {
    expect(await recordInboxEntry(db.runtime, entry('m-1', '9007199254740993'))).toBe(true);
    const row = await db.runtime('inbox').where({ message_id: 'm-1' }).first();
    expect(row).toMatchObject({ topic: 'it.college.decisions.v1', partition: 2 });
    // A bigint offset beyond 2^53 is stored exactly (compared as text in SQL, not through a JS number).
    const { rows } = await db.runtime.raw(`SELECT "offset"::text AS o FROM inbox WHERE message_id = 'm-1'`);
    expect(rows[0].o).toBe('9007199254740993');
  });

  it('returns false on a redelivery of the same messageId, even from another offset, and keeps the first row', async () => {
    expect(await recordInboxEntry(db.runtime, entry('m-2', '10'))).toBe(true);
    expect(await recordInboxEntry(db.runtime, entry('m-2', '11'))).toBe(false);
    expect(await recordInboxEntry(db.runtime, entry('m-2', '10'))).toBe(false);
    const rows = await db.runtime('inbox').where({ message_id: 'm-2' });
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].offset)).toBe(10);
  });

  it('treats other messageIds independently', async () => {
    expect(await recordInboxEntry(db.runtime, entry('m-3'))).toBe(true);
    expect(await recordInboxEntry(db.runtime, entry('m-4'))).toBe(true);
    expect(await recordInboxEntry(db.runtime, entry('m-3'))).toBe(false);
    expect(await recordInboxEntry(db.runtime, entry('m-5'))).toBe(true);
  });

  it('inside a transaction that rolls back, records nothing: the message is seen as new again', async () => {
    const tx = await db.runtime.transaction();
    expect(await recordInboxEntry(tx, entry('m-6'))).toBe(true);
    await tx.rollback();
    expect(await recordInboxEntry(db.runtime, entry('m-6'))).toBe(true);
  });

  it('keeps the digest of the first consumption; a row without one (from before digests) reads as null', async () => {
    const digest = messageDigest('it.college.decisions.v1', Buffer.from([0, 0, 0, 0, 1, 2]));
    expect(await recordInboxEntry(db.runtime, { ...entry('m-7'), digest })).toBe(true);
    const other = messageDigest('it.college.decisions.v1', Buffer.from([0, 0, 0, 0, 1, 3]));
    expect(await recordInboxEntry(db.runtime, { ...entry('m-7', '42'), digest: other })).toBe(false);
    expect(await selectInboxEntry(db.runtime, 'm-7')).toEqual({ ...entry('m-7'), digest });
    expect(digest.equals(other)).toBe(false);
    expect(messageDigest('other.topic', Buffer.from([0, 0, 0, 0, 1, 2])).equals(digest)).toBe(false);
    expect((await selectInboxEntry(db.runtime, 'm-3')).digest).toBeNull();
  });
});

describe('recordInboxEntries and selectInboxEntries (a batch at once)', () => {
  it('records the new messageIds of a batch in one statement and reports only those as new', async () => {
    expect(await recordInboxEntry(db.runtime, entry('b-seen', '3'))).toBe(true);
    const digest = messageDigest('it.college.decisions.v1', Buffer.from([0, 0, 0, 0, 1, 9]));
    const fresh = await recordInboxEntries(db.runtime, [
      { ...entry('b-1', '50'), digest },
      entry('b-seen', '51'),
      entry('b-2', '52'),
    ]);
    expect([...fresh].sort()).toEqual(['b-1', 'b-2']);
    expect(await selectInboxEntry(db.runtime, 'b-1')).toEqual({ ...entry('b-1', '50'), digest });
    expect((await selectInboxEntry(db.runtime, 'b-seen')).offset).toBe('3');
    expect(await recordInboxEntries(db.runtime, [])).toEqual(new Set());
  });

  it('reads the first consumption of each id it has, and leaves out the ids it has not', async () => {
    const digest = messageDigest('it.college.decisions.v1', Buffer.from([0, 0, 0, 0, 2, 9]));
    await recordInboxEntries(db.runtime, [{ ...entry('c-1', '60'), digest }, entry('c-2', '61')]);
    const found = await selectInboxEntries(db.runtime, ['c-1', 'c-2', 'c-missing']);
    expect([...found.keys()].sort()).toEqual(['c-1', 'c-2']);
    expect(found.get('c-1')).toEqual({ ...entry('c-1', '60'), digest });
    expect(found.get('c-2')!.digest).toBeNull();
    expect((await selectInboxEntries(db.runtime, [])).size).toBe(0);
  });

  it('inside a transaction that rolls back, records none of the batch', async () => {
    const tx = await db.runtime.transaction();
    expect((await recordInboxEntries(tx, [entry('d-1'), entry('d-2')])).size).toBe(2);
    await tx.rollback();
    expect((await selectInboxEntries(db.runtime, ['d-1', 'd-2'])).size).toBe(0);
  });
});
