/**
 * The edge loader on real directories (temp copies of config/calendar): what it reads, what it
 * refuses, how a version is named, and the check of a candidate file before it is deployed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkCandidateFile,
  loadCalendarDirectory,
  readCalendarFiles,
} from '../../../src/platform/calendar/load-calendar-directory.js';
import { compareCalendarVersions, versionId } from '../../../src/core/calendar/index.js';
import { SHIPPED_CALENDAR_DIR } from '../../support/calendar.js';
import { shippedYearFile, SRC, yearFile } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'calendar-'));
  dirs.push(d);
  return d;
}

/** A copy of the shipped directory. */
function shippedCopy(): string {
  const d = tempDir();
  cpSync(SHIPPED_CALENDAR_DIR, d, { recursive: true });
  return d;
}

function writeJson(dir: string, name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

const invalid = (message: RegExp | string) =>
  expect.objectContaining({ code: 'CALENDAR_DATA_INVALID', message: expect.stringMatching(message) });
const kurban17May = { date: '2027-05-17', basis: 'ANNOUNCED' as const, source: SRC };

describe('readCalendarFiles and loadCalendarDirectory', () => {
  it('reads the statute first, then every <year>.json in order, and nothing else', () => {
    const dir = shippedCopy();
    writeFileSync(join(dir, 'README.txt'), 'not calendar data');
    writeFileSync(join(dir, '2028.json.bak'), '{ not read');
    expect(readCalendarFiles(dir).map((f) => f.name)).toEqual(['statute.json', '2025.json', '2026.json', '2027.json']);
    const cal = loadCalendarDirectory(dir);
    expect(cal.fileYears).toEqual([2025, 2026, 2027]);
    expect(cal.isWorkingDay('2025-01-05')).toBe(true);
  });

  it('refuses a directory without statute.json', () => {
    const dir = tempDir();
    writeJson(dir, '2026.json', shippedYearFile(2026));
    expect(() => loadCalendarDirectory(dir)).toThrow(invalid(/statute\.json is invalid: is missing/));
  });

  it('refuses bad JSON, naming the file', () => {
    const dir = shippedCopy();
    writeFileSync(join(dir, '2029.json'), '{ not json');
    expect(() => loadCalendarDirectory(dir)).toThrow(
      invalid(`Calendar file ${join(dir, '2029.json')} is invalid: is not valid JSON`),
    );
  });

  it('refuses a file named for another year', () => {
    const dir = shippedCopy();
    writeJson(dir, '2030.json', yearFile(2029));
    expect(() => loadCalendarDirectory(dir)).toThrow(invalid(/2030\.json .*file name says 2030 but "year" is 2029/));
  });

  it('refuses an invalid year file, naming it', () => {
    const dir = shippedCopy();
    writeJson(dir, '2029.json', yearFile(2029, { status: 'official' }));
    expect(() => loadCalendarDirectory(dir)).toThrow(invalid(`${join(dir, '2029.json')} is invalid: kurbanAit`));
  });

  it('adds a year by dropping in its file (no code change)', () => {
    const dir = shippedCopy();
    expect(loadCalendarDirectory(dir).dayKind('2029-03-18')).toBe('WEEKEND');
    const transfers = [{ workingDay: '2029-03-18', dayOff: '2029-03-20', source: SRC }];
    writeJson(dir, '2029.json', yearFile(2029, { transfers }));
    const cal = loadCalendarDirectory(dir);
    expect(cal.fileYears).toEqual([2025, 2026, 2027, 2029]);
    expect(cal.dayKind('2029-03-18')).toBe('TRANSFERRED_WORKING_DAY');
    expect(cal.yearInfo(2029).basis).toBe('FILE');
    expect(cal.yearInfo(2028).basis).toBe('STATUTE');
  });
});

describe('calendar version', () => {
  it('is the same for the same content, wherever it is', () => {
    const a = loadCalendarDirectory(shippedCopy()).version;
    const b = loadCalendarDirectory(shippedCopy()).version;
    expect(b).toEqual(a);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    // The newest publishedAt (2026-12-01T12:00:00+05:00) at UTC+5, to the second, and the hash.
    expect(a.id).toBe(`2026-12-01T12:00:00/${a.hash.slice(0, 12)}`);
  });

  it.each(['statute.json', '2025.json', '2026.json', '2027.json'])('changes when %s changes', (name) => {
    const dir = shippedCopy();
    const before = loadCalendarDirectory(dir).version;
    const path = join(dir, name);
    writeFileSync(path, `${JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 1)}\n`);
    expect(loadCalendarDirectory(dir).version.hash).not.toBe(before.hash);
  });

  it('changes when a year file is added', () => {
    const dir = shippedCopy();
    const before = loadCalendarDirectory(dir).version;
    writeJson(dir, '2029.json', yearFile(2029));
    expect(loadCalendarDirectory(dir).version.hash).not.toBe(before.hash);
  });

  it('is published at the newest publishedAt of the files', () => {
    const dir = shippedCopy();
    expect(loadCalendarDirectory(dir).version.publishedAt).toBe('2026-12-01T12:00:00+05:00');
    writeJson(dir, '2029.json', yearFile(2029, { publishedAt: '2027-01-15T09:00:00+05:00' }));
    const v = loadCalendarDirectory(dir).version;
    expect(v.publishedAt).toBe('2027-01-15T09:00:00+05:00');
    expect(v.id.startsWith('2027-01-15T09:00:00/')).toBe(true);
  });

  it('orders versions by the publication instant, then by the hash: same-day versions too', () => {
    const dir = shippedCopy();
    const morning = writeJson(dir, '2029.json', yearFile(2029, { publishedAt: '2027-01-15T09:00:00+05:00' }));
    const a = loadCalendarDirectory(dir).version;
    writeFileSync(morning, `${JSON.stringify(yearFile(2029, { publishedAt: '2027-01-15T17:30:00+05:00' }))}\n`);
    const b = loadCalendarDirectory(dir).version;
    // The same day: the date alone cannot order them, the time does.
    expect(a.id.slice(0, 10)).toBe(b.id.slice(0, 10));
    expect(compareCalendarVersions(a.id, b.id)).toBeLessThan(0);
    expect(compareCalendarVersions(b.id, a.id)).toBeGreaterThan(0);
    expect(compareCalendarVersions(b.id, b.id)).toBe(0);
    // An older year file edited without moving its publishedAt: the same instant, ordered by the hash
    // (arbitrary, but every instance agrees).
    const edited = shippedYearFile(2025);
    writeJson(dir, '2025.json', { ...edited, notes: ['edited, publishedAt left as it was'] });
    const c = loadCalendarDirectory(dir).version;
    expect(c.publishedAt).toBe(b.publishedAt);
    expect(c.id).not.toBe(b.id);
    expect(Math.sign(compareCalendarVersions(b.id, c.id))).toBe(-Math.sign(compareCalendarVersions(c.id, b.id)));
    expect(compareCalendarVersions(b.id, c.id)).not.toBe(0);
  });

  it('orders an id of the older form (the date only) before the ids of its day and after earlier days', () => {
    expect(compareCalendarVersions('2026-12-01/ffffffffffff', '2026-12-01T00:00:00/000000000000')).toBeLessThan(0);
    expect(compareCalendarVersions('2026-12-01/000000000000', '2026-11-30T23:59:59/ffffffffffff')).toBeGreaterThan(0);
    expect(compareCalendarVersions('2027-04-20/bbbbbbbbbbbb', '2026-12-01T12:00:00/aaaaaaaaaaaa')).toBeGreaterThan(0);
    // The id keeps the time at UTC+5 whatever offset the file wrote.
    expect(versionId('a'.repeat(64), '2027-01-15T04:00:00Z')).toBe('2027-01-15T09:00:00/aaaaaaaaaaaa');
  });
});

describe('checkCandidateFile', () => {
  it('validates a candidate 2027.json against the directory and returns the calendar it would give', () => {
    const dir = shippedCopy();
    const candidate = writeJson(tempDir(), '2027.json', { ...shippedYearFile(2027), kurbanAit: kurban17May });
    const inUse = loadCalendarDirectory(dir);
    const next = checkCandidateFile(dir, candidate);
    expect(next.dayKind('2027-05-17')).toBe('HOLIDAY');
    expect(next.dayKind('2027-05-16')).toBe('WEEKEND');
    expect(next.fileYears).toEqual([2025, 2026, 2027]);
    expect(next.version.hash).not.toBe(inUse.version.hash);
    // The directory is untouched: the calendar in use still has the expected 16 May.
    expect(loadCalendarDirectory(dir).dayKind('2027-05-17')).toBe('WORKING');
  });

  it('gives the version the directory will have once the candidate is deployed', () => {
    const dir = shippedCopy();
    const candidate = writeJson(tempDir(), '2027.json', { ...shippedYearFile(2027), kurbanAit: kurban17May });
    const checked = checkCandidateFile(dir, candidate).version;
    writeJson(dir, '2027.json', { ...shippedYearFile(2027), kurbanAit: kurban17May });
    expect(loadCalendarDirectory(dir).version).toEqual(checked);
  });

  it('checks a candidate for a year the directory does not have yet', () => {
    const dir = shippedCopy();
    const candidate = writeJson(tempDir(), '2029.json', yearFile(2029));
    expect(checkCandidateFile(dir, candidate).fileYears).toEqual([2025, 2026, 2027, 2029]);
  });

  it('rejects a bad candidate, naming the candidate path', () => {
    const dir = shippedCopy();
    const candidate = writeJson(tempDir(), '2027.json', { ...shippedYearFile(2027), status: 'official' });
    expect(() => checkCandidateFile(dir, candidate)).toThrow(invalid(`file ${candidate} is invalid: kurbanAit`));
    try {
      checkCandidateFile(dir, candidate);
    } catch (e) {
      const problems = expect.arrayContaining([expect.stringMatching(/pending/)]);
      expect(e).toMatchObject({ file: candidate, problems });
    }
    expect.assertions(2);
  });

  it('rejects a candidate that contradicts the directory (a transfer onto a statute holiday)', () => {
    const dir = shippedCopy();
    const transfers = [{ workingDay: '2027-03-20', dayOff: '2027-03-22', source: SRC }];
    const candidate = writeJson(tempDir(), '2027.json', { ...shippedYearFile(2027), transfers });
    expect(() => checkCandidateFile(dir, candidate)).toThrow(invalid(`${candidate} is invalid: transfers\\[0\\]`));
  });

  it('rejects a candidate whose name is not statute.json or <year>.json', () => {
    const candidate = writeJson(tempDir(), '2027-new.json', shippedYearFile(2027));
    expect(() => checkCandidateFile(shippedCopy(), candidate)).toThrow(
      invalid(/the name must be statute\.json or <year>\.json/),
    );
  });
});

describe('checkCandidateFile for the fix of a broken file', () => {
  it('checks a corrected 2027.json although the deployed 2027.json does not even parse', () => {
    const dir = shippedCopy();
    writeFileSync(join(dir, '2027.json'), '{ "year": 2027, broken');
    expect(() => loadCalendarDirectory(dir)).toThrow(invalid(/2027\.json is invalid: is not valid JSON/));
    const candidateDir = tempDir();
    const candidate = writeJson(candidateDir, '2027.json', { ...shippedYearFile(2027), kurbanAit: kurban17May });
    expect(checkCandidateFile(dir, candidate).dayKind('2027-05-17')).toBe('HOLIDAY');
  });
});
