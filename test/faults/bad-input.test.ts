/**
 * Fault suite, bad input: on every inbound topic, every kind of test/faults/support/bad-input.ts
 * (more than 60 each), each followed in the same partition (the topics have one here) by a valid
 * message whose stage must appear, once. The adapter and the gateway stub are real processes; on
 * the identity-responses topic the test is the gateway (the stub is stopped), on the courier topic
 * it is the courier. Per kind: what became of the bad record (a dead letter's code, found by its
 * partition and offset, or the stages it caused) and how long the valid one behind it took.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope } from '../../src/contract/envelope.js';
import type {
  CourierEventMessage,
  CourierOrderMessage,
  IdentityPerson,
  IdentityRequest,
  MonitoringStage,
} from '../../src/contract/messages.js';
import { Topics, dlqTopic, type TopicName } from '../../src/contract/topics.js';
import {
  eligiblePerson,
  officeApplication,
  portalApplication,
  pscApplication,
} from '../../src/local/demo/applications.js';
import { decideAnswer } from '../../src/local/gateway-stub/answer.js';
import { harness, type Harness } from '../support/adapter-harness.js';
import { clockNow } from '../support/clock.js';
import { spawnAdapter, spawnCommand, stopGently } from '../e2e/support/processes.js';
import { badKinds, type BadContext, type BadKind, type BadRecord } from './support/bad-input.js';
import { maxStall } from './support/measure.js';
import {
  logDir,
  personalDataOf,
  recordPersonalData,
  recordRow,
  withContacts,
  type KindOutcome,
} from './support/results.js';

const SETTINGS = {
  // A Tuesday; the registers leave at 13:00, which this clock (30 times faster) reaches soon.
  CLOCK_START_AT: '2027-03-02T12:30:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  CLOCK_SPEED: '30',
  // One partition: every valid message is right behind its bad one.
  KAFKA_PARTITIONS: '1',
  // Two hours of this clock (4 real minutes): the test, as the gateway, answers within it.
  IDENTITY_RESPONSE_TIMEOUT_MS: '7200000',
  GATEWAY_STUB_POPULATION_SIZE: '8000',
  TIMERS_POLL_INTERVAL_MS: '500',
};
const MORNING = '2027-03-02T12:00:00.000+05:00';
const dir = logDir('bad-input');
let h: Harness;
let adapter: ChildProcess | null = null;
let stub: ChildProcess | null = null;
let nextPerson = 0;
const persons = new Map<string, IdentityPerson>();
const personalData = new Set<string>();

function person(): IdentityPerson {
  const { seed, size } = { seed: h.config.gatewayStub.populationSeed, size: h.config.gatewayStub.populationSize };
  const found = eligiblePerson(seed, size, nextPerson % size, MORNING.slice(0, 10));
  nextPerson = found.index + 1;
  persons.set(found.person.iin, found.person);
  return found.person;
}

beforeAll(async () => {
  h = await harness('faults-bad-input', SETTINGS);
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), SETTINGS);
  adapter = await spawnAdapter(h.config, join(dir, 'adapter.log'), SETTINGS);
}, 180_000);

afterAll(async () => {
  recordPersonalData('bad-input', personalData);
  if (adapter) await stopGently(adapter);
  if (stub) await stopGently(stub);
  await h?.stop();
});

const stagesOf = (id: string) =>
  h.reader
    .on(h.topic(Topics.monitoringStages))
    .filter((r) => (r.value as unknown as MonitoringStage).applicationId === id);

interface Valid {
  key: string;
  value: Record<string, unknown>;
  applicationId: string;
}

interface Section {
  base: TopicName;
  /** A valid message about the victim of kind i (the bad record is made from it). */
  victim(i: number): Promise<Valid>;
  /** The valid message behind the bad one, and the stage it must cause. */
  follower(i: number): Promise<Valid & { stage: string }>;
}

async function send(topic: string, r: BadRecord): Promise<{ partition: number; offset: string }> {
  const [meta] = await h.producer.send({
    topic,
    messages: [{ key: r.key, value: r.value, headers: r.headers }],
  });
  return { partition: meta!.partition, offset: meta!.baseOffset! };
}

