/**
 * What a timer does when it fires: a command for the core, at the adapter's instant. A command the
 * core rejects when its timer fires (the application closed, the answer came first) changes
 * nothing and is logged, never retried; any other failure is retried by the queue.
 */
import type { Knex } from 'knex';
import type { ApplicationCommand, TimerPurpose } from '../core/application/index.js';
import type { AdapterDeps } from '../pipeline/deps.js';
import { sagaStep } from '../pipeline/deps.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { reviseOpenApplications } from './calendar-revision.js';
import { dispatchRegister } from './register-slot.js';

export const TASKS = {
  identityOverdue: 'identity-overdue',
  slaCheck: 'sla-check',
  calendarRevision: 'calendar-revision',
  storageElapsed: 'storage-elapsed',
  registerSlot: 'register-slot',
} as const;

export type TaskName = (typeof TASKS)[keyof typeof TASKS];

interface ApplicationTimerPayload {
  applicationId: string;
  purpose: TimerPurpose;
  requestId: string | null;
}

async function runTimerCommand(
  db: Knex,
  deps: AdapterDeps,
  task: string,
  p: ApplicationTimerPayload,
  command: ApplicationCommand,
): Promise<void> {
  await db.transaction(async (tx) => {
    const res = await executeCommand(
      tx,
      command,
      sagaStep(
        deps,
        { kind: 'timer', task, key: `${p.applicationId}:${p.purpose}` },
        `timer-${task}-${p.applicationId}`,
      ),
    );
    if (!res.ok) {
      deps.log.info(
        { applicationId: p.applicationId, task, code: res.rejection.code },
        'timer fired after the application moved on; nothing to do',
      );
      return;
    }
    if (res.events.length > 0)
      deps.log.info({ applicationId: p.applicationId, task, events: res.events.map((e) => e.type) }, 'timer fired');
  });
}

export function timerTasks(db: Knex, deps: AdapterDeps): Record<TaskName, (payload: unknown) => Promise<void>> {
  const at = () => deps.now().toISOString();
  return {
    [TASKS.identityOverdue]: (payload) => {
      const p = payload as ApplicationTimerPayload;
      return runTimerCommand(db, deps, TASKS.identityOverdue, p, {
        type: 'RecordIdentityOverdue',
        applicationId: p.applicationId,
        at: at(),
        requestId: p.requestId ?? '',
      });
    },
    [TASKS.slaCheck]: (payload) => {
      const p = payload as ApplicationTimerPayload;
      return runTimerCommand(db, deps, TASKS.slaCheck, p, {
        type: 'CheckSla',
        applicationId: p.applicationId,
        at: at(),
      });
    },
    [TASKS.storageElapsed]: (payload) => {
      const p = payload as ApplicationTimerPayload;
      return runTimerCommand(db, deps, TASKS.storageElapsed, p, {
        type: 'RecordStorageElapsed',
        applicationId: p.applicationId,
        at: at(),
      });
    },
    [TASKS.registerSlot]: async (payload) => {
      const { registerId } = payload as { registerId: string };
      const { ordered, replanned } = await dispatchRegister(db, deps, registerId);
      if (ordered > 0) deps.log.info({ registerId, applications: ordered }, 'register handed to the courier');
      if (replanned > 0)
        deps.log.info(
          { registerId, applications: replanned },
          "accepted after the register's order left: planned into the next slot",
        );
    },
    [TASKS.calendarRevision]: async (payload) => {
      const { version } = payload as { version: string };
      const r = await reviseOpenApplications(db, deps, version);
      if (r.checked > 0)
        deps.log.info({ code: 'DEADLINES_REVISION', ...r }, 'open applications moved to the calendar version');
    },
  };
}
