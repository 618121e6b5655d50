/** What the lifecycle faults share: the clock and settings of test/e2e, filing, the courier orders check. */
import type { CourierOrderMessage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import pg from 'pg';
import { addDays } from '../../../src/core/calendar/index.js';
import { createClock } from '../../../src/platform/clock/clock.js';
import { shippedCalendar } from '../../support/calendar.js';
import type { Window } from './measure.js';
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

/**
 * The non-working days (weekends, holidays) of the run's clock from `from` for `days` days, as
 * windows on the performance.now() scale: at 3000x a weekend is over a real minute in which no
 * partner works and no stage is due, so a gap over one is not a stall.
 */
export function nonWorkingWindows(h: Harness, from: string, days: number): Window[] {
  const clock = createClock(h.config.clock);
  const cal = shippedCalendar();
  const out: Window[] = [];
  for (let i = 0; i <= days; i++) {
    const day = addDays(from.slice(0, 10), i);
    if (cal.isWorkingDay(day)) continue;
    const real = (d: string) => clock.toReal(new Date(`${d}T00:00:00+05:00`)).getTime() - performance.timeOrigin;
    out.push({ from: real(day), to: real(addDays(day, 1)) });
  }
  return out;
}
