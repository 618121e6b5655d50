import type { Knex } from 'knex';

/**
 * applications: one row per application, the saga state (jsonb) and the facts the read side
 * queries. inbox: every consumed messageId once (dedupe). outbox: messages to publish, written in
 * the same transaction as the state they report; `txid` lets the relay publish only rows whose
 * transaction is older than every running one, so a slower concurrent transaction is never skipped.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      CREATE TABLE applications (
        application_id   text PRIMARY KEY,
        channel          text NOT NULL CHECK (channel IN ('PORTAL','PSC','COLLEGE_OFFICE')),
        college_bin      text NOT NULL,
        status           text NOT NULL,
        state            jsonb NOT NULL,
        version          integer NOT NULL DEFAULT 1,
        stage_seq        bigint NOT NULL DEFAULT 0,
        registration_date date,
        term_end_date    date,
        term_ends_at     timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX applications_college_idx ON applications (college_bin, status);
      CREATE INDEX applications_open_term_idx ON applications (term_ends_at) WHERE status NOT IN ('INTAKE_REFUSED', 'HANDED_OVER');

      CREATE TABLE inbox (
        message_id   text PRIMARY KEY,
        topic        text NOT NULL,
        partition    integer NOT NULL,
        "offset"     bigint NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE outbox (
        id           bigserial PRIMARY KEY,
        txid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
        topic        text NOT NULL,
        message_key  text NOT NULL,
        value        jsonb NOT NULL,
        headers      jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
    `);
  };
}
