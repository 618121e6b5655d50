/**
 * The demo's applicants and the PSC counter: applications on every channel and result place
 * (portal, PSC, college office; some without consent, so refused on G3 after a hearing; some PSC
 * results left uncollected for a month), the stages each must reach (SPEC section 3) from what the
 * college simulator will decide for it (its draws are a pure function of the application id), and
 * a counter that answers the adapter's notifications to the PSC as the operators would (items
 * 61-62). Shared with the end-to-end tests.
 */
import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { envelope } from '../../contract/envelope.js';
import { millisToInstant } from '../../contract/logical-types.js';
import { messageKey } from '../../contract/message-key.js';
import type {
  CollegeDecisionMessage,
  CorporationApplicationMessage,
  CorporationNotificationMessage,
  IdentityPerson,
  PortalApplicationSubmitted,
} from '../../contract/messages.js';
import { Topics, type TopicName } from '../../contract/topics.js';
import { createClock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/schema.js';
import type { Logger } from '../../platform/logging/logger.js';
import { connectMessaging } from '../../platform/messaging/bootstrap.js';
import { drawCollege, type CollegePath } from '../college-simulator/draws.js';
import { eligiblePerson, officeApplication, portalApplication, pscApplication } from './applications.js';

export type Channel = 'PORTAL' | 'PSC' | 'COLLEGE_OFFICE';
export type Place = 'PORTAL' | 'PSC' | 'COLLEGE_OFFICE';

export interface Planned {
  id: string;
  channel: Channel;
  place: Place;
  path: CollegePath;
  /** Not collected at the PSC within the month: returned to the college, requested back, then handed over. */
  uncollected: boolean;
  applicantIin: string;
  topic: TopicName;
  value: PortalApplicationSubmitted | CorporationApplicationMessage | CollegeDecisionMessage;
}

/** "Now" of the run's clock, as an instant in Kazakhstan time. */
export function clockNow(config: AppConfig, plusMs = 0): string {
  return millisToInstant(createClock(config.clock).now().getTime() + plusMs);
}

/**
 * `n` applications at instant `at`: in tens, 3 portal (result at the college office), 1 portal
 * with a PSC place, 4 PSC, 2 at the college office; every 25th without consent (G3 after a hearing);
 * PSC ones with index `uncollectedEvery` apart are not collected in the month.
 */
export function plannedApplications(config: AppConfig, n: number, at: string, uncollectedEvery = 0): Planned[] {
  const { populationSeed: seed, populationSize: size } = config.gatewayStub;
  const s = config.collegeSimulator;
  const branchId = 'PSC-ALM-07';
  return Array.from({ length: n }, (_, i) => {
    const { person } = eligiblePerson(seed, size, i * 2, at.slice(0, 10));
    const consent = i % 25 !== 7;
    const slot = i % 10;
    const built = build(person, slot, consent, at, branchId);
    const path = drawCollege(s.seed, built.id, s.mix, s.objectionRate, consent).path;
    const uncollected =
      built.place === 'PSC' && built.channel === 'PSC' && uncollectedEvery > 0 && i % uncollectedEvery === 4;
    return { ...built, path, uncollected, applicantIin: person.iin };
  });
}

function build(person: IdentityPerson, slot: number, consent: boolean, at: string, branchId: string) {
  if (slot <= 3) {
    const value = portalApplication(person, {
      submittedAt: at,
      consent,
      pscBranchId: slot === 3 ? branchId : undefined,
    });
    const place: Place = slot === 3 ? 'PSC' : 'PORTAL';
    return { id: value.applicationId, channel: 'PORTAL' as const, place, topic: Topics.portalApplications, value };
  }
  if (slot <= 7) {
    const value = pscApplication(person, { acceptedAt: at, consent, branchId });
    return {
      id: value.applicationId,
      channel: 'PSC' as const,
      place: 'PSC' as const,
      topic: Topics.corporationApplications,
      value,
    };
  }
  const value = officeApplication(person, { receivedAt: at, consent });
  return {
    id: value.applicationId,
    channel: 'COLLEGE_OFFICE' as const,
    place: 'COLLEGE_OFFICE' as const,
    topic: Topics.collegeDecisions,
    value,
  };
}

export const isIssued = (a: Pick<Planned, 'path'>) => a.path === 'ISSUE' || a.path === 'HEARING_ISSUE';

/** The monitoring stages of a whole lifecycle, in order. */
export function expectedStages(a: Planned): string[] {
  const s = [a.channel === 'PORTAL' ? 'SUBMITTED' : 'ACCEPTED', 'IDENTITY_VERIFIED'];
  if (a.channel === 'PSC') s.push('REGISTER_DISPATCHED', 'DELIVERED_TO_COLLEGE');
  s.push('REGISTERED_AT_COLLEGE');
  if (a.path !== 'ISSUE') s.push('PRELIMINARY_REFUSAL', 'HEARING_HELD');
  s.push(...(isIssued(a) ? ['DUPLICATE_ISSUED', 'DIGITAL_PUBLISHED'] : ['REFUSED']));
  if (a.place === 'PSC') {
    s.push('RESULT_DISPATCHED', 'RESULT_READY');
    if (a.uncollected) s.push('RETURNED_TO_COLLEGE', 'RESULT_DISPATCHED', 'RESULT_READY');
    s.push('HANDED_OVER');
  } else {
    // At the college office: a duplicate is collected there (the college simulator reports it); a
    // refusal reached the applicant as a motivated notice and stays ready.
    s.push('RESULT_READY');
    if (isIssued(a)) s.push('HANDED_OVER');
  }
  return s;
}

/** The last stage of a lifecycle: the application is done when it has it. */
export function finalStage(a: Planned): string {
  return expectedStages(a).at(-1)!;
}

/**
 * 09:00 of the next working day on the run's clock, at least an hour ahead: the processes of a
 * fast clock take many clock hours to start, so applications are filed at a fixed office moment
 * once they all run, not at the clock's start.
 */
export function nextWorkingMorning(
  config: AppConfig,
  calendar: { isWorkingDay(d: string): boolean; nextWorkingDay(d: string): string },
): string {
  const now = Date.parse(clockNow(config));
  const today = clockNow(config).slice(0, 10);
  const at = (d: string) => `${d}T09:00:00.000+05:00`;
  if (calendar.isWorkingDay(today) && Date.parse(at(today)) - now >= 3_600_000) return at(today);
  return at(calendar.nextWorkingDay(today));
}

/** Sleeps until the run's clock reads `instant`. */
export async function untilClock(config: AppConfig, instant: string): Promise<void> {
  const realMs = (Date.parse(instant) - Date.parse(clockNow(config))) / config.clock.speed;
  if (realMs > 0) await new Promise((r) => setTimeout(r, realMs));
}

/**
 * What the PSC counter does with one notification: hand a ready result over at once, unless the
 * applicant is one of `uncollected` and it was not returned yet; on "return to college due",
 * return it and request it back the next moment. Returns the messages to send.
 */
export function pscAnswers(
  n: CorporationNotificationMessage,
  at: string,
  later: string,
  recipientIin: string,
  state: { uncollected: ReadonlySet<string>; returned: Set<string> },
): { kind: CorporationApplicationMessage['kind']; body: object; at: string }[] {
  if (n.kind === 'RESULT_READY_FOR_HANDOVER') {
    if (state.uncollected.has(n.applicationId) && !state.returned.has(n.applicationId)) return [];
    return [
      {
        kind: 'RESULT_HANDED_OVER',
        at,
        body: {
          receiptNumber: n.resultReadyForHandover!.receiptNumber,
          branchId: n.branchId,
          operatorId: 'OP-DEMO',
          handedOverAt: at,
          recipientIin,
          identityDocument: { type: 'ID_CARD', number: '000000001', validUntil: null, holderIin: null },
        },
      },
    ];
  }
  if (n.kind === 'RETURN_TO_COLLEGE_DUE') {
    state.returned.add(n.applicationId);
    return [
      {
        kind: 'RESULT_RETURNED_TO_COLLEGE',
        at,
        body: {
          branchId: n.branchId,
          collegeBin: n.returnToCollegeDue!.collegeBin,
          returnedAt: at,
          registerId: `RET-${n.applicationId}`,
        },
      },
      {
        kind: 'RESULT_RECALL_REQUESTED',
        at: later,
        body: { receiptNumber: n.returnToCollegeDue!.receiptNumber, branchId: n.branchId, requestedAt: later },
      },
    ];
  }
  return [];
}

export interface DemoFeeder {
  /** Sends the applications (portal, PSC, college office topics). */
  file(apps: readonly Planned[]): Promise<void>;
  stop(): Promise<void>;
}

/** The portal, the PSC counter and the college office's intake of the demo, over Kafka. */
export async function startFeeder(config: AppConfig, log: Logger, apps: () => readonly Planned[]): Promise<DemoFeeder> {
  const { kafka, codec } = await connectMessaging(config, log, '-demo-feeder');
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${config.kafka.groupId}-demo-psc-${randomUUID()}` });
  const returned = new Set<string>();
  const seen = new Set<string>();
  const send = async (topic: TopicName, value: object) =>
    producer.send({
      topic: codec.topic(topic),
      messages: [{ key: messageKey(topic, value as never), value: await codec.encode(codec.topic(topic), value) }],
    });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: codec.topic(Topics.corporationNotifications), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      const n = await codec.decode<CorporationNotificationMessage>(message.value);
      if (seen.has(n.messageId)) return;
      seen.add(n.messageId);
      const list = apps();
      const app = list.find((a) => a.id === n.applicationId);
      if (!app) return;
      const uncollected = new Set(list.filter((a) => a.uncollected).map((a) => a.id));
      const answers = pscAnswers(n, clockNow(config), clockNow(config, 1000), app.applicantIin, {
        uncollected,
        returned,
      });
      for (const a of answers) {
        const header = { messageId: randomUUID(), correlationId: n.applicationId, occurredAt: a.at };
        const value = envelope<CorporationApplicationMessage>(Topics.corporationApplications, a.kind, a.body, {
          ...header,
          applicationId: n.applicationId,
        });
        await send(Topics.corporationApplications, value);
      }
    },
  });
  return {
    async file(list) {
      for (const a of list) await send(a.topic, a.value);
    },
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
