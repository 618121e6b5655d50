import type { Knex } from 'knex';

/**
 * applications.register_id: the register a PSC application travels in (items 54-55), so the slot
 * of a register finds its applications, and a courier event of the register moves every one of
 * them, with an index instead of reading every state.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      ALTER TABLE applications ADD COLUMN register_id text;
      CREATE INDEX applications_register_idx ON applications (register_id) WHERE register_id IS NOT NULL;
    `);
  };
}
