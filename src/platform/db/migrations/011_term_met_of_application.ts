import type { Knex } from 'knex';

/**
 * applications.term_met_at: when the result first reached its place (state.result.firstReadyAt,
 * item 63: the term is met then). A calendar revision leaves those applications alone, so the
 * revision's index covers only the applications whose term still runs.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      ALTER TABLE applications ADD COLUMN term_met_at timestamptz;
      UPDATE applications SET term_met_at = (state -> 'state' -> 'result' ->> 'firstReadyAt')::timestamptz
        WHERE state -> 'state' -> 'result' ->> 'firstReadyAt' IS NOT NULL;
      CREATE INDEX applications_to_revise_idx ON applications (calendar_version)
        WHERE status NOT IN ('INTAKE_REFUSED', 'HANDED_OVER', 'NEW') AND term_met_at IS NULL;
      DROP INDEX applications_calendar_version_idx;
    `);
  };
}
