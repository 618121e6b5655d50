import type { Knex } from 'knex';

/**
 * application_events: every event the core decided, per application in order (seq = the state's
 * version after the event), with what caused it (a message, a timer, an operator, a calendar
 * version): the audit trail a state service owes. The state in `applications` is a cache of the
 * fold of these events.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      CREATE TABLE application_events (
        application_id text NOT NULL,
        seq            integer NOT NULL,
        type           text NOT NULL,
        at             timestamptz NOT NULL,
        event          jsonb NOT NULL,
        cause          jsonb NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, seq)
      );
    `);
  };
}
