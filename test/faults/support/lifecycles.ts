/** What the lifecycle faults share: the clock and settings of test/e2e, filing, the courier orders check. */
import type { CourierOrderMessage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import pg from 'pg';
import type { Harness } from '../../support/adapter-harness.js';
import { expectedOrders, type Planned } from '../../e2e/support/lifecycles.js';

/** A clock 3000 times faster from Sunday 28 February 2027; a killed member's partitions stall 6 s. */
export const LIFECYCLE_SETTINGS = {
  CLOCK_START_AT: '2027-02-28T06:00:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  CLOCK_SPEED: '3000',
  IDENTITY_RESPONSE_TIMEOUT_MS: '86400000',
  TIMERS_POLL_INTERVAL_MS: '250',
  GATEWAY_STUB_POPULATION_SIZE: '2000',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
};
/** Sends the applications in chunks of 50. */
export async function file(h: Harness, apps: Planned[]): Promise<void> {
  for (let i = 0; i < apps.length; i += 50) {
    const chunk = apps.slice(i, i + 50);
    await h.producer.sendBatch({
      topicMessages: await Promise.all(
        chunk.map(async (a) => ({
          topic: h.topic(a.topic),
          messages: [{ key: a.id, value: await h.messaging.codec.encode(h.topic(a.topic), a.value) }],
        })),
      ),
    });
  }
}

/** Courier orders naming each application, against what it must have: the wrong ones. */
export function wrongOrders(h: Harness, apps: Planned[]): string[] {
  const orders = h.reader.on(h.topic(Topics.courierOrders)).map((m) => m.value as unknown as CourierOrderMessage);
  return apps.flatMap((a) => {
    const mine = orders
      .filter((o) =>
        o.kind === 'REGISTER_DISPATCH'
          ? o.registerDispatch!.applicationIds.includes(a.id)
          : o.resultDispatch!.applicationId === a.id,
      )
      .map((o) => o.kind);
    return JSON.stringify(mine) === JSON.stringify(expectedOrders(a)) ? [] : [`${a.id}: ${mine.join(',')}`];
  });
}

/**
 * Timers of the queue that are locked at the end of a run (a worker took them and did not finish):
 * graphile-worker gives a job locked by a worker that died back only after its job_expiry, 4 h.
 */
export async function lockedTimers(h: Harness): Promise<string[]> {
  const client = new pg.Client({ connectionString: h.config.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      task_identifier: string;
      key: string | null;
      locked_by: string;
      age: string;
    }>(
      `SELECT task_identifier, key, locked_by, round(extract(epoch FROM now() - locked_at))::text AS age
         FROM ${pg.escapeIdentifier(h.config.timers.schema)}.jobs WHERE locked_at IS NOT NULL`,
    );
    return rows.map((r) => `${r.task_identifier} ${r.key ?? ''} locked by ${r.locked_by} ${r.age} s ago`);
  } finally {
    await client.end();
  }
}
