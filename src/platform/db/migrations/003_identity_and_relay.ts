import type { Knex } from 'knex';

/**
 * identity_requests: one row per identity check (item 49) and its attempts; the retry scheduler
 * re-asks the gateway when an answer is overdue. outbox_batches: the ids of each relay batch,
 * so the batch whose Kafka transaction committed just before a crash is marked on recovery.
 */
export function up() {
  return async (knex: Knex): Promise<void> => {
    await knex.raw(`
      CREATE TABLE identity_requests (
        request_id      text PRIMARY KEY,
        application_id  text NOT NULL REFERENCES applications (application_id),
        status          text NOT NULL CHECK (status IN ('WAITING','ANSWERED','FAILED')),
        attempts        integer NOT NULL DEFAULT 1,
        next_attempt_at timestamptz NOT NULL,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        answered_at     timestamptz
      );
      CREATE INDEX identity_requests_due_idx ON identity_requests (next_attempt_at) WHERE status = 'WAITING';
      CREATE INDEX identity_requests_application_idx ON identity_requests (application_id);

      CREATE TABLE outbox_batches (
        seq        bigint PRIMARY KEY,
        ids        bigint[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  };
}
