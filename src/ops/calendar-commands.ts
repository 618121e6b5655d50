/**
 * Operator commands on the working-day calendar (config/calendar):
 * - `showCalendarYear`: what a year's calendar is and why (status, sources, every day off), so an
 *   operator can compare it with the published production calendar;
 * - `checkCalendarFile`: a candidate statute.json or <year>.json checked against a directory
 *   before it is deployed, with the days it would change, because a deployed file is taken into
 *   use by the running adapter and revises deadlines.
 * Both return text; the CLI prints it. Nothing here writes a file.
 */
import { basename } from 'node:path';
import {
  addDays,
  CalendarDataError,
  CalendarError,
  isoWeekday,
  type ClassifiedCalendar,
  type DayKind,
  type DayReason,
  type YearInfo,
} from '../core/calendar/index.js';
import { checkCandidateFile, loadCalendarDirectory } from '../platform/calendar/load-calendar-directory.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const KIND_WIDTH = 'TRANSFERRED_WORKING_DAY'.length;
const YEAR_FILE = /^(\d{4})\.json$/;

function weekdayName(date: string): string {
  return WEEKDAYS[isoWeekday(date) - 1]!;
}

/** Every date of a year, in order. */
function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) out.push(d);
  return out;
}

function listLines(items: readonly string[]): string[] {
  return items.length === 0 ? ['  (none)'] : items.map((i) => `  - ${i}`);
}

function basisText(info: YearInfo): string {
  return info.basis === 'FILE' ? 'year file' : 'no year file: the statute alone';
}

function dayLine(d: DayReason): string {
  return `  ${d.date}  ${weekdayName(d.date).padEnd(9)}  ${d.kind.padEnd(KIND_WIDTH)}  ${d.reason} [${d.source}]`;
}

/** `calendar show <year>`: the year's status, sources and decisions, then every day off, one per line. */
export function showCalendarYear(cal: ClassifiedCalendar, year: number): string {
  const info = cal.yearInfo(year);
  const days = cal.daysOff(year);
  const working = datesOf(year).filter((d) => cal.isWorkingDay(d)).length;
  return [
    `Calendar ${year}: ${info.status} (${basisText(info)})`,
    `Calendar version: ${cal.version.id}, published ${cal.version.publishedAt}`,
    `Year data published: ${info.publishedAt ?? 'unknown'}`,
    `Source: ${info.source}`,
    'Kurban Ait:',
    ...listLines(info.kurbanAit.map((k) => `${k.date} ${weekdayName(k.date)}, ${k.basis} [${k.source}]`)),
    'Pending decisions:',
    ...listLines(info.pending),
    'Notes:',
    ...listLines(info.notes),
    `Working days: ${working}`,
    `Days off and working weekend days (${days.length}):`,
    `  ${'DATE'.padEnd(10)}  ${'WEEKDAY'.padEnd(9)}  ${'KIND'.padEnd(KIND_WIDTH)}  REASON [SOURCE]`,
    ...days.map(dayLine),
  ].join('\n');
}

export interface CalendarCheck {
  ok: boolean;
  text: string;
}

function refused(candidatePath: string, err: CalendarError): CalendarCheck {
  const problems = err instanceof CalendarDataError ? err.problems : [err.message];
  const where = err instanceof CalendarDataError ? ` in ${err.file}` : '';
  return {
    ok: false,
    text: [
      `REFUSED: ${candidatePath} (${err.code}${where})`,
      ...problems.map((p) => `  - ${p}`),
      'Nothing was deployed; fix the file and check it again.',
    ].join('\n'),
  };
}

/** Why a day is what it is in `cal`, for a change line. */
function reasonOf(cal: ClassifiedCalendar, date: string): string | undefined {
  return cal.daysOff(Number(date.slice(0, 4))).find((d) => d.date === date)?.reason;
}

/** A day's kind change, with the reason of the new kind (or of the old one, when the day became plain). */
function changeLine(current: ClassifiedCalendar, next: ClassifiedCalendar, date: string): string {
  const was: DayKind = current.dayKind(date);
  const now: DayKind = next.dayKind(date);
  const before = reasonOf(current, date);
  const why = reasonOf(next, date) ?? (before ? `was: ${before}` : undefined);
  return `  ${date} ${weekdayName(date).padEnd(9)} ${was} -> ${now}${why ? ` (${why})` : ''}`;
}

