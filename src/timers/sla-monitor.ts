import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { AdapterDeps } from '../pipeline/deps.js';
import { outboundEnv } from '../pipeline/deps.js';
import { executeCommand } from '../pipeline/saga/execute-command.js';
import { selectOpenApplicationIds } from '../pipeline/saga/application-queries.js';

/**
 * Applications whose term ends within this window are checked. "At risk" starts on the working
 * day before the term's last day (docs/sla.md); across the longest holiday run of the year
 * (Nauryz with its moved days) that is at most 7 calendar days before the term end.
 */
const LOOKAHEAD_MS = 10 * 24 * 3600_000;

/**
 * The SLA timer (item 64): asks the core, for every open application near or past its term end,
 * whether SLA_AT_RISK or SLA_BREACHED is due, and reports it once (the core remembers). One
 * transaction per application, so a long pass never holds many saga rows locked.
 */
export async function runSlaChecks(db: Knex, deps: AdapterDeps, limit = 500): Promise<number> {
  const now = deps.now();
  const ids = await selectOpenApplicationIds(db, new Date(now.getTime() + LOOKAHEAD_MS), limit);
  let signalled = 0;
  for (const applicationId of ids) {
    await db.transaction(async (tx) => {
      const res = await executeCommand(tx, { type: 'CheckSla', applicationId, at: now.toISOString() }, { calendar: deps.calendar }, outboundEnv(deps, `sla-check-${applicationId}`));
      if (res.ok && res.events.length > 0) {
        signalled++;
        deps.log.warn({ applicationId, signal: res.events.map((e) => e.type) }, 'SLA signal reported to monitoring');
      }
    });
  }
  return signalled;
}

export class SlaMonitor {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly wake = new AbortController();

  constructor(private readonly db: Knex, private readonly deps: AdapterDeps, private readonly intervalMs = 60_000) {}

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          await runSlaChecks(this.db, this.deps);
        } catch (err) {
          this.deps.log.error({ err }, 'SLA pass failed; will try again');
        }
        await sleep(this.intervalMs, undefined, { signal: this.wake.signal }).catch(() => undefined);
      }
    })();
  }

  /** Waits for a pass in progress, not for the pause between passes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.abort();
    await this.loop;
  }
}