/** Kinds made from a template value of the topic (the field kinds follow its fields). */
function kindsFor(base: TopicName, template: Valid): BadKind[] {
  const ctx: BadContext = {
    base,
    topic: h.topic(base),
    prefix: h.config.kafka.topicPrefix,
    codec: h.messaging.codec,
    registryUrl: h.config.schemaRegistry.url,
    valid: template.value,
    key: template.key,
  };
  return badKinds(ctx);
}

async function runSection(s: Section, kinds: BadKind[]): Promise<KindOutcome[]> {
  const topic = h.topic(s.base);
  const startedAt = performance.now();
  const sent: {
    kind: string;
    records: { partition: number; offset: string; ids: string[]; sentAt: number }[];
    follower: Valid & { stage: string; sentAt: number };
  }[] = [];
  let messages = 0;
  for (let i = 0; i < kinds.length; i++) {
    const victim = await s.victim(i);
    const ctx: BadContext = {
      base: s.base,
      topic,
      prefix: h.config.kafka.topicPrefix,
      codec: h.messaging.codec,
      registryUrl: h.config.schemaRegistry.url,
      valid: victim.value,
      key: victim.key,
    };
    const records = await kinds[i]!.build(ctx);
    if (records.length === 0) continue;
    const at: { partition: number; offset: string; ids: string[]; sentAt: number }[] = [];
    for (const r of records) {
      personalDataOf(r.decoded ?? victim.value, personalData);
      const ids = [victim.applicationId];
      const decodedId = (r.decoded as { applicationId?: unknown } | undefined)?.applicationId;
      if (typeof decodedId === 'string' && decodedId !== victim.applicationId) ids.push(decodedId);
      const sentAt = performance.now();
      at.push({ ...(await send(topic, r)), ids, sentAt });
    }
    const f = await s.follower(i);
    personalDataOf(f.value, personalData);
    const sentAt = performance.now();
    await send(topic, { key: f.key, value: await h.messaging.codec.encode(topic, f.value) });
    messages += records.length + 1;
    sent.push({ kind: kinds[i]!.name, records: at, follower: { ...f, sentAt } });
  }
  const passed = (f: { applicationId: string; stage: string }) =>
    stagesOf(f.applicationId).filter((r) => (r.value as unknown as MonitoringStage).stage === f.stage);
  const dlq = dlqTopic(topic);
  const letterAt = (p: number, o: string) =>
    h.reader.on(dlq).find((l) => l.value.partition === p && String(l.value.offset) === o);
  await h.reader
    .until(
      () => sent.every((k) => passed(k.follower).length >= 1),
      240_000,
      `every valid message on ${s.base} at its stage`,
    )
    .catch(() => undefined);
  // Until the last valid message passed (or now, when one never did).
  const settledAt = sent.some((k) => passed(k.follower).length === 0)
    ? performance.now()
    : Math.max(...sent.map((k) => passed(k.follower)[0]!.receivedAt));
  // The dead letters of the last records, and any duplicate that was coming.
  await new Promise((r) => setTimeout(r, 5000));
  const outcomes: KindOutcome[] = sent.map((k) => {
    const got = passed(k.follower);
    const outcome = k.records
      .map((r, j) => {
        const letter = letterAt(r.partition, r.offset);
        if (letter) return String(letter.value.errorCode);
        // What it caused: stages of its application read after it was sent (not its intake's, before).
        const caused = r.ids.flatMap((id) =>
          stagesOf(id)
            .filter((x) => x.receivedAt > r.sentAt)
            .map((x) => (x.value as unknown as MonitoringStage).stage),
        );
        if (caused.length > 0 && j === 0) return `accepted (${[...new Set(caused)].join(', ')})`;
        return j > 0 ? 'no effect (a repeat)' : 'no effect';
      })
      .join(' + ');
    return {
      topic: s.base,
      kind: k.kind,
      outcome,
      nextPassed: got.length === 1,
      nextSeconds: got[0] ? Math.round((got[0].receivedAt - k.follower.sentAt) / 100) / 10 : -1,
    };
  });
  const parked: Record<string, number> = {};
  for (const l of h.reader.on(dlq)) parked[String(l.value.errorCode)] = (parked[String(l.value.errorCode)] ?? 0) + 1;
  const seen = sent.reduce((n, k) => n + passed(k.follower).length, 0);
  recordRow({
    family: 'bad input',
    fault: `${outcomes.length} kinds of bad input on ${s.base}, each followed by a valid message`,
    sent: messages,
    stagesExpected: sent.length,
    stagesSeen: seen,
    duplicates: sent.reduce((n, k) => n + Math.max(0, passed(k.follower).length - 1), 0),
    lost: outcomes.filter((o) => o.nextSeconds < 0).length,
    parked,
    recoverySeconds: outcomes.some((o) => o.nextSeconds < 0) ? null : Math.max(...outcomes.map((o) => o.nextSeconds)),
    maxStallSeconds: maxStall(h, startedAt, settledAt),
    kinds: outcomes,
  });
  return outcomes;
}