function kurbanText(info: YearInfo): string {
  return info.kurbanAit.map((k) => `${k.date} ${k.basis}`).join(', ') || 'none';
}

/** What the candidate changes in one year: status, Kurban Ait, and every day whose kind changes. */
function yearChanges(current: ClassifiedCalendar, next: ClassifiedCalendar, year: number): string[] {
  const was = current.yearInfo(year);
  const now = next.yearInfo(year);
  const lines = [
    was.status === now.status && was.basis === now.basis
      ? `${year}: status ${now.status} (${basisText(now)}), unchanged`
      : `${year}: status ${was.status} (${basisText(was)}) -> ${now.status} (${basisText(now)})`,
  ];
  if (kurbanText(was) !== kurbanText(now)) lines.push(`  Kurban Ait: ${kurbanText(was)} -> ${kurbanText(now)}`);
  const changed = datesOf(year).filter((d) => current.dayKind(d) !== next.dayKind(d));
  lines.push(...changed.map((d) => changeLine(current, next, d)));
  if (changed.length === 0) lines.push('  no day changes kind');
  return lines;
}

/**
 * The years a candidate can change: its own year; for statute.json, every year with a file in
 * either calendar and the year after the last of them (the first year on the statute alone).
 */
function yearsOf(name: string, current: ClassifiedCalendar, next: ClassifiedCalendar): number[] {
  const m = YEAR_FILE.exec(name);
  if (m) return [Number(m[1])];
  const years = new Set([...current.fileYears, ...next.fileYears]);
  if (years.size > 0) years.add(Math.max(...years) + 1);
  return [...years].sort((a, b) => a - b);
}

/**
 * `calendar check <candidate>`: validates `candidatePath` against the files of `dir` (it takes the
 * place of the file of the same name) and tells the version it would give and what it changes.
 * `years` overrides the years compared.
 */
export function checkCalendarFile(dir: string, candidatePath: string, years?: number[]): CalendarCheck {
  let next: ClassifiedCalendar;
  try {
    next = checkCandidateFile(dir, candidatePath);
  } catch (err) {
    if (err instanceof CalendarError) return refused(candidatePath, err);
    throw err;
  }
  const lines = [
    `OK: ${candidatePath} is valid with the files of ${dir}.`,
    `Deployed, it gives calendar version ${next.version.id} (published ${next.version.publishedAt}).`,
  ];
  let current: ClassifiedCalendar;
  try {
    current = loadCalendarDirectory(dir);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    // The files in the directory do not load (the adapter keeps an older version): nothing to compare with.
    lines.push(`The files of ${dir} do not load themselves (${err.code}): ${err.message}`);
    lines.push('No comparison is possible.');
    return { ok: true, text: lines.join('\n') };
  }
  lines.push(`Version of the files of ${dir}: ${current.version.id} (published ${current.version.publishedAt}).`);
  if (current.version.hash === next.version.hash) lines.push('The candidate is identical to the file in use.');
  else if (Date.parse(next.version.publishedAt) <= Date.parse(current.version.publishedAt))
    lines.push(
      `Warning: it is not published after the version in use (publishedAt ${next.version.publishedAt}); a running adapter refuses it (CALENDAR_VERSION_NOT_NEWER): set publishedAt of the changed file to the time of the change.`,
    );
  for (const year of years ?? yearsOf(basename(candidatePath), current, next)) {
    // Years without a file are computed on first use: the candidate's statute can still fail one here.
    const problem = buildProblem(next, year);
    if (problem) return refused(candidatePath, problem);
    const own = buildProblem(current, year);
    if (own) {
      lines.push(`${year}: the files of ${dir} do not give it (${own.code}): ${own.message}`);
      continue;
    }
    lines.push(...yearChanges(current, next, year));
  }
  return { ok: true, text: lines.join('\n') };
}

/** The error building `year` raises, if any (year data is built on first use). */
function buildProblem(cal: ClassifiedCalendar, year: number): CalendarError | null {
  try {
    cal.yearInfo(year);
    return null;
  } catch (err) {
    if (err instanceof CalendarError) return err;
    throw err;
  }
}
