import type { Knex } from 'knex';
import type { MigrationContext } from '../migrate.js';

/**
 * The migration (owner) role owns the schema; the runtime role reads and writes rows only: no DDL.
 * Creating the runtime role needs CREATEROLE; where a DBA manages roles, create it beforehand and
 * this step only grants.
 */
export function up(ctx: MigrationContext) {
  return async (knex: Knex): Promise<void> => {
    const { schema, runtimeRole, runtimePassword } = ctx;
    await knex.raw(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${runtimeRole}') THEN
          CREATE ROLE ${runtimeRole} LOGIN PASSWORD '${runtimePassword.replace(/'/g, "''")}';
        END IF;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$;`);
    await knex.raw(`GRANT USAGE ON SCHEMA ${schema} TO ${runtimeRole}`);
    await knex.raw(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtimeRole}`,
    );
    await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${runtimeRole}`);
  };
}
