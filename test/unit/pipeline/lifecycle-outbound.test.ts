/**
 * Whole lifecycles through the real core and the real builders: every message each event causes,
 * in order, valid against its topic's Avro schema; who is told what on every path (items 49-62).
 */
import { describe, expect, it } from 'vitest';
import { intentsOf } from '../../../src/core/application/effects/index.js';
import { registerOrderOf } from '../../../src/core/application/effects/register-order.js';
import type { ApplicationCommand } from '../../../src/core/application/index.js';
import { topicSchema } from '../../../src/contract/schemas.js';
import { Topics, type TopicName } from '../../../src/contract/topics.js';
import { buildRegisterDispatch } from '../../../src/partners/courier/build-order.js';
import type { OutboxMessage } from '../../../src/pipeline/outbox/outbox-queries.js';
import { translateIntents } from '../../../src/pipeline/saga/build-outbound.js';
import {
  at,
  cmd,
  ctx,
  DISPATCH_ID,
  officeApp,
  policy,
  portalApp,
  pscApp,
  REGISTER_ID,
  registerPerson,
} from '../application/fixtures.js';
import { run } from './core-run.js';

const gateway = { senderId: 'S', serviceId: 'GBDFL', replyTopic: 'it.egov.gateway.identity.responses.v1' };

function outbound(commands: ApplicationCommand[]) {
  let n = 0;
  let seq = 0;
  const ids = { newId: () => `m-${++n}`, correlationId: 'c' };
  const { steps, state } = run(commands);
  const perEvent = steps.map((s) => ({
    event: s.event.type,
    messages: translateIntents(
      intentsOf(s.event, s.before, s.after, { now: s.event.at, policy, calendar: ctx.calendar }),
      s.event,
      s.after.application!,
      ids,
      gateway,
      () => ++seq,
    ).messages,
  }));
  return { perEvent, all: perEvent.flatMap((e) => e.messages), state };
}

const v = (m: OutboxMessage) => m.value as unknown as Record<string, unknown>;
function invalid(m: OutboxMessage): string[] {
  const paths: string[] = [];
  topicSchema(m.topic as TopicName).type.isValid(m.value, {
    errorHook: (p) => paths.push(`${m.topic}:${p.join('.')}`),
  });
  return paths;
}
const kinds = (ms: OutboxMessage[], topic: TopicName) =>
  ms.filter((m) => m.topic === topic).map((m) => v(m).kind ?? v(m).stage);

