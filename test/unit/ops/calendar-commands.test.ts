/**
 * The operator's calendar commands: `showCalendarYear` on the shipped calendar, and
 * `checkCalendarFile` on temp copies of config/calendar with candidate files beside them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCalendarFile, showCalendarYear } from '../../../src/ops/calendar-commands.js';
import { SHIPPED_CALENDAR_DIR, shippedCalendar, shippedStatute } from '../../support/calendar.js';

const SRC = 'ДУМК announcement of 10 November 2026 (test)';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'calendar-ops-'));
  dirs.push(d);
  return d;
}

function shippedCopy(): string {
  const d = tempDir();
  cpSync(SHIPPED_CALENDAR_DIR, d, { recursive: true });
  return d;
}

function shipped2027(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SHIPPED_CALENDAR_DIR, '2027.json'), 'utf8')) as Record<string, unknown>;
}

/** Writes a candidate file in a directory of its own (it keeps the name it will be deployed under). */
function candidate(name: string, data: unknown): string {
  const path = join(tempDir(), name);
  writeFileSync(path, typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

describe('showCalendarYear', () => {
  const cal = shippedCalendar();

  it('shows a provisional year with its sources, pending decisions, notes and every day off', () => {
    const text = showCalendarYear(cal, 2027);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Calendar 2027: provisional (year file)');
    expect(text).toContain(`Calendar version: ${cal.version.id}, published ${cal.version.publishedAt}`);
    expect(text).toContain('Year data published: 2026-12-01T12:00:00+05:00');
    expect(text).toContain(`Source: ${cal.yearInfo(2027).source}`);
    expect(text).toMatch(/Kurban Ait:\n {2}- 2027-05-16 Sunday, EXPECTED \[Expected: 10 Dhu al-Hijjah 1448/);
    for (const p of cal.yearInfo(2027).pending) expect(text).toContain(`  - ${p}`);
    expect(text).toContain('  - Constitution Day is a day off on 15 March for the first time in 2027');
    expect(text).toContain('Days off and working weekend days (19):');
    const dayLines = lines.filter((l) => /^ {2}2027-\d{2}-\d{2} /.test(l));
    expect(dayLines).toHaveLength(19);
    expect(dayLines.map((l) => l.slice(2, 12))).toEqual(cal.daysOff(2027).map((d) => d.date));
    expect(text).toMatch(/ {2}2027-01-04 {2}Monday {5}MOVED_DAY_OFF +New Year 2027-01-02 fell on a day of weekly rest/);
    expect(text).toMatch(/ {2}2027-03-15 {2}Monday {5}HOLIDAY +Constitution Day \[Constitution adopted/);
    expect(text).not.toContain('2027-08-30');
  });

  it('shows a transfer as a working weekend day and its day off', () => {
    const text = showCalendarYear(cal, 2025);
    expect(text).toContain('Calendar 2025: official (year file)');
    expect(text).toMatch(/2025-01-05 {2}Sunday {5}TRANSFERRED_WORKING_DAY {2}working day in exchange for 2025-01-03/);
    expect(text).toMatch(/2025-01-03 {2}Friday {5}MOVED_DAY_OFF +day off moved from 2025-01-05/);
    expect(text).toMatch(/Pending decisions:\n {2}\(none\)/);
  });

  it('shows a year without a file as the statute alone', () => {
    const text = showCalendarYear(cal, 2029);
    expect(text.split('\n')[0]).toBe('Calendar 2029: provisional (no year file: the statute alone)');
    expect(text).toMatch(/2029-04-24 Tuesday, EXPECTED/);
    expect(text).toContain('  - the first day of Kurban Ait (expected 2029-04-24)');
  });

  it('counts the working days of the year', () => {
    expect(showCalendarYear(cal, 2026)).toContain('Working days: 247');
  });
});

describe('checkCalendarFile', () => {
  it('reports the days a candidate 2027.json with Kurban Ait announced on 17 May changes', () => {
    const dir = shippedCopy();
    const kurbanAit = { date: '2027-05-17', basis: 'ANNOUNCED', source: SRC };
    const path = candidate('2027.json', { ...shipped2027(), kurbanAit });
    const { ok, text } = checkCalendarFile(dir, path);
    expect(ok).toBe(true);
    expect(text).toContain(`OK: ${path} is valid with the files of ${dir}.`);
    expect(text).toMatch(
      /Deployed, it gives calendar version 2026-12-01T12:00:00\/[0-9a-f]{12} \(published 2026-12-01T12:00/,
    );
    expect(text).toContain(`Version of the files of ${dir}: ${shippedCalendar().version.id}`);
    expect(text).toContain('2027: status provisional (year file), unchanged');
    expect(text).toContain('  Kurban Ait: 2027-05-16 EXPECTED -> 2027-05-17 ANNOUNCED');
    expect(text).toContain('  2027-05-17 Monday    WORKING -> HOLIDAY (Kurban Ait, first day (announced))');
    expect(text).toContain('  2027-05-16 Sunday    HOLIDAY -> WEEKEND (was: Kurban Ait, first day (expected))');
    expect(text.split('\n').filter((l) => / -> /.test(l) && /^ {2}\d{4}/.test(l))).toHaveLength(2);
  });

  it('reports a year made official', () => {
    const dir = shippedCopy();
    const official = {
      ...shipped2027(),
      status: 'official',
      pending: [],
      kurbanAit: { date: '2027-05-16', basis: 'ANNOUNCED', source: SRC },
    };
    const { ok, text } = checkCalendarFile(dir, candidate('2027.json', official));
    expect(ok).toBe(true);
    expect(text).toContain('2027: status provisional (year file) -> official (year file)');
    expect(text).toContain('  Kurban Ait: 2027-05-16 EXPECTED -> 2027-05-16 ANNOUNCED');
    expect(text).toContain('  no day changes kind');
  });

  it('reports a new year file over the statute alone', () => {
    const dir = shippedCopy();
    const file2029 = {
      year: 2029,
      status: 'provisional',
      publishedAt: '2028-11-20T12:00:00+05:00',
      source: SRC,
      transfers: [{ workingDay: '2029-03-18', dayOff: '2029-03-20', source: SRC }],
    };
    const { ok, text } = checkCalendarFile(dir, candidate('2029.json', file2029));
    expect(ok).toBe(true);
    expect(text).toContain('2029: status provisional (no year file: the statute alone) -> provisional (year file)');
    expect(text).toContain('  2029-03-18 Sunday    WEEKEND -> TRANSFERRED_WORKING_DAY (working day in exchange for');
    expect(text).toContain('  2029-03-20 Tuesday   WORKING -> MOVED_DAY_OFF (day off moved from 2029-03-18)');
    // The file gives no Kurban Ait: the Umm al-Qura date (24 April) stays, so it is no change.
    expect(text).not.toContain('2029-04-24');
  });

  it('says when the candidate is the file in use', () => {
    const dir = shippedCopy();
    const { ok, text } = checkCalendarFile(dir, candidate('2027.json', readFileSync(join(dir, '2027.json'), 'utf8')));
    expect(ok).toBe(true);
    expect(text).toContain('The candidate is identical to the file in use.');
    expect(text).toContain('  no day changes kind');
  });

  it('checks a statute amendment over every year with a file and the first year after them', () => {
    const dir = shippedCopy();
    const statute = shippedStatute();
    (statute.holidays as unknown[]).push({
      id: 'test-day',
      name: { en: 'Test day', kk: 'Test day', ru: 'Test day' },
      kind: 'FIXED',
      days: ['06-15'],
      movesWhenOnWeekend: true,
      fromYear: 2027,
      source: 'Test amendment of the Law "On holidays", art. 5',
    });
    const { ok, text } = checkCalendarFile(dir, candidate('statute.json', statute));
    expect(ok).toBe(true);
    expect(text).toContain('2025: status official (year file), unchanged');
    expect(text).toContain('  2027-06-15 Tuesday   WORKING -> HOLIDAY (Test day)');
    expect(text).toContain('  2028-06-15 Thursday  WORKING -> HOLIDAY (Test day)');
  });

  it('refuses a bad candidate with its problems, one per line', () => {
    const dir = shippedCopy();
    const path = candidate('2027.json', { ...shipped2027(), status: 'official' });
    const { ok, text } = checkCalendarFile(dir, path);
    expect(ok).toBe(false);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`REFUSED: ${path} (CALENDAR_DATA_INVALID in ${path})`);
    expect(lines).toContain(
      '  - kurbanAit: an official year needs the announced date of Kurban Ait (basis "ANNOUNCED"); ' +
        'else mark the year "provisional"',
    );
    expect(lines).toContain(
      '  - pending: an official year has no pending decisions; empty the list or mark the year "provisional"',
    );
    expect(lines.at(-1)).toBe('Nothing was deployed; fix the file and check it again.');
  });

  it('refuses a candidate that is not JSON', () => {
    const path = candidate('2027.json', '{ not json');
    const { ok, text } = checkCalendarFile(shippedCopy(), path);
    expect(ok).toBe(false);
    expect(text).toMatch(/^ {2}- is not valid JSON .*; fix the syntax$/m);
  });

  it('refuses a statute that fails a year computed on the statute alone', () => {
    const statute = shippedStatute();
    (statute.holidays as unknown[]).push({
      id: 'test-year-end',
      name: { en: 'Test year end', kk: 'Test year end', ru: 'Test year end' },
      kind: 'FIXED',
      days: ['12-31'],
      movesWhenOnWeekend: true,
      fromYear: 2028,
      source: 'Test amendment of the Law "On holidays", art. 5',
    });
    // 31 December 2028 is a Sunday: its day off would move into 2029.
    const path = candidate('statute.json', statute);
    const { ok, text } = checkCalendarFile(shippedCopy(), path);
    expect(ok).toBe(false);
    expect(text).toMatch(/would move into the next year/);
  });

  it('checks a fix for a file of the directory that does not validate, with no comparison', () => {
    const dir = shippedCopy();
    writeFileSync(join(dir, '2027.json'), JSON.stringify({ ...shipped2027(), status: 'official' }));
    const { ok, text } = checkCalendarFile(dir, candidate('2027.json', shipped2027()));
    expect(ok).toBe(true);
    expect(text).toContain(`The files of ${dir} do not load themselves (CALENDAR_DATA_INVALID)`);
    expect(text).toContain('No comparison is possible.');
  });

  it('refuses a candidate when another file of the directory is not JSON, naming that file', () => {
    const dir = shippedCopy();
    writeFileSync(join(dir, '2029.json'), '{ broken');
    const path = candidate('2030.json', {
      year: 2030,
      status: 'provisional',
      publishedAt: '2029-11-20T12:00:00+05:00',
      source: SRC,
      transfers: [],
    });
    const { ok, text } = checkCalendarFile(dir, path);
    expect(ok).toBe(false);
    expect(text).toContain(`REFUSED: ${path} (CALENDAR_DATA_INVALID in ${join(dir, '2029.json')})`);
  });
});
