import type { Knex } from 'knex';
import type { CancelTimerIntent, ScheduleTimerIntent } from '../../core/application/effects/index.js';

export type TimerIntent = ScheduleTimerIntent | CancelTimerIntent;

/** Where the timer intents of a step go, in the step's transaction (src/timers: the job queue). */
export interface TimerSink {
  apply(tx: Knex.Transaction, applicationId: string, timers: readonly TimerIntent[]): Promise<void>;
}
