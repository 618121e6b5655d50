/**
 * The calendar follows the law while the adapter runs (real Kafka, registry, PostgreSQL):
 * applications filed under a provisional 2027; a new 2027.json (Kurban Ait announced for Monday
 * 17 May instead of the expected Sunday 16 May) dropped into the calendar directory is picked up
 * by the file watch; exactly the open applications whose deadlines it moves get one
 * DEADLINES_REVISED stage each (and their TERM_REVISED notice), none twice after a restart, none
 * for a closed application, with two adapter instances watching the same directory. The adapter's clock is
 * pinned to 6 May 2027 for this file.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../../src/local/demo/applications.js';
import { startAdapter, type RunningAdapter } from '../../../src/adapter/adapter.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { SHIPPED_CALENDAR_DIR } from '../../support/calendar.js';
import { captureLog as capturedLog, waitFor } from '../timers/support.js';

let h: Harness;
let second: RunningAdapter | null = null;
const dir = mkdtempSync(join(tmpdir(), 'calendar-'));
cpSync(SHIPPED_CALENDAR_DIR, dir, { recursive: true });

beforeAll(async () => {
  h = await harness('calrev', {
    CALENDAR_DIR: dir,
    CLOCK_START_AT: '2027-05-06T09:00:00+05:00',
    CLOCK_ANCHOR_AT: new Date().toISOString(),
    // No gateway answers are awaited here: the identity requests stay pending.
    IDENTITY_RESPONSE_TIMEOUT_MS: '600000',
  });
  await h.startAdapter();
});
afterAll(async () => {
  await second?.stop();
  await h?.stop();
});

const waitUntil = (what: string, p: () => boolean) => waitFor(what, () => (p() ? true : undefined), 30_000);
const stages = () => h.reader.on(h.topic(Topics.monitoringStages)).map((m) => m.value as unknown as MonitoringStage);
const stagesOf = (id: string) => stages().filter((s) => s.applicationId === id);
const revisionsOf = (id: string) => stagesOf(id).filter((s) => s.stage === 'DEADLINES_REVISED');

describe('a calendar version loaded while the adapter runs', () => {
  it('revises exactly the open applications whose deadlines move, once each, also after a restart', async () => {
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const person = (i: number) => eligiblePerson(seed, size, i, '2027-05-06').person;
    const affected = [
      portalApplication(person(1), { submittedAt: '2027-05-05T10:00:00+05:00' }),
      portalApplication(person(2), { submittedAt: '2027-05-06T08:30:00+05:00' }),
    ];
    // Filed on 1 April: its term ends on 22 April, before Kurban Ait.
    const untouched = portalApplication(person(3), { submittedAt: '2027-04-01T10:00:00+05:00' });
    // Refused at intake at the PSC (an expired identity document): closed, never revised.
    const closed = pscApplication(person(4), { acceptedAt: '2027-05-05T11:00:00+05:00', expiredDocument: true });
    for (const m of [...affected, untouched]) await h.send(Topics.portalApplications, m.applicationId, m);
    await h.send(Topics.corporationApplications, closed.applicationId, closed);
    await h.reader.until(
      () => [...affected, untouched, closed].every((m) => stagesOf(m.applicationId).length >= 1),
      30_000,
      'the intake stages',
    );
    const before = affected.map((m) => stagesOf(m.applicationId)[0]!);
    for (const s of before) {
      expect(s.deadlinesProvisional).toBe(true);
      expect(s.calendarVersion).toBe(h.adapter!.calendars.current().version.id);
    }
    expect(stagesOf(closed.applicationId).map((s) => s.stage)).toEqual(['INTAKE_REFUSED']);

    // A second instance of the adapter on the same database and group: both see the new file.
    second = await startAdapter(h.config, h.log);
    const y2027 = JSON.parse(readFileSync(join(dir, '2027.json'), 'utf8'));
    writeFileSync(
      join(dir, '2027.json'),
      JSON.stringify({
        ...y2027,
        status: 'official',
        publishedAt: '2027-05-06T12:00:00+05:00',
        pending: [],
        publishedMovedDaysOff: undefined,
        kurbanAit: {
          date: '2027-05-17',
          basis: 'ANNOUNCED',
          source: 'test: Spiritual Administration of Muslims, 17 May 2027',
        },
      }),
    );
    const termNotices = (applicationId: string) =>
      h.reader
        .on(h.topic(Topics.portalNotifications))
        .filter((n) => n.value.applicationId === applicationId && n.value.kind === 'TERM_REVISED');
    // The stage and the notice of a revision leave in one transaction, but are read topic by topic.
    await h.reader.until(
      () => affected.every((m) => revisionsOf(m.applicationId).length >= 1 && termNotices(m.applicationId).length >= 1),
      30_000,
      'the revisions and their notices',
    );
    const version = h.adapter!.calendars.current().version;
    expect(version.publishedAt).toBe('2027-05-06T12:00:00+05:00');
    await h.adapter!.revisionsSettled();
    await second.revisionsSettled();
    expect(second.calendars.current().version.id).toBe(version.id);
    await second.stop();
    second = null;

    for (const [i, m] of affected.entries()) {
      const [rev] = revisionsOf(m.applicationId);
      expect(rev).toMatchObject({
        calendarVersion: version.id,
        deadlinesProvisional: false,
        revision: { termEndChanged: true, previousCalendarVersion: before[i]!.calendarVersion },
      });
      // One working day more: the term ends a day later than before.
      expect(Date.parse(rev!.serviceTermEndsAt)).toBeGreaterThan(Date.parse(before[i]!.serviceTermEndsAt));
      expect(rev!.sequence).toBe(stagesOf(m.applicationId).length);
      expect(termNotices(m.applicationId)).toHaveLength(1);
    }
    expect(revisionsOf(untouched.applicationId)).toEqual([]);
    expect(revisionsOf(closed.applicationId)).toEqual([]);
    const rows = await h.adapter!.db('applications').select('application_id', 'calendar_version', 'status');
    for (const r of rows) {
      if (r.status === 'INTAKE_REFUSED') expect(r.calendar_version).not.toBe(version.id);
      else expect(r.calendar_version).toBe(version.id);
    }

    // A stale instance restarts with the old files (its directory was not updated) while the up-to-date
    // one is down: it asks for a revision on its old version, takes the job itself, and takes no
    // application back to it (the old version is older than the one they rest on).
    await h.adapter!.stop();
    const staleDir = mkdtempSync(join(tmpdir(), 'calendar-stale-'));
    cpSync(SHIPPED_CALENDAR_DIR, staleDir, { recursive: true });
    const staleLog = capturedLog();
    const stale = await startAdapter(
      { ...h.config, calendar: { ...h.config.calendar, dir: staleDir, watch: false } },
      staleLog.log,
    );
    try {
      expect(stale.calendars.current().version.id).toBe(before[0]!.calendarVersion);
      await waitUntil('the stale revision job', () => staleLog.lines().some((l) => l.code === 'DEADLINES_REVISION'));
      expect(staleLog.lines().find((l) => l.code === 'DEADLINES_REVISION')).toMatchObject({
        version: before[0]!.calendarVersion,
        revised: 0,
      });
      for (const m of affected) {
        const row = await stale.db('applications').where({ application_id: m.applicationId }).first('calendar_version');
        expect(row.calendar_version).toBe(version.id);
      }
      await stale.relay.drained();
    } finally {
      await stale.stop();
    }

    // A restart reads the same version: nothing is revised again.
    await h.startAdapter();
    await h.adapter!.revisionsSettled();
    const probe = portalApplication(person(5), { submittedAt: '2027-05-06T08:45:00+05:00' });
    await h.send(Topics.portalApplications, probe.applicationId, probe);
    await h.reader.until(() => stagesOf(probe.applicationId).length >= 1, 30_000, 'a probe after the restart');
    for (const m of affected) expect(revisionsOf(m.applicationId)).toHaveLength(1);
    expect(stages().filter((s) => s.stage === 'DEADLINES_REVISED')).toHaveLength(2);
    expect(stagesOf(probe.applicationId)[0]).toMatchObject({
      calendarVersion: version.id,
      deadlinesProvisional: false,
    });
  });

  it('refuses an invalid file and keeps the version in use', async () => {
    const inUse = h.adapter!.calendars.current().version.id;
    writeFileSync(join(dir, '2028.json'), JSON.stringify({ year: 2028, status: 'official', transfers: [] }));
    expect(h.adapter!.reloadCalendar()).toBe(false);
    expect(h.adapter!.calendars.current().version.id).toBe(inUse);
  });
});
