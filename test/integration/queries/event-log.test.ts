import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evolve, initialState } from '../../../src/core/application/index.js';
import { appendEvents, selectEvents, type EventCause } from '../../../src/pipeline/saga/event-log-queries.js';
import { at, cmd, history, portalApp } from '../../unit/application/fixtures.js';
import { openQueriesDb, type QueriesDb } from './db.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('q-events');
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('application_events').del();
});

const cause: EventCause = {
  kind: 'message',
  topic: 'it.egov.portal.applications.v1',
  partition: 2,
  offset: '17',
  messageId: 'm-1',
};
const events = history(cmd.receive(portalApp()), cmd.identityOk(at('06', '10:05')), cmd.register(at('06', '11:00')));

describe('appendEvents and selectEvents', () => {
  it('stores every event with its seq, type, instant and cause, and reads them back in order, equal', async () => {
    await db.runtime.transaction((tx) => appendEvents(tx, 'APP-1', 1, events.slice(0, 1), cause));
    await db.runtime.transaction((tx) =>
      appendEvents(tx, 'APP-1', 2, events.slice(1), { kind: 'timer', task: 'identity-overdue', key: 'k' }),
    );
    const stored = await selectEvents(db.runtime, 'APP-1');
    expect(stored.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(stored.map((e) => e.event)).toEqual(events);
    expect(stored[0]!.cause).toEqual(cause);
    expect(stored[1]!.cause).toEqual({ kind: 'timer', task: 'identity-overdue', key: 'k' });
    const { rows } = await db.runtime.raw(
      `SELECT type, at FROM application_events WHERE application_id = 'APP-1' ORDER BY seq`,
    );
    expect(rows.map((r: { type: string }) => r.type)).toEqual(events.map((e) => e.type));
    expect((rows[0] as { at: Date }).at.getTime()).toBe(Date.parse(events[0]!.at));
  });

  it('folds back into the state the events made (the state is a cache of the log)', async () => {
    await db.runtime.transaction((tx) => appendEvents(tx, 'APP-1', 1, events, cause));
    const folded = (await selectEvents(db.runtime, 'APP-1')).map((e) => e.event).reduce(evolve, initialState);
    expect(folded).toEqual(events.reduce(evolve, initialState));
  });

  it('refuses a second event with the same seq (two writers of one application cannot both append)', async () => {
    await db.runtime.transaction((tx) => appendEvents(tx, 'APP-1', 1, events.slice(0, 1), cause));
    await expect(
      db.runtime.transaction((tx) => appendEvents(tx, 'APP-1', 1, events.slice(1, 2), cause)),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('writes nothing for no events and nothing when the transaction rolls back', async () => {
    await db.runtime.transaction((tx) => appendEvents(tx, 'APP-1', 1, [], cause));
    const tx = await db.runtime.transaction();
    await appendEvents(tx, 'APP-1', 1, events, cause);
    await tx.rollback();
    expect(await selectEvents(db.runtime, 'APP-1')).toEqual([]);
  });
});
