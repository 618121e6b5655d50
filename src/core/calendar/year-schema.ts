/**
 * What one year decides, config/calendar/<year>.json: the first day of Kurban Ait (announced, or
 * expected with its basis), the labour authority's transfers of days off (Labour Code art. 85
 * p.3: a weekend day made working, a weekday made a day off), and the status of the year:
 * `official` when all of its decisions are published, else `provisional`. The statutory days off
 * are not repeated here: they come from statute.json.
 */
import { z } from 'zod';
import { CalendarDataError, issuesOf } from './errors.js';
import { isIsoDate, isWeekend, yearOf } from './iso-date.js';

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date YYYY-MM-DD' });
const source = z
  .string()
  .trim()
  .min(5, { message: 'must name the source (decree or order number and date, or the announcement); add it' });

const kurbanAitSchema = z
  .object({
    date: isoDate,
    /** ANNOUNCED by the Spiritual Administration of Muslims / the labour authority, or EXPECTED. */
    basis: z.enum(['ANNOUNCED', 'EXPECTED']),
    source,
  })
  .strict();

/** The Kurban Ait entries of a year file as a list. */
export function kurbanAitList(y: ParsedYear): z.output<typeof kurbanAitSchema>[] {
  return y.kurbanAit === undefined ? [] : Array.isArray(y.kurbanAit) ? y.kurbanAit : [y.kurbanAit];
}

const transferSchema = z
  .object({
    /** A Saturday or Sunday made a working day. */
    workingDay: isoDate,
    /** The weekday made a day off in exchange. */
    dayOff: isoDate,
    source,
  })
  .strict();

export const yearSchema = z
  .object({
    year: z.number().int().min(1990).max(2199),
    status: z.enum(['official', 'provisional'], {
      errorMap: () => ({ message: 'must be "official" (all decisions of the year published) or "provisional"' }),
    }),
    /** When this year's data was published or last changed (an instant with offset). */
    publishedAt: z.string().datetime({ offset: true, message: 'must be an ISO-8601 instant with offset' }),
    source,
    /**
     * The first day of Kurban Ait (a list in the rare years that hold two, e.g. 2039); absent:
     * expected from the Umm al-Qura calendar (provisional).
     */
    kurbanAit: z.union([kurbanAitSchema, z.array(kurbanAitSchema).min(1).max(2)]).optional(),
    transfers: z.array(transferSchema),
    /** Decisions of the year still to come, in words (empty when official). */
    pending: z.array(z.string().trim().min(3)).default([]),
    /** Facts of the year worth telling an operator (e.g. a day off the law removed). */
    notes: z.array(z.string().trim().min(3)).default([]),
    /** Cross-check: the moved days off as published for the year; the loader verifies the computed set equals it. */
    publishedMovedDaysOff: z
      .object({ dates: z.array(isoDate), source })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((y, ctx) => {
    const inYear = (d: string) => !isIsoDate(d) || yearOf(d) === y.year;
    const kurban = y.kurbanAit === undefined ? [] : Array.isArray(y.kurbanAit) ? y.kurbanAit : [y.kurbanAit];
    kurban.forEach((k, i) => {
      if (!inYear(k.date)) {
        const path = Array.isArray(y.kurbanAit) ? ['kurbanAit', i, 'date'] : ['kurbanAit', 'date'];
        ctx.addIssue({ code: 'custom', path, message: `${k.date} is not in ${y.year}` });
      }
    });
    y.transfers.forEach((t, i) => {
      if (!inYear(t.workingDay) || !inYear(t.dayOff)) {
        ctx.addIssue({ code: 'custom', path: ['transfers', i], message: `transfer dates must be in ${y.year}` });
      }
      if (isIsoDate(t.workingDay) && !isWeekend(t.workingDay)) {
        ctx.addIssue({
          code: 'custom',
          path: ['transfers', i, 'workingDay'],
          message: `${t.workingDay} is not a Saturday or Sunday`,
        });
      }
      if (isIsoDate(t.dayOff) && isWeekend(t.dayOff)) {
        ctx.addIssue({
          code: 'custom',
          path: ['transfers', i, 'dayOff'],
          message: `${t.dayOff} is already a weekend day`,
        });
      }
    });
    if (y.status === 'official') {
      if (kurban.length === 0 || kurban.some((k) => k.basis !== 'ANNOUNCED')) {
        ctx.addIssue({
          code: 'custom',
          path: ['kurbanAit'],
          message:
            'an official year needs the announced date of Kurban Ait (basis "ANNOUNCED"); else mark the year "provisional"',
        });
      }
      if (y.pending.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['pending'],
          message: 'an official year has no pending decisions; empty the list or mark the year "provisional"',
        });
      }
    }
  });

export type CalendarYear = z.input<typeof yearSchema>;
export type ParsedYear = z.output<typeof yearSchema>;

/** Validates one year file; throws CalendarDataError (CALENDAR_DATA_INVALID) naming every entry and fix. */
export function parseCalendarYear(data: unknown, fileLabel = 'config/calendar/<year>.json'): ParsedYear {
  const result = yearSchema.safeParse(data);
  if (!result.success) throw new CalendarDataError(fileLabel, issuesOf(result.error, data));
  return result.data;
}
