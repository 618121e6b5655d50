import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { encodeState, type ApplicationState } from '../../../src/core/application/index.js';
import { evolve } from '../../../src/core/application/index.js';
import {
  countApplicationsToRevise,
  insertApplications,
  lockApplicationSkipLocked,
  markCalendarVersion,
  selectApplicationForUpdate,
  selectApplicationsForUpdate,
  selectApplicationIdsToRevise,
  selectOpenApplicationIds,
  updateApplications,
} from '../../../src/pipeline/saga/application-queries.js';
import { openQueriesDb, stillPendingAfter, type QueriesDb } from './db.js';
import { portalReady, portalReceived, portalRegistered, pscAccepted, pscHandedOver, pscRefused } from './states.js';

let db: QueriesDb;
beforeAll(async () => {
  db = await openQueriesDb('q-applications');
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('applications').del();
});

const FAR = new Date('2100-01-01T00:00:00Z');
const insert = (state: ApplicationState, stageSeq = 1) =>
  db.runtime.transaction((tx) => insertApplications(tx, [{ state: state, stageSeq: stageSeq }]));
const load = (id: string) => db.runtime.transaction((tx) => selectApplicationForUpdate(tx, id));
/** The read-side columns, dates as text (no local-zone Date parsing). */
const columnsOf = async (id: string) => {
  const { rows } = await db.runtime.raw(
    `SELECT channel, college_bin, status, version, stage_seq, registration_date::text AS registration_date, term_end_date::text AS term_end_date,
            term_ends_at, created_at, updated_at
       FROM applications WHERE application_id = ?`,
    [id],
  );
  return rows[0];
};

describe('insertApplication', () => {
  it('stores the encoded state and the read-side columns taken from it', async () => {
    const state = pscAccepted('GOV4C-1');
    expect(state.phase).toBe('AWAITING_REGISTER_DISPATCH');
    await insert(state, 2);
    const row = await columnsOf('GOV4C-1');
    expect(row).toMatchObject({
      channel: 'PSC',
      college_bin: '040740005191',
      status: 'AWAITING_REGISTER_DISPATCH',
      version: state.version,
      stage_seq: 2,
      registration_date: state.deadlines!.registrationDate,
      term_end_date: '2026-04-27',
    });
    expect((row.term_ends_at as Date).toISOString()).toBe('2026-04-27T18:59:59.999Z');
    const stored = await db.runtime('applications').where({ application_id: 'GOV4C-1' }).first('state');
    expect(stored.state).toEqual(JSON.parse(encodeState(state)));
  });

  it('stores an intake-refused application with its phase as status and the deadlines it was given', async () => {
    const state = pscRefused('GOV4C-R');
    expect(state.phase).toBe('INTAKE_REFUSED');
    await insert(state, 1);
    expect(await columnsOf('GOV4C-R')).toMatchObject({
      status: 'INTAKE_REFUSED',
      registration_date: state.deadlines?.registrationDate ?? null,
      term_end_date: state.deadlines?.termEndDate ?? null,
    });
  });

  it('refuses a second row for the same application id', async () => {
    await insert(portalReceived('EGOV-1'));
    await expect(insert(portalReceived('EGOV-1'))).rejects.toThrow(/duplicate key/);
  });
});

