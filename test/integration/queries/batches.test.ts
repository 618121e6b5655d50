import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertOutboxBatch,
  selectNextBatchSeq,
  selectOutboxBatchIds,
} from '../../../src/pipeline/outbox/batch-queries.js';
import { openQueriesDb, type QueriesDb } from './db.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('q-batches');
});
afterAll(() => db.close());

describe('outbox batches', () => {
  describe('selectNextBatchSeq', () => {
    it('is 1 when no batch was ever recorded', async () => {
      expect(await selectNextBatchSeq(db.runtime)).toBe(1);
    });

    it('is one more than the highest recorded seq (a number, not a string), whatever the insertion order', async () => {
      await insertOutboxBatch(db.runtime, 1, [1, 2]);
      expect(await selectNextBatchSeq(db.runtime)).toBe(2);
      await insertOutboxBatch(db.runtime, 9, [7]);
      await insertOutboxBatch(db.runtime, 4, [5]);
      const next = await selectNextBatchSeq(db.runtime);
      expect(next).toBe(10);
      expect(typeof next).toBe('number');
    });

    it('sees the batch recorded in the same transaction', async () => {
      await db.runtime.transaction(async (tx) => {
        const seq = await selectNextBatchSeq(tx);
        await insertOutboxBatch(tx, seq, [42]);
        expect(await selectNextBatchSeq(tx)).toBe(seq + 1);
      });
    });
  });

  describe('insertOutboxBatch / selectOutboxBatchIds', () => {
    it('round-trip the ids of a batch, in order, as numbers', async () => {
      await insertOutboxBatch(db.runtime, 100, [31, 5, 2 ** 40]);
      const ids = await selectOutboxBatchIds(db.runtime, 100);
      expect(ids).toEqual([31, 5, 2 ** 40]);
      expect(ids!.every((i) => typeof i === 'number')).toBe(true);
    });

    it('keeps an empty batch as an empty list (not null)', async () => {
      await insertOutboxBatch(db.runtime, 101, []);
      expect(await selectOutboxBatchIds(db.runtime, 101)).toEqual([]);
    });

    it('returns null for a seq never recorded', async () => {
      expect(await selectOutboxBatchIds(db.runtime, 999_999)).toBeNull();
    });

    it('refuses to record the same seq twice (a second relay cannot overwrite a batch)', async () => {
      await insertOutboxBatch(db.runtime, 200, [1]);
      await expect(insertOutboxBatch(db.runtime, 200, [2])).rejects.toThrow(/duplicate key|unique/);
      expect(await selectOutboxBatchIds(db.runtime, 200)).toEqual([1]);
    });
  });
});
