/**
 * The core's timer intents as jobs of the timer queue (graphile-worker), in the transaction of
 * the step that decided them: one job per application and purpose (the job key), so a new
 * deadline replaces the old timer and a cancelled purpose leaves no job behind.
 */
import type { Knex } from 'knex';
import type { TimerPurpose } from '../core/application/effects/index.js';
import type { Clock } from '../platform/clock/clock.js';
import type { ApplicationTimers, TimerSink } from '../pipeline/saga/timer-sink.js';
import { cancelTimers, scheduleTimers, type TimerRequest } from './timer-queue.js';
import { TASKS, type TaskName } from './tasks.js';

const TASK_OF: Record<TimerPurpose, TaskName> = {
  IDENTITY_OVERDUE: TASKS.identityOverdue,
  SLA_AT_RISK: TASKS.slaCheck,
  SLA_BREACH: TASKS.slaCheck,
  STAGE_DEADLINE: TASKS.slaCheck,
  STORAGE_ELAPSED: TASKS.storageElapsed,
  REGISTER_SLOT: TASKS.registerSlot,
};

export function timerKey(applicationId: string, purpose: TimerPurpose): string {
  return `${applicationId}:${purpose}`;
}

export function queueTimerSink(schema: string, clock: Clock): TimerSink {
  return {
    async apply(tx: Knex.Transaction, steps: readonly ApplicationTimers[]) {
      // Per job key, the last step's intent; within one step a schedule wins over a cancel of the
      // same key (the cancel of the old deadline, then the new one).
      const last = new Map<string, TimerRequest | null>();
      for (const { applicationId, timers } of steps) {
        const scheduled = new Set<string>();
        for (const t of timers) {
          if (t.type === 'CancelTimer') {
            const key = timerKey(applicationId, t.purpose);
            if (!scheduled.has(key)) last.set(key, null);
            continue;
          }
          // A register's slot is one timer for all its applications: keyed by the register, not the application.
          const key = t.sharedKey ? `register:${t.sharedKey}` : timerKey(applicationId, t.purpose);
          const payload = t.sharedKey
            ? { registerId: t.sharedKey }
            : { applicationId, purpose: t.purpose, requestId: t.requestId };
          scheduled.add(key);
          last.set(key, { task: TASK_OF[t.purpose], key, runAt: new Date(t.at), payload });
        }
      }
      const cancel = [...last].filter(([, r]) => r === null).map(([key]) => key);
      const schedule = [...last.values()].filter((r): r is TimerRequest => r !== null);
      if (cancel.length > 0) await cancelTimers(tx, schema, cancel);
      if (schedule.length > 0) await scheduleTimers(tx, schema, clock, schedule);
    },
  };
}
