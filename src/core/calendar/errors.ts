/**
 * Typed errors of the working-day calendar. Each carries a stable `code` and a message that
 * tells the operator what to do.
 */
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

/** A date falls in a year for which no calendar file (config/calendar/<year>.json) was loaded. */
export class CalendarYearMissingError extends CalendarError {
  readonly year: number;
  readonly missingFile: string;

  constructor(year: number, date: string) {
    const missingFile = `config/calendar/${year}.json`;
    super(
      'CALENDAR_YEAR_MISSING',
      `No working-day calendar for ${year} (date ${date}): add ${missingFile} with the holidays ` +
        `and the days off moved by the Government for ${year}; deadlines are never guessed.`,
      { year, date, missingFile },
    );
    this.year = year;
    this.missingFile = missingFile;
  }
}

/** A calendar year file does not match the expected format or contradicts itself. */
export class CalendarDataError extends CalendarError {
  constructor(fileLabel: string, problems: string[]) {
    super(
      'CALENDAR_DATA_INVALID',
      `Calendar file ${fileLabel} is invalid: ${problems.join('; ')}. Fix the file and restart.`,
      { file: fileLabel, problems },
    );
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
