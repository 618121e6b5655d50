import type { Knex } from 'knex';

/**
 * applications.calendar_version: the calendar version the application's deadlines were computed
 * on, so the revision after a calendar reload finds the open applications not yet on the new
 * version with an index instead of reading every state.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      ALTER TABLE applications ADD COLUMN calendar_version text;
      CREATE INDEX applications_calendar_version_idx ON applications (calendar_version)
        WHERE status NOT IN ('INTAKE_REFUSED', 'HANDED_OVER');
    `);
  };
}