function check(outcomes: KindOutcome[]): void {
  expect(outcomes.length).toBeGreaterThanOrEqual(60);
  expect(outcomes.filter((o) => !o.nextPassed).map((o) => `${o.kind}: ${o.outcome}`)).toEqual([]);
  // Every bad record is parked or did what a valid record does; nothing vanishes unexplained.
  expect(outcomes.filter((o) => /(^| )no effect$/.test(o.outcome)).map((o) => o.kind)).toEqual([]);
}

const portal = (id?: string): Valid => {
  const v = withContacts(portalApplication(person(), { submittedAt: clockNow(h.config, -60_000), applicationId: id }));
  return { key: v.applicationId, value: v as unknown as Record<string, unknown>, applicationId: v.applicationId };
};
const psc = (branchId?: string): Valid => {
  const v = withContacts(pscApplication(person(), { acceptedAt: MORNING, branchId }));
  return { key: v.applicationId, value: v as unknown as Record<string, unknown>, applicationId: v.applicationId };
};
const office = (): Valid => {
  const v = withContacts(officeApplication(person(), { receivedAt: MORNING }));
  return { key: v.applicationId, value: v as unknown as Record<string, unknown>, applicationId: v.applicationId };
};

describe('fault suite: at least 60 kinds of bad input on every inbound topic, each followed by a valid message', () => {
  // PSC applications of their own branch each (so a register each) for the courier section: their
  // registers leave at 13:00, while the other sections run.
  const registers: { order: CourierOrderMessage; applicationId: string }[] = [];
  let courierKinds: BadKind[] = [];
  const courierApps: string[] = [];

  it('files the PSC applications whose registers the courier section needs', async () => {
    courierKinds = kindsFor(Topics.courierEvents, {
      key: 'template',
      applicationId: 'template',
      value: pickedUp(
        { messageId: randomUUID(), correlationId: 'x', registerDispatch: { registerId: 'reg-x' } } as never,
        'reg-x',
      ),
    });
    for (let i = 0; i < courierKinds.length * 2; i++) {
      const a = psc(`PSC-FLT-${String(i).padStart(3, '0')}`);
      courierApps.push(a.applicationId);
      personalDataOf(a.value, personalData);
      await h.send(Topics.corporationApplications, a.key, a.value);
    }
    expect(courierApps.length).toBeGreaterThan(120);
  });

  it('portal applications', async () => {
    const template = portal();
    check(
      await runSection(
        {
          base: Topics.portalApplications,
          victim: async () => portal(),
          follower: async () => ({ ...portal(), stage: 'SUBMITTED' }),
        },
        kindsFor(Topics.portalApplications, template),
      ),
    );
  }, 600_000);

  it('PSC applications', async () => {
    check(
      await runSection(
        {
          base: Topics.corporationApplications,
          victim: async () => psc(),
          follower: async () => ({ ...psc(), stage: 'ACCEPTED' }),
        },
        kindsFor(Topics.corporationApplications, psc()),
      ),
    );
  }, 600_000);

  it('college decisions (applications received at the office)', async () => {
    check(
      await runSection(
        {
          base: Topics.collegeDecisions,
          victim: async () => office(),
          follower: async () => ({ ...office(), stage: 'ACCEPTED' }),
        },
        kindsFor(Topics.collegeDecisions, office()),
      ),
    );
  }, 600_000);

  it('courier events (the register of each PSC application picked up)', async () => {
    const ordersTopic = h.topic(Topics.courierOrders);
    const mine = new Set(courierApps);
    const orders = () =>
      h.reader
        .on(ordersTopic)
        .map((r) => r.value as unknown as CourierOrderMessage)
        .filter((o) => o.kind === 'REGISTER_DISPATCH' && o.registerDispatch!.applicationIds.some((a) => mine.has(a)));
    await h.reader.until(() => orders().length >= courierApps.length, 300_000, 'a register order per application');
    for (const o of orders()) registers.push({ order: o, applicationId: o.registerDispatch!.applicationIds[0]! });
    const valid = (i: number): Valid => {
      const r = registers[i]!;
      const v = pickedUp(r.order, r.order.registerDispatch!.registerId);
      return { key: r.order.registerDispatch!.registerId, value: v, applicationId: r.applicationId };
    };
    check(
      await runSection(
        {
          base: Topics.courierEvents,
          victim: async (i) => valid(2 * i),
          follower: async (i) => ({ ...valid(2 * i + 1), stage: 'REGISTER_DISPATCHED' }),
        },
        courierKinds,
      ),
    );
  }, 600_000);

  it('identity responses (the test is the gateway)', async () => {
    await stopGently(stub!);
    stub = null;
    const template = portal();
    const kinds = kindsFor(Topics.identityResponses, { ...template, value: answer(fakeRequest(template)) });
    const apps: Valid[] = [];
    for (let i = 0; i < kinds.length * 2; i++) {
      const a = portal();
      apps.push(a);
      personalDataOf(a.value, personalData);
      await h.send(Topics.portalApplications, a.key, a.value);
    }
    const wanted = new Set(apps.map((a) => a.applicationId));
    const requests = new Map<string, IdentityRequest>();
    await h.reader.until(
      () => {
        for (const r of h.reader.on(h.topic(Topics.identityRequests))) {
          const q = r.value as unknown as IdentityRequest;
          if (wanted.has(q.applicationId) && !requests.has(q.applicationId)) requests.set(q.applicationId, q);
        }
        return requests.size === wanted.size;
      },
      240_000,
      'an identity request per application',
    );
    const valid = (i: number): Valid => {
      const a = apps[i]!;
      return { key: a.key, value: answer(requests.get(a.applicationId)!), applicationId: a.applicationId };
    };
    check(
      await runSection(
        {
          base: Topics.identityResponses,
          victim: async (i) => valid(2 * i),
          follower: async (i) => ({ ...valid(2 * i + 1), stage: 'IDENTITY_VERIFIED' }),
        },
        kinds,
      ),
    );
  }, 900_000);
});

