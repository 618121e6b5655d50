/**
 * The law as data: config/calendar/statute.json. The statutory days off of the Law "On holidays
 * in the Republic of Kazakhstan" (No. 267-II of 13 December 2001, art. 5) and of the Labour Code
 * (No. 414-V of 23 November 2015, arts. 84-85), each with the years it is in force, and the
 * weekend rule with its exceptions. From this file alone every year has a calendar; a year file
 * (year-schema.ts) adds only what that year decides.
 */
import { z } from 'zod';
import { issuesOf, CalendarDataError } from './errors.js';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const source = z
  .string()
  .trim()
  .min(5, { message: 'must name the legal source (law, article, decree number and date); add it' });
const names = z
  .object({ en: z.string().trim().min(1), kk: z.string().trim().min(1), ru: z.string().trim().min(1) })
  .strict();

const inForce = {
  /** First year the day is off (inclusive). */
  fromYear: z.number().int().min(1990).max(2199),
  /** Last year the day is off (inclusive); absent while in force. */
  untilYear: z.number().int().min(1990).max(2199).optional(),
};

/** A day off on a fixed day of the year (one or several consecutive days, e.g. Nauryz 21-23 March). */
const fixedHoliday = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, { message: 'must be a lower-case id such as "new-year"' }),
    name: names,
    kind: z.literal('FIXED'),
    days: z.array(z.string().regex(MONTH_DAY, { message: 'must be a day of the year MM-DD, e.g. "03-21"' })).min(1),
    /** Law "On holidays" art. 5: a holiday on a weekend moves the day off to the next working day. */
    movesWhenOnWeekend: z.boolean(),
    ...inForce,
    source,
  })
  .strict();

/** The first day of Kurban Ait: a day off whose date each year's decision sets (Labour Code art. 84 p.5). */
const kurbanAit = z
  .object({
    id: z.literal('kurban-ait'),
    name: names,
    kind: z.literal('KURBAN_AIT'),
    movesWhenOnWeekend: z.literal(false, {
      errorMap: () => ({ message: 'must be false: Labour Code art. 84 p.5, the day off is not moved' }),
    }),
    ...inForce,
    source,
  })
  .strict();

export const statuteSchema = z
  .object({
    /** When this statement of the law was last revised (an instant with offset). */
    publishedAt: z.string().datetime({ offset: true, message: 'must be an ISO-8601 instant with offset' }),
    source,
    weekend: z
      .object({
        /** ISO weekdays that are days of weekly rest: 6 = Saturday, 7 = Sunday. */
        days: z.array(z.number().int().min(1).max(7)).min(1),
        source,
      })
      .strict(),
    weekendRule: z.object({ source }).strict(),
    transfers: z.object({ source }).strict(),
    holidays: z.array(z.discriminatedUnion('kind', [fixedHoliday, kurbanAit])).min(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.holidays.forEach((h, i) => {
      if (ids.has(h.id))
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, 'id'],
          message: `id "${h.id}" is given twice; ids must be unique`,
        });
      ids.add(h.id);
      if (h.untilYear !== undefined && h.untilYear < h.fromYear) {
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'untilYear'], message: 'must not be before fromYear' });
      }
      if (h.kind === 'FIXED') {
        h.days.forEach((d, j) => {
          // 29 February exists only in leap years: the law names no such day.
          if (d === '02-29' || d === '02-30' || d === '02-31' || /^(04|06|09|11)-31$/.test(d)) {
            ctx.addIssue({
              code: 'custom',
              path: ['holidays', i, 'days', j],
              message: `${d} is not a day of every year`,
            });
          }
        });
      }
    });
    if (s.holidays.filter((h) => h.kind === 'KURBAN_AIT').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['holidays'], message: 'Kurban Ait is listed twice; keep one entry' });
    }
  });

export type Statute = z.output<typeof statuteSchema>;
export type StatuteHoliday = Statute['holidays'][number];

/** Validates statute.json; throws CalendarDataError (CALENDAR_DATA_INVALID) naming every entry and fix. */
export function parseStatute(data: unknown, fileLabel = 'config/calendar/statute.json'): Statute {
  const result = statuteSchema.safeParse(data);
  if (!result.success) throw new CalendarDataError(fileLabel, issuesOf(result.error, data));
  return result.data;
}

/** Is the holiday in force in `year` (Law "On holidays" as amended: each entry names its years)? */
export function inForceIn(h: StatuteHoliday, year: number): boolean {
  return h.fromYear <= year && (h.untilYear === undefined || year <= h.untilYear);
}
