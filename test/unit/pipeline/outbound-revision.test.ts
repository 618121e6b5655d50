/**
 * What a DeadlinesRevised sends: its DEADLINES_REVISED stage (with the revision, the new calendar
 * version, provisional or not) and, when the term end moved, the applicant's TERM_REVISED notice
 * on the channel the application came from (kk and ru). Values are checked against Avro.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, evolve, initialState, type Application } from '../../../src/core/application/index.js';
import type { CalendarYear } from '../../../src/core/calendar/index.js';
import { topicSchema } from '../../../src/contract/schemas.js';
import { Topics, type TopicName } from '../../../src/contract/topics.js';
import { intentsOf } from '../../../src/core/application/effects/index.js';
import { translateIntents } from '../../../src/pipeline/saga/build-outbound.js';
import { calendarOf, SHIPPED_CALENDAR_DIR } from '../../support/calendar.js';
import { cmd, ctx, policy, portalApp, pscApp } from '../application/fixtures.js';

const y = (n: number) => JSON.parse(readFileSync(join(SHIPPED_CALENDAR_DIR, `${n}.json`), 'utf8')) as CalendarYear;
const calB = calendarOf(
  [
    y(2025),
    y(2026),
    {
      ...y(2027),
      kurbanAit: { date: '2027-05-17', basis: 'ANNOUNCED', source: 'test announcement' },
      publishedMovedDaysOff: undefined,
    },
  ],
  undefined,
  '2027-04-20/bbbbbbbbbbbb',
);
let n = 0;
const ids = { newId: () => `m-${++n}`, correlationId: 'calendar-2027-04-20/bbbbbbbbbbbb' };
let seq = 10;
const gateway = { senderId: 'S', serviceId: 'X', replyTopic: 'r' };

function revisedMessages(app: Application) {
  const received = decide(initialState, cmd.receive(app), ctx);
  if (!received.ok) throw new Error(received.rejection.message);
  const before = received.events.reduce(evolve, initialState);
  const revised = decide(
    before,
    { type: 'ReviseDeadlines', applicationId: app.applicationId, at: '2027-04-20T12:00:00+05:00' },
    { calendar: calB, policy },
  );
  if (!revised.ok) throw new Error(revised.rejection.message);
  const event = revised.events[0]!;
  const after = evolve(before, event);
  const intents = intentsOf(event, before, after, { now: '2027-04-20T12:00:00+05:00', policy, calendar: calB });
  return translateIntents(intents, event, after.application!, ids, gateway, () => ++seq).messages;
}

const valid = (topic: TopicName, value: unknown) => topicSchema(topic).type.isValid(value);
const at = '2027-05-05T10:00:00+05:00';

describe('outbound of a deadline revision', () => {
  it('portal: the DEADLINES_REVISED stage with the revision, then TERM_REVISED to the applicant', () => {
    const messages = revisedMessages(
      portalApp({ submittedAt: at, signature: { kind: 'EDS', reference: 'r', signedAt: at } }),
    );
    expect(messages.map((m) => m.topic)).toEqual([Topics.monitoringStages, Topics.portalNotifications]);
    const [stage, notice] = messages as [(typeof messages)[0], (typeof messages)[0]];
    expect(stage.value).toMatchObject({
      stage: 'DEADLINES_REVISED',
      calendarVersion: '2027-04-20/bbbbbbbbbbbb',
      deadlinesProvisional: true,
      revision: { previousCalendarVersion: ctx.calendar.version.id, termEndChanged: true },
      serviceTermEndsAt: `${calB.addWorkingDays('2027-05-05', 15)}T23:59:59.999+05:00`,
    });
    expect(notice.value).toMatchObject({
      kind: 'TERM_REVISED',
      termRevised: { termEndDate: calB.addWorkingDays('2027-05-05', 15) },
    });
    const text = (notice.value as { termRevised: { statusKk: string; statusRu: string } }).termRevised;
    expect(text.statusKk).toMatch(/мерзімі өзгерді/);
    expect(text.statusRu).toMatch(/изменился срок оказания услуги/);
    expect(valid(Topics.monitoringStages, stage.value)).toBe(true);
    expect(valid(Topics.portalNotifications, notice.value)).toBe(true);
  });

  it('PSC: the stage, then TERM_REVISED to the PSC branch', () => {
    const messages = revisedMessages(pscApp({ submittedAt: at }));
    expect(messages.map((m) => m.topic)).toEqual([Topics.monitoringStages, Topics.corporationNotifications]);
    expect(messages[1]!.value).toMatchObject({ kind: 'TERM_REVISED', branchId: 'PSC-ALM-07' });
    expect(valid(Topics.corporationNotifications, messages[1]!.value)).toBe(true);
  });
});
