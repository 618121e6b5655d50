/**
 * When a calendar version is loaded, every open application's deadlines are recomputed on it
 * (the core decides: ReviseDeadlines). Batches of rows locked with SKIP LOCKED, so several
 * adapter instances share the work and none revises an application another one holds; the core
 * does nothing for an application already on the version, so a restart or a second instance
 * never reports a revision twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { AdapterDeps } from '../pipeline/deps.js';
import { outboundEnv } from '../pipeline/deps.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { markCalendarVersion, selectApplicationsToRevise } from '../pipeline/saga/application-queries.js';

export interface RevisionOutcome {
  version: string;
  checked: number;
  revised: number;
}

export async function reviseOpenApplications(db: Knex, deps: AdapterDeps, batch = 200): Promise<RevisionOutcome> {
  const calendar = deps.calendar;
  const version = calendar.version.id;
  const out: RevisionOutcome = { version, checked: 0, revised: 0 };
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const ids = await selectApplicationsToRevise(tx, version, batch);
      for (const applicationId of ids) {
        const res = await executeCommand(
          tx,
          { type: 'ReviseDeadlines', applicationId, at: deps.now().toISOString() },
          { calendar },
          outboundEnv(deps, `calendar-${version}`),
        );
        if (!res.ok) {
          deps.log.error({ applicationId, code: res.rejection.code }, `deadline revision refused: ${res.rejection.message}`);
          await markCalendarVersion(tx, applicationId, version);
          continue;
        }
        if (res.events.length === 0) await markCalendarVersion(tx, applicationId, version);
        if (res.events.some((e) => e.type === 'DeadlinesRevised')) out.revised++;
      }
      return ids.length;
    });
    out.checked += n;
    if (n < batch) return out;
  }
}

/** Runs revisions one at a time; a reload during a pass runs one more pass after it. */
export class CalendarRevisions {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly db: Knex, private readonly deps: AdapterDeps) {}

  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const r = await reviseOpenApplications(this.db, this.deps);
          if (r.checked > 0) this.deps.log.info({ code: 'DEADLINES_REVISION', ...r }, 'open applications moved to the calendar version');
        } catch (err) {
          this.deps.log.error({ err }, 'deadline revision pass failed; trying again in 5 s');
          await sleep(5_000);
          this.again = true;
        }
      } while (this.again && !this.stopped);
      this.running = null;
    })();
    return this.running;
  }

  /** Waits for a pass in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }
}
