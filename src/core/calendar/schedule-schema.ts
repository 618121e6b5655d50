/**
 * Format of config/calendar/schedules.json: the working schedules per channel (Order No. 312,
 * Appendix 6 p.7) and the register dispatch slots (items 54-55). Validated on load with zod.
 */
import { z } from 'zod';
import { ScheduleConfigError } from './errors.js';

const TIME_RE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const hhmm = z.string().regex(TIME_RE, { message: 'must be a time HH:mm (00:00-24:00)' });

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const interval = z
  .object({ from: hhmm, to: hhmm })
  .strict()
  .refine((i) => minutesOf(i.from) < minutesOf(i.to), { message: '"from" must be before "to"' });

/**
 * WORKING_DAYS: Labour Code working days; WORKING_DAYS_AND_SATURDAYS: also Saturdays that are not
 * holidays or moved days off (PSC); ALWAYS: every day (portal).
 */
export const openOnSchema = z.enum(['WORKING_DAYS', 'WORKING_DAYS_AND_SATURDAYS', 'ALWAYS']);

const channelSchedule = z
  .object({
    openOn: openOnSchema,
    hours: z.array(interval).min(1),
    /** Local time from which a same-day submission is registered on the next working day (item 53). */
    registrationCutoff: hhmm,
    source: z.string().trim().min(5),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (let i = 1; i < c.hours.length; i += 1) {
      if (minutesOf(c.hours[i]!.from) < minutesOf(c.hours[i - 1]!.to))
        ctx.addIssue({ code: 'custom', path: ['hours', i], message: 'intervals must be ascending and not overlap' });
    }
  });

export const schedulesSchema = z
  .object({
    source: z.string().trim().min(5),
    channels: z.object({ COLLEGE_OFFICE: channelSchedule, PSC: channelSchedule, PORTAL: channelSchedule }).strict(),
    registerDispatch: z
      .object({
        /** Item 55: at least two deliveries on the day of acceptance. */
        slots: z
          .array(hhmm)
          .min(2, { message: 'item 55 requires at least two register deliveries on the day of acceptance' })
          .refine((s) => s.every((t, i) => i === 0 || minutesOf(s[i - 1]!) < minutesOf(t)), {
            message: 'slots must be strictly ascending',
          }),
        source: z.string().trim().min(5),
      })
      .strict(),
  })
  .strict();

export type Schedules = z.output<typeof schedulesSchema>;
export type ChannelSchedule = Schedules['channels']['PSC'];

/** Validates schedules.json; throws ScheduleConfigError (SCHEDULE_CONFIG_INVALID) naming every problem. */
export function parseSchedules(data: unknown): Schedules {
  const result = schedulesSchema.safeParse(data);
  if (!result.success) {
    throw new ScheduleConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}