describe('a PSC application, issued, collected at the PSC', () => {
  const { perEvent, all, state } = outbound([
    cmd.receive(pscApp()),
    cmd.identityOk(at('06', '10:01')),
    cmd.dispatchRegister(at('06', '13:05')),
    cmd.deliverRegister(at('06', '15:00')),
    cmd.register(at('06', '15:30')),
    cmd.issue(at('09')),
    cmd.dispatchResult(at('09', '14:00')),
    cmd.deliverResult(at('10', '11:00')),
    cmd.handOver(at('15')),
  ]);

  it('every message is valid Avro of its topic', () => {
    expect(all.flatMap(invalid)).toEqual([]);
  });

  it('reports every stage in order, numbered from 1', () => {
    const stages = all.filter((m) => m.topic === Topics.monitoringStages);
    expect(stages.map((m) => v(m).stage)).toEqual([
      'ACCEPTED',
      'IDENTITY_VERIFIED',
      'REGISTER_DISPATCHED',
      'DELIVERED_TO_COLLEGE',
      'REGISTERED_AT_COLLEGE',
      'DUPLICATE_ISSUED',
      'DIGITAL_PUBLISHED',
      'RESULT_DISPATCHED',
      'RESULT_READY',
      'HANDED_OVER',
    ]);
    expect(stages.map((m) => v(m).sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(state.phase).toBe('HANDED_OVER');
  });

  it('the college gets the application once, when the register is delivered, with the identity data', () => {
    const college = all.filter((m) => m.topic === Topics.collegeApplications);
    expect(college).toHaveLength(1);
    expect(perEvent.find((e) => e.messages.includes(college[0]!))!.event).toBe('DeliveredToCollege');
    expect(college[0]!.key).toBe('040740005191');
    expect(v(college[0]!)).toMatchObject({
      dispatchRegisterId: REGISTER_ID,
      channel: 'PSC',
      identity: { iin: registerPerson().iin },
      officeReceipt: null,
    });
  });

  it('the courier gets the result order with the dispatch id as its message id, due one day before the term ends', () => {
    const orders = all.filter((m) => m.topic === Topics.courierOrders);
    expect(orders.map((m) => v(m).kind)).toEqual(['RESULT_DISPATCH']);
    expect(v(orders[0]!)).toMatchObject({
      messageId: DISPATCH_ID,
      resultDispatch: { toBranchId: 'PSC-ALM-07', deliverBy: '2026-04-26T23:59:59.999+05:00' },
    });
  });

  it('eGovMobile gets the digital diploma bound to the IIN; the PSC gets the receipt and "ready for hand-over"', () => {
    expect(all.filter((m) => m.topic === Topics.digitalDocuments).map((m) => v(m).ownerIin)).toEqual([
      pscApp().applicant.iin,
    ]);
    expect(kinds(all, Topics.corporationNotifications)).toEqual(['RECEIPT', 'RESULT_READY_FOR_HANDOVER']);
    const ready = all.find((m) => v(m).kind === 'RESULT_READY_FOR_HANDOVER')!;
    expect(v(ready).resultReadyForHandover).toMatchObject({ resultKind: 'DUPLICATE', keepUntil: '2026-05-10' });
  });
});

describe('a portal application refused after a hearing', () => {
  const { all } = outbound([
    cmd.receive(portalApp()),
    cmd.identityOk(at('06', '10:01')),
    cmd.register(at('06', '11:00')),
    cmd.preliminary(at('08'), at('10', '11:00')),
    cmd.hearing(at('10', '11:30')),
    cmd.refuse(at('13')),
  ]);

  it('every message is valid Avro of its topic; the application reaches the college when its identity is verified', () => {
    expect(all.flatMap(invalid)).toEqual([]);
    expect(all.filter((m) => m.topic === Topics.collegeApplications)).toHaveLength(1);
  });

  it('the applicant gets ACCEPTED, the hearing notice and the motivated refusal, in Kazakh and Russian, without codes', () => {
    expect(kinds(all, Topics.portalNotifications)).toEqual(['ACCEPTED', 'HEARING_NOTICE', 'REFUSED']);
    const notice = v(all.find((m) => v(m).kind === 'HEARING_NOTICE')!).hearingNotice as Record<string, string>;
    expect(notice.motivationRu).toContain('Заслушивание 2026-04-10 11:00');
    expect(notice.motivationKk).toContain('Тыңдау 2026-04-10 11:00');
    const refused = v(all.find((m) => v(m).kind === 'REFUSED')!).refused as Record<string, string>;
    expect(refused.motivationRu).toContain('В выдаче дубликата отказано');
    for (const t of [notice.motivationKk, notice.motivationRu, refused.motivationKk, refused.motivationRu])
      expect(t).not.toMatch(/G[123]_|[A-Z]{4,}_[A-Z]/);
  });
});

describe('a PSC application decided after the limit of its result (items 58-59)', () => {
  const { all } = outbound([
    cmd.receive(pscApp()),
    cmd.identityOk(at('06', '10:01')),
    cmd.dispatchRegister(at('06', '13:00')),
    cmd.deliverRegister(at('06', '15:00')),
    cmd.register(at('06', '15:30')),
    cmd.issue(at('27', '12:00')),
  ]);

  it('orders a courier slot that ends after it starts, with the legal limit as deliverBy', () => {
    expect(all.flatMap(invalid)).toEqual([]);
    const order = v(all.find((m) => v(m).kind === 'RESULT_DISPATCH')!).resultDispatch as {
      slot: { from: string; to: string };
      deliverBy: string;
    };
    expect(Date.parse(order.slot.to)).toBeGreaterThan(Date.parse(order.slot.from));
    expect(order.slot).toEqual({ from: at('27', '12:00'), to: '2026-04-28T23:59:59.999+05:00' });
    expect(order.deliverBy).toBe('2026-04-26T23:59:59.999+05:00');
  });
});

describe('a PSC application collected at the college office, refused after a hearing (item 58)', () => {
  const app = pscApp({ resultPlace: { kind: 'COLLEGE_OFFICE' } });
  const { all } = outbound([
    cmd.receive(app),
    cmd.identityOk(at('06', '10:01')),
    cmd.dispatchRegister(at('06', '13:00')),
    cmd.deliverRegister(at('06', '15:00')),
    cmd.register(at('06', '15:30')),
    cmd.preliminary(at('08'), at('10', '11:00')),
    cmd.hearing(at('10', '11:30')),
    cmd.refuse(at('13')),
  ]);

  it('no courier order; the accepting PSC gets the hearing notice and RESULT_AT_COLLEGE, as valid Avro', () => {
    expect(all.flatMap(invalid)).toEqual([]);
    expect(all.filter((m) => m.topic === Topics.courierOrders && v(m).kind === 'RESULT_DISPATCH')).toEqual([]);
    expect(kinds(all, Topics.corporationNotifications)).toEqual(['RECEIPT', 'HEARING_NOTICE', 'RESULT_AT_COLLEGE']);
    const told = all.find((m) => v(m).kind === 'RESULT_AT_COLLEGE')!;
    expect(v(told)).toMatchObject({ branchId: 'PSC-ALM-07' });
    expect(v(told).resultAtCollege).toMatchObject({
      receiptNumber: 'R-2026-000123',
      resultKind: 'MOTIVATED_REFUSAL',
      refusalGround: 'G1_UNRELIABLE_DATA',
      digitalDiplomaPublished: false,
      textRu: expect.stringContaining('В выдаче дубликата отказано'),
    });
  });
});

describe('a portal application whose identity the gateway cannot confirm (item 49)', () => {
  const { all } = outbound([cmd.receive(portalApp()), cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND')]);

  it('reaches the college without identity data, saying why, as valid Avro; the college judges it', () => {
    expect(all.flatMap(invalid)).toEqual([]);
    const college = all.filter((m) => m.topic === Topics.collegeApplications);
    expect(college).toHaveLength(1);
    expect(v(college[0]!)).toMatchObject({
      channel: 'PORTAL',
      identity: null,
      identityFailure: { reason: 'NOT_FOUND', attempts: 1, detail: null },
    });
  });
});

describe('an office application, issued, collected at the office', () => {
  const { all, perEvent } = outbound([
    cmd.receive(officeApp()),
    cmd.identityOk(at('06', '10:01')),
    cmd.register(at('06', '10:30')),
    cmd.issue(at('08')),
  ]);

  it('the college gets the application at once with the office receipt; the result is ready at the office with the decision', () => {
    expect(all.flatMap(invalid)).toEqual([]);
    const college = all.filter((m) => m.topic === Topics.collegeApplications);
    expect(college.map((m) => v(m).purpose)).toEqual(['APPLICATION', 'IDENTITY_CHECKED']);
    expect(v(college[0]!).officeReceipt).toMatchObject({ receiptNumber: 'APP-1', resultDueOn: '2026-04-27' });
    expect(v(college[0]!).identity).toBeNull();
    expect(
      all
        .filter((m) => m.topic === Topics.monitoringStages)
        .map((m) => v(m).stage)
        .slice(-3),
    ).toEqual(['DUPLICATE_ISSUED', 'DIGITAL_PUBLISHED', 'RESULT_READY']);
    expect(all.filter((m) => m.topic === Topics.courierOrders)).toEqual([]);
  });

  it('the college then learns the identity check is over, with the person, the receipt not repeated (item 49)', () => {
    const [, checked] = all.filter((m) => m.topic === Topics.collegeApplications);
    expect(perEvent.find((e) => e.messages.includes(checked!))!.event).toBe('IdentityVerified');
    expect(checked!.key).toBe('040740005191');
    expect(v(checked!)).toMatchObject({
      purpose: 'IDENTITY_CHECKED',
      channel: 'COLLEGE_OFFICE',
      identity: { iin: registerPerson().iin },
      identityFailure: null,
      officeReceipt: null,
    });
  });
});

describe('a portal application with the result at a PSC', () => {
  const app = portalApp({ resultPlace: { kind: 'PSC', branchId: 'PSC-AST-01' } });
  const { all } = outbound([
    cmd.receive(app),
    cmd.identityOk(at('06', '10:01')),
    cmd.register(at('06', '11:00')),
    cmd.issue(at('08')),
    cmd.dispatchResult(at('08', '15:00')),
    cmd.deliverResult(at('09', '11:00')),
  ]);

  it('the duplicate goes by courier; when it arrives the PSC and the applicant are told (READY names the branch)', () => {
    expect(all.flatMap(invalid)).toEqual([]);
    expect(kinds(all, Topics.courierOrders)).toEqual(['RESULT_DISPATCH']);
    expect(kinds(all, Topics.corporationNotifications)).toEqual(['RESULT_READY_FOR_HANDOVER']);
    const ready = all.find((m) => v(m).kind === 'READY')!;
    expect(v(ready).ready).toMatchObject({
      resultPlace: { kind: 'PSC', branchId: 'PSC-AST-01' },
      digitalDiplomaPublished: true,
    });
  });
});

describe('the register of a slot (items 54-55)', () => {
  it('gathers the waiting applications of one register into one order in two copies, valid Avro', () => {
    const a = run([cmd.receive(pscApp())]).state;
    const b = run([cmd.receive(pscApp({ applicationId: 'APP-2', submittedAt: at('06', '11:00') }))]).state;
    const gone = run([
      cmd.receive(pscApp({ applicationId: 'APP-3' })),
      { ...cmd.dispatchRegister(at('06', '13:00')), applicationId: 'APP-3' },
    ]).state;
    const order = registerOrderOf(REGISTER_ID, [a, b, gone])!;
    expect(order).toMatchObject({
      registerId: REGISTER_ID,
      copies: 2,
      applicationIds: ['APP-1', 'APP-2'],
      fromBranchId: 'PSC-ALM-07',
      toCollegeBin: '040740005191',
    });
    const msg = buildRegisterDispatch(order, {
      messageId: 'ro-1',
      correlationId: REGISTER_ID,
      occurredAt: at('06', '13:00'),
    });
    expect(invalid(msg)).toEqual([]);
    expect(msg.key).toBe(REGISTER_ID);
    expect(registerOrderOf(REGISTER_ID, [gone])).toBeNull();
  });
});

describe('the identity check ending after the application reached the college (item 49)', () => {
  it('a PSC register delivered before the gateway answered: the application without identity, then IDENTITY_CHECKED', () => {
    const { all, perEvent } = outbound([
      cmd.receive(pscApp()),
      cmd.dispatchRegister(at('06', '13:05')),
      cmd.deliverRegister(at('06', '15:00')),
      cmd.identityOk(at('06', '15:10')),
    ]);
    expect(all.flatMap(invalid)).toEqual([]);
    const college = all.filter((m) => m.topic === Topics.collegeApplications);
    expect(college.map((m) => [v(m).purpose, perEvent.find((e) => e.messages.includes(m))!.event])).toEqual([
      ['APPLICATION', 'DeliveredToCollege'],
      ['IDENTITY_CHECKED', 'IdentityVerified'],
    ]);
    expect(v(college[0]!)).toMatchObject({ identity: null, identityFailure: null });
    expect(v(college[1]!)).toMatchObject({ dispatchRegisterId: REGISTER_ID, identity: { iin: registerPerson().iin } });
  });

  it('an office application whose person the gateway does not find: IDENTITY_CHECKED with the failure', () => {
    const { all } = outbound([cmd.receive(officeApp()), cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND')]);
    expect(all.flatMap(invalid)).toEqual([]);
    const college = all.filter((m) => m.topic === Topics.collegeApplications);
    expect(college.map((m) => v(m).purpose)).toEqual(['APPLICATION', 'IDENTITY_CHECKED']);
    expect(v(college[1]!)).toMatchObject({
      identity: null,
      identityFailure: { reason: 'NOT_FOUND', attempts: 1, detail: null },
    });
  });

  it('a check over before the application was sent: the application carries it, nothing more follows', () => {
    const { all } = outbound([
      cmd.receive(pscApp()),
      cmd.identityOk(at('06', '10:01')),
      cmd.dispatchRegister(at('06', '13:05')),
      cmd.deliverRegister(at('06', '15:00')),
    ]);
    expect(all.filter((m) => m.topic === Topics.collegeApplications).map((m) => v(m).purpose)).toEqual(['APPLICATION']);
  });
});