function pickedUp(order: CourierOrderMessage, registerId: string): Record<string, unknown> {
  const at = clockNow(h.config, -1000);
  const header = {
    messageId: randomUUID(),
    correlationId: order.correlationId,
    occurredAt: at,
    orderMessageId: order.messageId,
  };
  const body = { registerId, applicationId: null, at, trackingNumber: `KZP-${randomUUID().slice(0, 9)}` };
  return envelope<CourierEventMessage>(Topics.courierEvents, 'PICKED_UP', body, header) as unknown as Record<
    string,
    unknown
  >;
}

function fakeRequest(a: Valid): IdentityRequest {
  const v = a.value as { applicationId: string; form: { applicant: { iin: string } } };
  return {
    messageId: randomUUID(),
    correlationId: v.applicationId,
    occurredAt: clockNow(h.config),
    serviceId: h.config.identity.serviceId,
    messageDate: clockNow(h.config),
    requestId: `idr-template-${randomUUID()}`,
    senderId: h.config.identity.senderId,
    applicationId: v.applicationId,
    iin: v.form.applicant.iin,
    replyTopic: h.topic(Topics.identityResponses),
  } as IdentityRequest;
}

function answer(request: IdentityRequest): Record<string, unknown> {
  const a = decideAnswer({
    request,
    population: persons,
    settings: { serviceId: h.config.identity.serviceId, errorRate: 0, notFoundRate: 0, outages: [] },
    elapsedMs: 0,
    now: clockNow(h.config, -1000),
    messageId: randomUUID(),
  });
  if (a.kind !== 'RESPOND') throw new Error('the test gateway is never silent');
  return a.response as unknown as Record<string, unknown>;
}