describe('selectApplicationForUpdate', () => {
  it('returns the state exactly as inserted (encodeState/decodeState round trip) and the stage sequence', async () => {
    const state = portalRegistered();
    expect(state.phase).toBe('UNDER_REVIEW');
    await insert(state, 3);
    const loaded = await load(state.applicationId!);
    expect(loaded).toEqual({ state, stageSeq: 3 });
  });

  it('returns a closed, long history intact (PSC application handed over)', async () => {
    const state = pscHandedOver();
    expect(state.phase).toBe('HANDED_OVER');
    await insert(state, 9);
    expect(await load(state.applicationId!)).toEqual({ state, stageSeq: 9 });
  });

  it('returns null for an unknown application', async () => {
    await insert(portalReceived('EGOV-1'));
    expect(await load('EGOV-UNKNOWN')).toBeNull();
  });

  it('locks the row: a second FOR UPDATE waits until the first transaction commits, then reads the committed state', async () => {
    const before = portalReceived('APP-1');
    await insert(before, 1);
    const after = portalRegistered();
    expect(after.applicationId).toBe('APP-1');

    const first = await db.runtime.transaction();
    let second: Knex.Transaction | null = null;
    try {
      expect((await selectApplicationForUpdate(first, 'APP-1'))?.stageSeq).toBe(1);
      second = await db.runtime.transaction();
      const waiting = selectApplicationForUpdate(second, 'APP-1');
      expect(await stillPendingAfter(waiting, 300)).toBe(true);
      await updateApplications(first, [{ state: after, stageSeq: 3 }]);
      await first.commit();
      // Had it not waited, it would have read the old row (stage_seq 1, AWAITING_REGISTRATION).
      expect(await waiting).toEqual({ state: after, stageSeq: 3 });
    } finally {
      if (!first.isCompleted()) await first.rollback();
      if (second && !second.isCompleted()) await second.rollback();
    }
  });

  it("does not block on another application's row", async () => {
    await insert(portalReceived('EGOV-A'));
    await insert(portalReceived('EGOV-B'));
    const first = await db.runtime.transaction();
    try {
      await selectApplicationForUpdate(first, 'EGOV-A');
      const other = load('EGOV-B');
      expect(await stillPendingAfter(other, 2_000)).toBe(false);
      expect((await other)?.state.applicationId).toBe('EGOV-B');
    } finally {
      await first.rollback();
    }
  });
});

describe('updateApplication', () => {
  it('replaces the state and every read-side column of that application only, and moves updated_at', async () => {
    await insert(portalReceived('APP-1'), 1);
    const untouched = portalReceived('EGOV-OTHER', '08');
    await insert(untouched, 1);
    const rowBefore = await columnsOf('APP-1');
    const otherBefore = await columnsOf('EGOV-OTHER');
    await new Promise((r) => setTimeout(r, 20));

    const after = portalRegistered();
    await db.runtime.transaction((tx) => updateApplications(tx, [{ state: after, stageSeq: 3 }]));

    const row = await columnsOf('APP-1');
    expect(row).toMatchObject({
      status: 'UNDER_REVIEW',
      version: after.version,
      stage_seq: 3,
      term_end_date: '2026-04-27',
    });
    expect(after.version).toBeGreaterThan(1);
    expect(row.created_at).toEqual(rowBefore.created_at);
    expect((row.updated_at as Date).getTime()).toBeGreaterThan((rowBefore.updated_at as Date).getTime());
    expect(await load('APP-1')).toEqual({ state: after, stageSeq: 3 });
    expect(await columnsOf('EGOV-OTHER')).toEqual(otherBefore);
  });

  it('writes nothing for an application without a row (no upsert)', async () => {
    await db.runtime.transaction((tx) => updateApplications(tx, [{ state: portalRegistered(), stageSeq: 3 }]));
    expect(await load('APP-1')).toBeNull();
  });
});

