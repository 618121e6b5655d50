import type { Knex } from 'knex';
import type { CancelTimerIntent, ScheduleTimerIntent } from '../../core/application/effects/index.js';

export type TimerIntent = ScheduleTimerIntent | CancelTimerIntent;

/** The timer intents of one saga step, for one application, in the order decided. */
export interface ApplicationTimers {
  applicationId: string;
  timers: readonly TimerIntent[];
}

/**
 * Where the timer intents of saga steps go, in their transaction (src/timers: the job queue). The
 * steps of a batch come in the order they ran; a later step's intent for a timer wins.
 */
export interface TimerSink {
  apply(tx: Knex.Transaction, steps: readonly ApplicationTimers[]): Promise<void>;
}
