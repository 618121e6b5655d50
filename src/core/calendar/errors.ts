/**
 * Typed errors of the working-day calendar. Each carries a stable `code` and a message that
 * tells the operator what to do.
 */
import type { ZodError } from 'zod';

export class CalendarError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** A calendar data file does not match its format or contradicts itself (or the law). */
export class CalendarDataError extends CalendarError {
  readonly file: string;
  readonly problems: string[];

  constructor(fileLabel: string, problems: string[]) {
    super(
      'CALENDAR_DATA_INVALID',
      `Calendar file ${fileLabel} is invalid: ${problems.join('; ')}. Fix the file; the calendar in use stays ` +
        'as it was until a valid version is loaded.',
      { file: fileLabel, problems },
    );
    this.file = fileLabel;
    this.problems = problems;
  }
}

/** A value that should be a 'YYYY-MM-DD' date or an ISO-8601 instant with offset is not one. */
export class InvalidDateError extends CalendarError {
  constructor(kind: 'date' | 'instant', value: string) {
    super(
      kind === 'date' ? 'CALENDAR_INVALID_DATE' : 'CALENDAR_INVALID_INSTANT',
      kind === 'date'
        ? `"${value}" is not a calendar date: expected a real date as YYYY-MM-DD.`
        : `"${value}" is not an instant: expected ISO-8601 with an offset, e.g. 2026-03-02T10:15:00+05:00.`,
      { value },
    );
  }
}

/** config/calendar/schedules.json does not match the expected format. */
export class ScheduleConfigError extends CalendarError {
  constructor(problems: string[]) {
    super(
      'SCHEDULE_CONFIG_INVALID',
      `Working schedules (config/calendar/schedules.json) are invalid: ${problems.join('; ')}. Fix the file and restart.`,
      { problems },
    );
  }
}

/** What names an entry of a list for a person: its id, date or year, else its index. */
function entryLabel(entry: unknown, index: number): string {
  const e = entry as { id?: unknown; date?: unknown; dayOff?: unknown } | null;
  const name =
    typeof e?.id === 'string'
      ? e.id
      : typeof e?.date === 'string'
        ? e.date
        : typeof e?.dayOff === 'string'
          ? e.dayOff
          : null;
  return name ? `[${index}] (${name})` : `[${index}]`;
}

/** The zod message, with the fix for the generic cases (a missing field, an unknown key). */
function fixOf(issue: ZodError['issues'][number]): string {
  if (issue.code === 'invalid_type' && issue.received === 'undefined')
    return `is missing (expected ${issue.expected}); add it`;
  if (issue.code === 'unrecognized_keys')
    return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove them or check the spelling`;
  if (issue.code === 'invalid_union_discriminator') return `${issue.message}; use one of the kinds listed`;
  return issue.message;
}

/** Zod issues as "holidays[3] (nauryz).days[1]: must be ..." lines: the entry by name, then the fix. */
export function issuesOf(error: ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    let node: unknown = data;
    let label = '';
    for (const key of issue.path) {
      if (typeof key === 'number') label += entryLabel((node as unknown[] | undefined)?.[key], key);
      else label += label ? `.${key}` : key;
      node = (node as Record<string | number, unknown> | undefined)?.[key];
    }
    return `${label || '(root)'}: ${fixOf(issue)}`;
  });
}