describe('selectApplicationsForUpdate and updateApplications (a batch at once)', () => {
  it('loads the applications it has, in one statement, and leaves out the ids it has not', async () => {
    await insert(portalReceived('EGOV-B'), 4);
    await insert(portalReceived('EGOV-A'), 2);
    const found = await db.runtime.transaction((tx) =>
      selectApplicationsForUpdate(tx, ['EGOV-B', 'EGOV-MISSING', 'EGOV-A', 'EGOV-B']),
    );
    expect([...found.keys()]).toEqual(['EGOV-A', 'EGOV-B']);
    expect(found.get('EGOV-B')).toEqual({ state: portalReceived('EGOV-B'), stageSeq: 4 });
    expect((await db.runtime.transaction((tx) => selectApplicationsForUpdate(tx, []))).size).toBe(0);
  });

  it('locks every row it read: another transaction waits for any one of them', async () => {
    await insert(portalReceived('EGOV-A'));
    await insert(portalReceived('EGOV-B'));
    const first = await db.runtime.transaction();
    try {
      await selectApplicationsForUpdate(first, ['EGOV-A', 'EGOV-B']);
      const waiting = load('EGOV-B');
      expect(await stillPendingAfter(waiting, 300)).toBe(true);
      await first.commit();
      expect((await waiting)?.state.applicationId).toBe('EGOV-B');
    } finally {
      if (!first.isCompleted()) await first.rollback();
    }
  });

  it('writes the new state of several applications in one statement, each its own', async () => {
    await insert(portalReceived('APP-1'), 1);
    await insert(pscAccepted('GOV4C-1'), 1);
    await insert(portalReceived('EGOV-OTHER', '08'), 1);
    const otherBefore = await columnsOf('EGOV-OTHER');
    const registered = portalRegistered();
    const accepted = pscAccepted('GOV4C-1');
    await db.runtime.transaction((tx) =>
      updateApplications(tx, [
        { state: registered, stageSeq: 5 },
        { state: accepted, stageSeq: 7 },
      ]),
    );
    expect(await load('APP-1')).toEqual({ state: registered, stageSeq: 5 });
    expect(await load('GOV4C-1')).toEqual({ state: accepted, stageSeq: 7 });
    expect(await columnsOf('APP-1')).toMatchObject({
      status: 'UNDER_REVIEW',
      stage_seq: 5,
      term_end_date: '2026-04-27',
    });
    expect(await columnsOf('GOV4C-1')).toMatchObject({ status: 'AWAITING_REGISTER_DISPATCH', stage_seq: 7 });
    expect(await columnsOf('EGOV-OTHER')).toEqual(otherBefore);
  });
});

describe('selectOpenApplicationIds', () => {
  it('lists applications of open phases by term end, oldest first, leaving out intake-refused and handed-over ones', async () => {
    await insert(portalReceived('EGOV-LATE', '10'));
    await insert(pscRefused('GOV4C-REFUSED'));
    await insert(pscHandedOver());
    await insert(pscAccepted('GOV4C-EARLY', '01'));
    await insert(portalReceived('EGOV-MID', '06'));
    expect(await selectOpenApplicationIds(db.runtime, FAR, 10)).toEqual(['GOV4C-EARLY', 'EGOV-MID', 'EGOV-LATE']);
  });

  it('returns at most `limit` ids, the nearest terms first', async () => {
    await insert(portalReceived('EGOV-LATE', '10'));
    await insert(pscAccepted('GOV4C-EARLY', '01'));
    await insert(portalReceived('EGOV-MID', '06'));
    expect(await selectOpenApplicationIds(db.runtime, FAR, 2)).toEqual(['GOV4C-EARLY', 'EGOV-MID']);
  });

  it('leaves out terms ending at or after the bound', async () => {
    await insert(pscAccepted('GOV4C-EARLY', '01'));
    await insert(portalReceived('EGOV-MID', '06'));
    const mid = (await columnsOf('EGOV-MID')).term_ends_at as Date;
    expect(await selectOpenApplicationIds(db.runtime, new Date(mid), 10)).toEqual(['GOV4C-EARLY']);
    expect(await selectOpenApplicationIds(db.runtime, new Date(new Date(mid).getTime() + 1), 10)).toEqual([
      'GOV4C-EARLY',
      'EGOV-MID',
    ]);
  });

  it('drops an application once its breach was reported, so it never crowds out newer ones', async () => {
    const late = portalReceived('EGOV-BREACHED', '01');
    const breached = evolve(late, {
      type: 'SlaBreached',
      applicationId: 'EGOV-BREACHED',
      at: '2026-06-01T10:00:00.000+05:00',
      termEndsAt: late.deadlines!.termEndsAt,
      stageDeadline: late.deadlines!.termEndsAt,
    });
    await insert(breached);
    await insert(portalReceived('EGOV-MID', '06'));
    expect(await selectOpenApplicationIds(db.runtime, FAR, 10)).toEqual(['EGOV-MID']);
  });

  it('is empty when every application is closed', async () => {
    await insert(pscRefused('GOV4C-REFUSED'));
    await insert(pscHandedOver());
    expect(await selectOpenApplicationIds(db.runtime, FAR, 10)).toEqual([]);
  });
});

