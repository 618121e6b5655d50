import type { Knex } from 'knex';
import { decodeState, encodeState, type ApplicationState } from '../application/index.js';

export interface StoredApplication {
  state: ApplicationState;
  stageSeq: number;
}

/** Loads one application and locks its row until the transaction ends (serialises its writers). */
export async function selectApplicationForUpdate(tx: Knex.Transaction, applicationId: string): Promise<StoredApplication | null> {
  const row = await tx('applications').where({ application_id: applicationId }).forUpdate().first('state', 'stage_seq');
  return row ? { state: decodeState(row.state), stageSeq: Number(row.stage_seq) } : null;
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
  };
}

export async function insertApplication(tx: Knex.Transaction, state: ApplicationState, stageSeq: number): Promise<void> {
  await tx('applications').insert({ application_id: state.applicationId, ...columns(state, stageSeq) });
}

export async function updateApplication(tx: Knex.Transaction, state: ApplicationState, stageSeq: number): Promise<void> {
  await tx('applications')
    .where({ application_id: state.applicationId })
    .update({ ...columns(state, stageSeq), updated_at: tx.fn.now() });
}

/**
 * Applications not closed whose service term ends before `termEndsBefore`, nearest term first:
 * the candidates of the SLA timer (an application with its result ready is still listed; the
 * core's CheckSla finds nothing to report for it).
 */
export async function selectOpenApplicationIds(db: Knex, termEndsBefore: Date, limit: number): Promise<string[]> {
  return db('applications')
    .whereNotIn('status', ['INTAKE_REFUSED', 'HANDED_OVER', 'NEW'])
    .andWhere('term_ends_at', '<', termEndsBefore)
    .orderBy('term_ends_at')
    .limit(limit)
    .pluck('application_id');
}
