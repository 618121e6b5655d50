/**
 * The register's slot on real PostgreSQL (items 54-55): one REGISTER_DISPATCH per register, each
 * application in exactly one. The slot running again sends nothing; an application that joined
 * the register after its order left is planned into the next slot's register and travels in that
 * register's order only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterDeps } from '../../../src/pipeline/deps.js';
import { insertApplications } from '../../../src/pipeline/saga/application-queries.js';
import type { ApplicationTimers, TimerSink } from '../../../src/pipeline/saga/timer-sink.js';
import { createClock } from '../../../src/platform/clock/clock.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { dispatchRegister } from '../../../src/timers/register-slot.js';
import { shippedCalendar } from '../../support/calendar.js';
import { isolatedConfig } from '../../support/isolation.js';
import { at, cmd, pscApp, REGISTER_ID } from '../../unit/application/fixtures.js';
import { openQueriesDb, type QueriesDb } from '../queries/db.js';
import { stateAfter } from '../queries/states.js';

const NEXT_REGISTER_ID = 'reg-PSC-ALM-07-040740005191-202604062000';

let db: QueriesDb;
const config = isolatedConfig('register-slot');
beforeAll(async () => {
  db = await openQueriesDb('register-slot');
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.runtime('application_events').del();
  await db.runtime('outbox').del();
  await db.runtime('applications').del();
});

const timers: ApplicationTimers[] = [];
const sink: TimerSink = {
  async apply(_tx, steps) {
    timers.push(...steps);
  },
};

/** The adapter at `now` (Kazakhstan time of Monday 6 April 2026). */
function depsAt(now: string): AdapterDeps {
  return {
    config,
    calendar: shippedCalendar(),
    log: createLogger({ level: 'fatal' }),
    clock: createClock(config.clock),
    now: () => new Date(now),
    newId: () => crypto.randomUUID(),
    timers: sink,
  };
}

const accept = (applicationId: string, time: string) =>
  db.runtime.transaction((tx) =>
    insertApplications(tx, [
      { state: stateAfter(cmd.receive(pscApp({ applicationId, submittedAt: at('06', time) }))), stageSeq: 1 },
    ]),
  );

async function registerOrders(): Promise<{ messageId: string; registerId: string; applicationIds: string[] }[]> {
  const rows = await db.runtime('outbox').orderBy('id').select('value');
  return rows
    .map((r: { value: unknown }) => (typeof r.value === 'string' ? JSON.parse(r.value) : r.value))
    .filter((v: { kind?: string }) => v.kind === 'REGISTER_DISPATCH')
    .map((v: { messageId: string; registerDispatch: { registerId: string; applicationIds: string[] } }) => ({
      messageId: v.messageId,
      registerId: v.registerDispatch.registerId,
      applicationIds: v.registerDispatch.applicationIds,
    }));
}

const registerOf = async (applicationId: string) =>
  (await db.runtime('applications').where({ application_id: applicationId }).first('register_id')).register_id;

describe('the register slot: each application in exactly one REGISTER_DISPATCH (items 54-55)', () => {
  it('orders once; a run again sends nothing; a late joiner goes in the next slot only', async () => {
    await accept('APP-1', '10:00');
    await accept('APP-2', '11:00');
    const slot = depsAt(at('06', '13:00'));
    expect(await dispatchRegister(db.runtime, slot, REGISTER_ID)).toEqual({ ordered: 2, replanned: 0 });
    expect(await dispatchRegister(db.runtime, slot, REGISTER_ID)).toEqual({ ordered: 0, replanned: 0 });

    // Accepted at 12:59, processed after the order left: its acceptance armed the slot again.
    await accept('APP-3', '12:59');
    timers.length = 0;
    expect(await dispatchRegister(db.runtime, depsAt(at('06', '13:02')), REGISTER_ID)).toEqual({
      ordered: 0,
      replanned: 1,
    });
    expect(await registerOf('APP-3')).toBe(NEXT_REGISTER_ID);
    expect(await registerOf('APP-1')).toBe(REGISTER_ID);
    expect(timers.flatMap((t) => t.timers)).toContainEqual(
      expect.objectContaining({ purpose: 'REGISTER_SLOT', sharedKey: NEXT_REGISTER_ID }),
    );

    await accept('APP-4', '15:00');
    expect(await dispatchRegister(db.runtime, depsAt(at('06', '20:00')), NEXT_REGISTER_ID)).toEqual({
      ordered: 2,
      replanned: 0,
    });
    expect(await registerOrders()).toEqual([
      { messageId: `ro-${REGISTER_ID}`, registerId: REGISTER_ID, applicationIds: ['APP-1', 'APP-2'] },
      { messageId: `ro-${NEXT_REGISTER_ID}`, registerId: NEXT_REGISTER_ID, applicationIds: ['APP-3', 'APP-4'] },
    ]);
  });
});
