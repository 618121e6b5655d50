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
    await db.runtime.transaction((tx) =>
      appendEvents(tx, [{ applicationId: 'APP-1', firstSeq: 1, events: events.slice(0, 1), cause: cause }]),
    );
    await db.runtime.transaction((tx) =>
      appendEvents(tx, [
        {
          applicationId: 'APP-1',
          firstSeq: 2,
          events: events.slice(1),
          cause: { kind: 'timer', task: 'identity-overdue', key: 'k' },
        },
      ]),
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
    await db.runtime.transaction((tx) =>
      appendEvents(tx, [{ applicationId: 'APP-1', firstSeq: 1, events: events, cause: cause }]),
    );
    const folded = (await selectEvents(db.runtime, 'APP-1')).map((e) => e.event).reduce(evolve, initialState);
    expect(folded).toEqual(events.reduce(evolve, initialState));
  });

  it('refuses a second event with the same seq (two writers of one application cannot both append)', async () => {
    await db.runtime.transaction((tx) =>
      appendEvents(tx, [{ applicationId: 'APP-1', firstSeq: 1, events: events.slice(0, 1), cause: cause }]),
    );
    await expect(
      db.runtime.transaction((tx) =>
        appendEvents(tx, [{ applicationId: 'APP-1', firstSeq: 1, events: events.slice(1, 2), cause: cause }]),
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('writes nothing for no events and nothing when the transaction rolls back', async () => {
    await db.runtime.transaction((tx) =>
      appendEvents(tx, [{ applicationId: 'APP-1', firstSeq: 1, events: [], cause: cause }]),
    );
    const tx = await db.runtime.transaction();
    await appendEvents(tx, [{ applicationId: 'APP-1', firstSeq: 1, events: events, cause: cause }]);
    await tx.rollback();
    expect(await selectEvents(db.runtime, 'APP-1')).toEqual([]);
  });

  it('appends the events of several applications in one statement', async () => {
    await db.runtime.transaction((tx) =>
      appendEvents(tx, [
        { applicationId: 'APP-1', firstSeq: 1, events: events.slice(0, 2), cause },
        { applicationId: 'APP-2', firstSeq: 4, events: events.slice(2), cause },
      ]),
    );
    expect((await selectEvents(db.runtime, 'APP-1')).map((e) => [e.seq, e.event])).toEqual([
      [1, events[0]],
      [2, events[1]],
    ]);
    expect((await selectEvents(db.runtime, 'APP-2')).map((e) => [e.seq, e.event])).toEqual([[4, events[2]]]);
  });
});
