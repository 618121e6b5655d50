/**
 * Edge loader (reads files): the calendar of a directory, by default config/calendar:
 * statute.json (the law) and every <year>.json (what a year decides). Versioned by a SHA-256
 * over the files' names and contents plus the newest `publishedAt` among them, so every deadline
 * can say which data it was computed on.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildCalendar, CalendarDataError, versionId, type ClassifiedCalendar } from '../../core/calendar/index.js';

const YEAR_FILE = /^(\d{4})\.json$/;
export const STATUTE_FILE = 'statute.json';

export interface CalendarFile {
  name: string;
  label: string;
  text: string;
  data: unknown;
}

function readJson(label: string): { text: string; data: unknown } {
  let text: string;
  try {
    text = readFileSync(label, 'utf8');
  } catch (e) {
    throw new CalendarDataError(label, [
      `cannot be read (${(e as Error).message}); check the path and its permissions`,
    ]);
  }
  try {
    return { text, data: JSON.parse(text) };
  } catch (e) {
    throw new CalendarDataError(label, [`is not valid JSON (${(e as Error).message}); fix the syntax`]);
  }
}

/** One calendar file, read and checked: a year file's name and its "year" agree. */
function readCalendarFile(label: string, name = basename(label)): CalendarFile {
  const { text, data } = readJson(label);
  const m = YEAR_FILE.exec(name);
  const year = (data as { year?: unknown } | null)?.year;
  if (m && year !== Number(m[1])) {
    throw new CalendarDataError(label, [
      `the file name says ${m[1]} but "year" is ${JSON.stringify(year)}; make them agree`,
    ]);
  }
  return { name, label, text, data };
}

/** Reads the statute and the year files of `dir` (nothing else in it is read), except `skip`. */
export function readCalendarFiles(dir: string, skip?: string): CalendarFile[] {
  if (skip !== STATUTE_FILE && !existsSync(join(dir, STATUTE_FILE))) {
    throw new CalendarDataError(join(dir, STATUTE_FILE), [
      'is missing: the statutory days off are needed for every year; restore config/calendar/statute.json or set CALENDAR_DIR',
    ]);
  }
  const names = [
    STATUTE_FILE,
    ...readdirSync(dir)
      .filter((f) => YEAR_FILE.test(f))
      .sort(),
  ].filter((n) => n !== skip);
  return names.map((name) => readCalendarFile(join(dir, name), name));
}

/** The newest publishedAt of the files (every file has one, by its schema). */
function newestPublishedAt(files: CalendarFile[]): string {
  const stamps = files
    .map((f) => (f.data as { publishedAt?: unknown } | null)?.publishedAt)
    .filter((p): p is string => typeof p === 'string');
  return stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), stamps[0] ?? '1970-01-01T00:00:00Z');
}

/** Builds and validates the calendar of a set of files; throws CalendarDataError naming file, entry and fix. */
export function calendarOfFiles(files: CalendarFile[]): ClassifiedCalendar {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.name}\0${f.text}\0`);
  const digest = hash.digest('hex');
  const publishedAt = newestPublishedAt(files);
  const statute = files.find((f) => f.name === STATUTE_FILE)!;
  return buildCalendar({
    statute: statute.data,
    years: files.filter((f) => f !== statute).map((f) => ({ label: f.label, data: f.data })),
    version: { id: versionId(digest, publishedAt), hash: digest, publishedAt },
    statuteLabel: statute.label,
  });
}

export function loadCalendarDirectory(dir: string): ClassifiedCalendar {
  return calendarOfFiles(readCalendarFiles(dir));
}

/**
 * Checks a candidate file before it is deployed: the directory's files with `candidate` in place
 * of the file of the same name (or added). Returns the calendar it would give.
 */
export function checkCandidateFile(dir: string, candidate: string): ClassifiedCalendar {
  const name = basename(candidate);
  if (name !== STATUTE_FILE && !YEAR_FILE.test(name)) {
    throw new CalendarDataError(candidate, [`the name must be ${STATUTE_FILE} or <year>.json (e.g. 2027.json)`]);
  }
  // The file being replaced is not read: the candidate may be the fix of a file that does not parse.
  const others = readCalendarFiles(dir, name);
  const file = readCalendarFile(candidate, name);
  const files = [...others, file].sort((a, b) =>
    a.name === STATUTE_FILE ? -1 : b.name === STATUTE_FILE ? 1 : a.name.localeCompare(b.name),
  );
  return calendarOfFiles(files);
}
