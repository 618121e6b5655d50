import type { Knex } from 'knex';
import { decodeState, encodeState, type ApplicationState } from '../../core/application/index.js';

export interface StoredApplication {
  state: ApplicationState;
  stageSeq: number;
}

/** Loads one application and locks its row until the transaction ends (serialises its writers). */
export async function selectApplicationForUpdate(
  tx: Knex.Transaction,
  applicationId: string,
): Promise<StoredApplication | null> {
  const row = await tx('applications').where({ application_id: applicationId }).forUpdate().first('state', 'stage_seq');
  return row ? { state: decodeState(row.state), stageSeq: Number(row.stage_seq) } : null;
}

/**
 * Loads the applications of a batch and locks their rows, in id order (two batches that lock
 * some of the same applications then take the locks in the same order). Missing ids are absent.
 */
export async function selectApplicationsForUpdate(
  tx: Knex.Transaction,
  applicationIds: readonly string[],
): Promise<Map<string, StoredApplication>> {
  const found = new Map<string, StoredApplication>();
  if (applicationIds.length === 0) return found;
  const rows = await tx('applications')
    .whereIn('application_id', [...new Set(applicationIds)])
    .orderBy('application_id')
    .forUpdate()
    .select('application_id', 'state', 'stage_seq');
  for (const r of rows as { application_id: string; state: unknown; stage_seq: string | number }[])
    found.set(r.application_id, { state: decodeState(r.state), stageSeq: Number(r.stage_seq) });
  return found;
}

function columns(state: ApplicationState, stageSeq: number) {
  const app = state.application!;
  return {
    channel: app.channel,
    college_bin: app.collegeBin,
    status: state.phase,
    state: encodeState(state),
    version: state.version,
    stage_seq: stageSeq,
    registration_date: state.deadlines?.registrationDate ?? null,
    term_end_date: state.deadlines?.termEndDate ?? null,
    term_ends_at: state.deadlines?.termEndsAt ?? null,
    calendar_version: state.calendar?.calendarVersion ?? null,
    register_id: state.registerPlan?.registerId ?? null,
    term_met_at: state.result?.firstReadyAt ?? null,
  };
}

/** Inserts new applications, one statement (a second writer of the same id fails on the key). */
export async function insertApplications(tx: Knex.Transaction, rows: readonly StoredApplication[]): Promise<void> {
  if (rows.length === 0) return;
  await tx('applications').insert(
    rows.map((r) => ({ application_id: r.state.applicationId, ...columns(r.state, r.stageSeq) })),
  );
}

/**
 * Writes the new state of applications that exist (their rows locked by this transaction), one
 * statement: the rows are joined with a recordset of the new columns.
 */
export async function updateApplications(tx: Knex.Transaction, rows: readonly StoredApplication[]): Promise<void> {
  if (rows.length === 0) return;
  // The state column is already JSON text: spliced in as it is, not parsed and written again.
  const values = rows.map((r) => {
    const { state, ...rest } = columns(r.state, r.stageSeq);
    return `{${JSON.stringify({ application_id: r.state.applicationId, ...rest }).slice(1, -1)},"state":${state}}`;
  });
  await tx.raw(
    `UPDATE applications AS a SET
       channel = v.channel, college_bin = v.college_bin, status = v.status, state = v.state,
       version = v.version, stage_seq = v.stage_seq, registration_date = v.registration_date,
       term_end_date = v.term_end_date, term_ends_at = v.term_ends_at, calendar_version = v.calendar_version,
       register_id = v.register_id, term_met_at = v.term_met_at, updated_at = now()
     FROM jsonb_to_recordset(?::jsonb) AS v(
       application_id text, channel text, college_bin text, status text, state jsonb, version integer,
       stage_seq bigint, registration_date date, term_end_date date, term_ends_at timestamptz,
       calendar_version text, register_id text, term_met_at timestamptz)
     WHERE a.application_id = v.application_id`,
    [`[${values.join(',')}]`],
  );
}

/**
 * The SLA timer's candidates: applications whose service term is still running (not closed, the
 * result not yet at its place), whose term ends before `termEndsBefore`, and which have not been
 * reported as breached yet: the nearest term first. Reported and finished applications drop out,
 * so they never crowd the newer ones out of the limit.
 */
export async function selectOpenApplicationIds(db: Knex, termEndsBefore: Date, limit: number): Promise<string[]> {
  return db('applications')
    .whereNotIn('status', ['INTAKE_REFUSED', 'HANDED_OVER', 'NEW'])
    .andWhere('term_ends_at', '<', termEndsBefore)
    .andWhereRaw("(state -> 'state' -> 'sla' ->> 'breachedReportedAt') IS NULL")
    .andWhereRaw("(state -> 'state' -> 'result' ->> 'firstReadyAt') IS NULL")
    .orderBy('term_ends_at')
    .limit(limit)
    .pluck('application_id');
}

/**
 * Applications whose term still runs (not closed, the result not yet at its place: a met term is
 * not revised) and whose deadlines do not rest on calendar `version`, with an id after `afterId`
 * (a cursor: '' from the start), in id order. Nothing is locked: each is revised in a transaction
 * of its own (lockApplicationSkipLocked).
 */
export async function selectApplicationIdsToRevise(
  db: Knex | Knex.Transaction,
  version: string,
  afterId: string,
  limit: number,
): Promise<string[]> {
  return db('applications')
    .whereNotIn('status', ['INTAKE_REFUSED', 'HANDED_OVER', 'NEW'])
    .whereNull('term_met_at')
    .andWhere((q) => q.whereNull('calendar_version').orWhereNot('calendar_version', version))
    .andWhere('application_id', '>', afterId)
    .orderBy('application_id')
    .limit(limit)
    .pluck('application_id');
}

/**
 * Locks one application's row for this transaction unless another transaction holds it (SKIP
 * LOCKED): true when locked here, false when it is held (never waited for).
 */
export async function lockApplicationSkipLocked(tx: Knex.Transaction, applicationId: string): Promise<boolean> {
  const ids = await tx('applications')
    .where({ application_id: applicationId })
    .forUpdate()
    .skipLocked()
    .pluck('application_id');
  return ids.length > 0;
}

/** Records that an application's deadlines rest on `version` when the revision changed nothing to write. */
export async function markCalendarVersion(tx: Knex.Transaction, applicationId: string, version: string): Promise<void> {
  await tx('applications').where({ application_id: applicationId }).update({ calendar_version: version });
}

/**
 * How many applications the revision to `version` still has to check, by the filter of
 * selectApplicationsToRevise (the revision is settled at 0).
 */
export async function countApplicationsToRevise(db: Knex, version: string): Promise<number> {
  const [row] = await db('applications')
    .whereNotIn('status', ['INTAKE_REFUSED', 'HANDED_OVER', 'NEW'])
    .whereNull('term_met_at')
    .andWhere((q) => q.whereNull('calendar_version').orWhereNot('calendar_version', version))
    .count<{ count: string }[]>({ count: '*' });
  return Number(row?.count ?? 0);
}

/** The applications of a register (items 54-55), locked for this transaction, in id order. */
export async function selectRegisterMembersForUpdate(
  tx: Knex.Transaction,
  registerId: string,
): Promise<ApplicationState[]> {
  const rows = await tx('applications')
    .where({ register_id: registerId })
    .orderBy('application_id')
    .forUpdate()
    .select('state');
  return rows.map((r: { state: unknown }) => decodeState(r.state));
}