describe('selectApplicationIdsToRevise and markCalendarVersion', () => {
  const V = '2027-05-06T12:00:00/aaaaaaaaaaaa';
  it('selects the open applications not on the version, in id order, and skips closed and current ones', async () => {
    await insert(portalReceived('REV-B'));
    await insert(pscAccepted('REV-A'));
    await insert(pscRefused('REV-CLOSED'));
    await insert(pscHandedOver());
    await insert(portalReceived('REV-ON-V'));
    await db.runtime.transaction((tx) => markCalendarVersion(tx, 'REV-ON-V', V));
    expect(await selectApplicationIdsToRevise(db.runtime, V, '', 10)).toEqual(['REV-A', 'REV-B']);
    expect(await selectApplicationIdsToRevise(db.runtime, V, '', 1)).toEqual(['REV-A']);
  });

  it('starts after the cursor id, so a run passes each application once', async () => {
    await insert(pscAccepted('REV-A'));
    await insert(portalReceived('REV-B'));
    await insert(portalReceived('REV-C'));
    expect(await selectApplicationIdsToRevise(db.runtime, V, 'REV-A', 10)).toEqual(['REV-B', 'REV-C']);
    expect(await selectApplicationIdsToRevise(db.runtime, V, 'REV-C', 10)).toEqual([]);
  });

  it('locks nothing: a row another transaction holds is listed', async () => {
    await insert(portalReceived('REV-1'));
    const held = await db.runtime.transaction();
    try {
      await selectApplicationForUpdate(held, 'REV-1');
      const listed = selectApplicationIdsToRevise(db.runtime, V, '', 10);
      expect(await stillPendingAfter(listed, 2_000)).toBe(false);
      expect(await listed).toEqual(['REV-1']);
    } finally {
      await held.rollback();
    }
  });

  it('leaves out, and does not count, applications whose result is at its place (the term met, item 63)', async () => {
    await insert(portalReceived('REV-OPEN'));
    const ready = portalReady('REV-READY');
    expect(ready.phase).toBe('READY');
    await insert(ready);
    const row = await db.runtime('applications').where({ application_id: 'REV-READY' }).first('term_met_at');
    expect((row.term_met_at as Date).toISOString()).toBe(new Date(ready.result!.firstReadyAt!).toISOString());
    expect(await selectApplicationIdsToRevise(db.runtime, V, '', 10)).toEqual(['REV-OPEN']);
    expect(await countApplicationsToRevise(db.runtime, V)).toBe(1);
    // A term met on an update (the row was open before) drops out too.
    const open = portalRegistered();
    await insert(open);
    expect(await countApplicationsToRevise(db.runtime, V)).toBe(2);
    await db.runtime.transaction((tx) => updateApplications(tx, [{ state: portalReady(), stageSeq: 2 }]));
    expect(await countApplicationsToRevise(db.runtime, V)).toBe(1);
  });

  it("stores the state's calendar version in the column on insert", async () => {
    const state = portalReceived('REV-COL');
    await insert(state);
    const row = await db.runtime('applications').where({ application_id: 'REV-COL' }).first('calendar_version');
    expect(row.calendar_version).toBe(state.calendar!.calendarVersion);
  });
});

describe('lockApplicationSkipLocked', () => {
  it('locks a free row for the transaction (true), and skips one another transaction holds (false, never waits)', async () => {
    await insert(portalReceived('REV-1'));
    await insert(portalReceived('REV-2'));
    const first = await db.runtime.transaction();
    try {
      expect(await lockApplicationSkipLocked(first, 'REV-1')).toBe(true);
      const second = db.runtime.transaction((tx) => lockApplicationSkipLocked(tx, 'REV-1'));
      expect(await stillPendingAfter(second, 2_000)).toBe(false);
      expect(await second).toBe(false);
      expect(await db.runtime.transaction((tx) => lockApplicationSkipLocked(tx, 'REV-2'))).toBe(true);
    } finally {
      await first.rollback();
    }
    expect(await db.runtime.transaction((tx) => lockApplicationSkipLocked(tx, 'REV-1'))).toBe(true);
  });

  it('is false for an application without a row', async () => {
    expect(await db.runtime.transaction((tx) => lockApplicationSkipLocked(tx, 'REV-NONE'))).toBe(false);
  });
});
