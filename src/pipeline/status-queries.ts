/**
 * What the operator sees of the pipeline's state, read when metrics are scraped or the operator
 * console is opened: one query per function, each an aggregate or a list of ids, phases and
 * deadlines (no personal data leaves the database).
 */
import type { Knex } from 'knex';
import { CLOSED_PHASES, IDENTITY_PHASES } from '../core/application/index.js';

export interface OutboxBacklog {
  /** Rows not yet published (set aside ones included). */
  rows: number;
  /** Age of the oldest of them, in seconds; 0 when there is none. */
  oldestSeconds: number;
}

/** The outbox rows the relay has not published yet, and how long the oldest has waited. */
export async function selectOutboxBacklog(db: Knex): Promise<OutboxBacklog> {
  const { rows } = await db.raw<{ rows: Array<{ n: number; age: number | null }> }>(
    `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age
       FROM outbox WHERE published_at IS NULL`,
  );
  return { rows: rows[0]?.n ?? 0, oldestSeconds: Math.max(0, rows[0]?.age ?? 0) };
}

export interface PhaseCount {
  phase: string;
  channel: string;
  count: number;
}

/** Open applications (neither refused at intake nor handed over) per phase and channel. */
export async function countOpenApplicationsByPhase(db: Knex): Promise<PhaseCount[]> {
  const rows = await db('applications')
    .whereNotIn('status', [...CLOSED_PHASES, 'NEW'])
    .select({ phase: 'status', channel: 'channel' })
    .count<Array<{ phase: string; channel: string; count: string }>>({ count: '*' })
    .groupBy('status', 'channel');
  return rows.map((r) => ({ phase: r.phase, channel: r.channel, count: Number(r.count) }));
}

export interface SlaCounts {
  /** Applications whose term still runs and was reported at risk, not breached. */
  atRisk: number;
  /** Applications whose term still runs and was reported breached. */
  breached: number;
  /** Applications whose identity check waits for the gateway while it can still complete. */
  identityInFlight: number;
}

/** The SLA signals and identity checks of the open applications, in one pass. */
export async function countSlaAndIdentity(db: Knex): Promise<SlaCounts> {
  const { rows } = await db.raw<{ rows: Array<{ at_risk: number; breached: number; identity: number }> }>(
    `SELECT
       count(*) FILTER (WHERE term_met_at IS NULL
                          AND state -> 'state' -> 'sla' ->> 'atRiskReportedAt' IS NOT NULL
                          AND state -> 'state' -> 'sla' ->> 'breachedReportedAt' IS NULL)::int AS at_risk,
       count(*) FILTER (WHERE term_met_at IS NULL
                          AND state -> 'state' -> 'sla' ->> 'breachedReportedAt' IS NOT NULL)::int AS breached,
       count(*) FILTER (WHERE state -> 'state' -> 'identity' ->> 'status' = 'PENDING'
                          AND status IN (${IDENTITY_PHASES.map(() => '?').join(', ')}))::int AS identity
       FROM applications WHERE status NOT IN (${CLOSED_PHASES.map(() => '?').join(', ')})`,
    [...IDENTITY_PHASES, ...CLOSED_PHASES],
  );
  const r = rows[0];
  return { atRisk: r?.at_risk ?? 0, breached: r?.breached ?? 0, identityInFlight: r?.identity ?? 0 };
}

export interface OverdueApplication {
  applicationId: string;
  phase: string;
  channel: string;
  termEndsAt: Date | null;
  /** True when the service term ended before `now` and the result has not reached its place. */
  termPassed: boolean;
  /** The steps whose own deadline passed undone (reported by the SLA check). */
  overdueSteps: string[];
  atRiskReportedAt: string | null;
  breachedReportedAt: string | null;
}

/**
 * The stuck and overdue open applications, oldest term first: whose term ended before `now` (the
 * adapter's clock) with the result not yet at its place, whose step deadline passed undone, or
 * which were reported at risk. Ids, phases and deadlines only: no personal data leaves the database.
 */
export async function selectOverdueApplications(db: Knex, now: Date, limit = 200): Promise<OverdueApplication[]> {
  const { rows } = await db.raw<{
    rows: Array<{
      application_id: string;
      status: string;
      channel: string;
      term_ends_at: Date | null;
      term_passed: boolean;
      steps: string[] | null;
      at_risk: string | null;
      breached: string | null;
    }>;
  }>(
    `SELECT application_id, status, channel, term_ends_at,
            coalesce(term_ends_at < ?, false) AS term_passed,
            state -> 'state' -> 'sla' -> 'stageBreaches' AS steps,
            state -> 'state' -> 'sla' ->> 'atRiskReportedAt' AS at_risk,
            state -> 'state' -> 'sla' ->> 'breachedReportedAt' AS breached
       FROM applications
      WHERE status NOT IN (${[...CLOSED_PHASES, 'NEW'].map(() => '?').join(', ')})
        AND term_met_at IS NULL
        AND (term_ends_at < ?
             OR jsonb_array_length(coalesce(state -> 'state' -> 'sla' -> 'stageBreaches', '[]'::jsonb)) > 0
             OR state -> 'state' -> 'sla' ->> 'atRiskReportedAt' IS NOT NULL)
      ORDER BY term_ends_at NULLS LAST, application_id
      LIMIT ?`,
    [now, ...CLOSED_PHASES, 'NEW', now, limit],
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    phase: r.status,
    channel: r.channel,
    termEndsAt: r.term_ends_at,
    termPassed: r.term_passed,
    overdueSteps: r.steps ?? [],
    atRiskReportedAt: r.at_risk,
    breachedReportedAt: r.breached,
  }));
}
