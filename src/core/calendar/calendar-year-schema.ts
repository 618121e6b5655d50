/**
 * The format of one calendar year file, config/calendar/<year>.json (SPEC section 2 "Working
 * schedules": the calendar is data, a file per year). Validated on load with zod.
 */
import { z } from 'zod';
import { CalendarDataError } from './errors.js';
import { isIsoDate, isWeekend, yearOf } from './iso-date.js';

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date YYYY-MM-DD' });
const legalSource = z.string().trim().min(5, { message: 'must name the legal source (law article or decree No. and date)' });

const holidaySchema = z
  .object({
    date: isoDate,
    name: z.string().trim().min(1),
    /**
     * Law "On holidays" art. 5 / Labour Code art. 85: a holiday on a Saturday or Sunday moves
     * the day off to the next working day, except 7 January and the first day of Kurban Ait.
     */
    movesWhenOnWeekend: z.boolean(),
    source: legalSource,
  })
  .strict();

const transferSchema = z
  .object({
    /** A Saturday or Sunday made a working day. */
    workingDay: isoDate,
    /** The weekday made a day off in exchange. */
    dayOff: isoDate,
    source: legalSource,
  })
  .strict();

export const calendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** What the whole file is based on. */
    source: z.string().trim().min(5),
    holidays: z.array(holidaySchema).min(1),
    /** Days off moved by the Government for this year (the labour authority's decree). */
    transfers: z.array(transferSchema),
    /**
     * Optional cross-check: the moved days off as officially published for the year (rule
     * moves plus transfers). When present, the loader verifies the computed set equals it.
     */
    publishedMovedDaysOff: z.object({ dates: z.array(isoDate), source: legalSource }).strict().optional(),
  })
  .strict()
  .superRefine((y, ctx) => {
    const inYear = (d: string) => !isIsoDate(d) || yearOf(d) === y.year;
    y.holidays.forEach((h, i) => {
      if (!inYear(h.date)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: `${h.date} is not in ${y.year}` });
    });
    const seen = new Set<string>();
    for (const h of y.holidays) {
      if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: ['holidays'], message: `duplicate holiday ${h.date}` });
      seen.add(h.date);
    }
    y.transfers.forEach((t, i) => {
      if (!inYear(t.workingDay) || !inYear(t.dayOff))
        ctx.addIssue({ code: 'custom', path: ['transfers', i], message: `transfer dates must be in ${y.year}` });
      if (isIsoDate(t.workingDay) && !isWeekend(t.workingDay))
        ctx.addIssue({ code: 'custom', path: ['transfers', i, 'workingDay'], message: `${t.workingDay} is not a Saturday or Sunday` });
      if (isIsoDate(t.dayOff) && isWeekend(t.dayOff))
        ctx.addIssue({ code: 'custom', path: ['transfers', i, 'dayOff'], message: `${t.dayOff} is already a weekend day` });
    });
  });

/** One parsed calendar year file. */
export type CalendarYear = z.input<typeof calendarYearSchema>;

/** Validates one year file; throws CalendarDataError (CALENDAR_DATA_INVALID) naming every problem. */
export function parseCalendarYear(data: unknown, fileLabel = 'config/calendar/<year>.json'): z.output<typeof calendarYearSchema> {
  const result = calendarYearSchema.safeParse(data);
  if (!result.success) {
    throw new CalendarDataError(
      fileLabel,
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return result.data;
}
