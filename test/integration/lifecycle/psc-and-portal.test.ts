/**
 * Whole lifecycles on real Kafka, the registry and PostgreSQL, the college and the courier played
 * by this test through their topics (the simulators do the same as processes elsewhere): a PSC
 * application from acceptance to hand-over (register slot, courier, college, digital diploma,
 * result by courier, storage, hand-over), a portal application refused after a hearing, and the
 * inputs the core refuses (another college, an unknown register) parked on the DLQ. The clock is
 * pinned just after the 13:00 courier slot of Monday 1 March 2027, so the register of a 12:58
 * acceptance is due at once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollegeDecisionMessage, CourierEventMessage } from '../../../src/contract/messages.js';
import { envelope } from '../../../src/contract/envelope.js';
import { Topics, dlqTopic, type TopicName } from '../../../src/contract/topics.js';
import {
  DEMO_COLLEGE_BIN,
  eligiblePerson,
  portalApplication,
  pscApplication,
} from '../../../src/local/demo/applications.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { stageCodesOf, topicValues } from '../../support/topic-values.js';
import { clockNow } from '../../support/clock.js';
import { collegeDecision } from '../../support/college-decision.js';

let h: Harness;
beforeAll(async () => {
  h = await harness('lifecycle', {
    // Just after the 13:00 slot of Monday 1 March 2027: an acceptance at 12:58 travels in it, due at once.
    CLOCK_START_AT: '2027-03-01T13:00:30+05:00',
    CLOCK_ANCHOR_AT: new Date().toISOString(),
    IDENTITY_RESPONSE_TIMEOUT_MS: '600000',
  });
  await h.startStub();
  await h.startAdapter();
});
afterAll(async () => h?.stop());

const values = (base: TopicName) => topicValues(h, base);
const stagesOf = (id: string) => stageCodesOf(h, id);
const now = () => clockNow(h.config);

const decision = (
  applicationId: string,
  kind: CollegeDecisionMessage['kind'],
  body: object,
  collegeBin = DEMO_COLLEGE_BIN,
) => collegeDecision(now(), applicationId, kind, body, collegeBin);
function courier(
  kind: CourierEventMessage['kind'],
  ref: { registerId?: string; applicationId?: string },
  orderMessageId: string,
) {
  const at = now();
  const body =
    kind === 'PICKED_UP'
      ? { registerId: null, applicationId: null, ...ref, at, trackingNumber: 'TRK-1' }
      : { registerId: null, applicationId: null, ...ref, at, receivedBy: 'Оспанов Н.' };
  return envelope<CourierEventMessage>(Topics.courierEvents, kind, body, {
    messageId: randomUUID(),
    correlationId: orderMessageId,
    occurredAt: at,
    orderMessageId,
  });
}
const until = (what: string, p: () => boolean) => h.reader.until(p, 30_000, what);

describe('a PSC application, from acceptance to hand-over', () => {
  it('goes through every stage once, in order, with the messages to each party', async () => {
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const msg = pscApplication(eligiblePerson(seed, size, 7, '2027-03-01').person, {
      acceptedAt: '2027-03-01T12:58:00.000+05:00',
    });
    const id = msg.applicationId;
    await h.send(Topics.corporationApplications, id, msg);

    // The 13:00 slot: one register order with this application.
    await until('the register order', () => values(Topics.courierOrders).some((o) => o.kind === 'REGISTER_DISPATCH'));
    const order = values(Topics.courierOrders).find((o) => o.kind === 'REGISTER_DISPATCH')!;
    const reg = order.registerDispatch as { registerId: string; applicationIds: string[]; copies: number };
    expect(reg).toMatchObject({ applicationIds: [id], copies: 2 });
    expect(reg.registerId).toMatch(/^reg-PSC-ALM-07-/);
    // The identity check runs beside the paper track (docs/state-machine.md): the adapter orders no
    // stage between the two. The order asserted below is the usual one, the gateway answering before
    // the courier picks the register up, so the courier waits for it here.
    await until('the identity verified', () => stagesOf(id).includes('IDENTITY_VERIFIED'));

    await h.send(
      Topics.courierEvents,
      reg.registerId,
      courier('PICKED_UP', { registerId: reg.registerId }, String(order.messageId)),
    );
    await h.send(
      Topics.courierEvents,
      reg.registerId,
      courier('DELIVERED', { registerId: reg.registerId }, String(order.messageId)),
    );
    await until('the application at the college', () =>
      values(Topics.collegeApplications).some((a) => a.applicationId === id),
    );
    const forCollege = values(Topics.collegeApplications).find((a) => a.applicationId === id)!;
    expect(forCollege).toMatchObject({
      collegeBin: DEMO_COLLEGE_BIN,
      dispatchRegisterId: reg.registerId,
      channel: 'PSC',
    });

    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'REGISTERED', { registrationNumber: '№ 1-Т', registeredAt: now() }),
    );
    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'DUPLICATE_ISSUED', {
        documentKind: 'DIPLOMA_WITH_SUPPLEMENT',
        series: 'ТКБ',
        number: '0000001',
        issuedOn: now().slice(0, 10),
        registrationNumber: '№ 1-Т',
      }),
    );
    await until('the result order', () =>
      values(Topics.courierOrders).some(
        (o) => o.kind === 'RESULT_DISPATCH' && (o.resultDispatch as { applicationId: string }).applicationId === id,
      ),
    );
    const resultOrder = values(Topics.courierOrders).find((o) => o.kind === 'RESULT_DISPATCH')!;
    expect(resultOrder.messageId).toBe(`rd-${id}-1`);
    await until('the digital diploma', () => values(Topics.digitalDocuments).some((d) => d.applicationId === id));

    await h.send(Topics.courierEvents, id, courier('PICKED_UP', { applicationId: id }, String(resultOrder.messageId)));
    await h.send(Topics.courierEvents, id, courier('DELIVERED', { applicationId: id }, String(resultOrder.messageId)));
    await until('result ready at the PSC', () =>
      values(Topics.corporationNotifications).some(
        (n) => n.applicationId === id && n.kind === 'RESULT_READY_FOR_HANDOVER',
      ),
    );

    const handedOver = {
      ...msg,
      messageId: randomUUID(),
      kind: 'RESULT_HANDED_OVER',
      applicationAccepted: null,
      resultHandedOver: {
        receiptNumber: msg.applicationAccepted!.receiptNumber,
        branchId: 'PSC-ALM-07',
        operatorId: 'OP-1',
        handedOverAt: now(),
        recipientIin: msg.applicationAccepted!.form.applicant.iin,
        identityDocument: { type: 'ID_CARD', number: 'N1', validUntil: '2030-01-01', holderIin: null },
      },
    };
    await h.send(Topics.corporationApplications, id, handedOver);
    await until('handed over', () => stagesOf(id).includes('HANDED_OVER'));
    await h.adapter!.relay.drained();
    expect(values(Topics.digitalDocuments).filter((d) => d.applicationId === id)).toHaveLength(1);
    expect(stagesOf(id)).toEqual([
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
    expect(
      values(Topics.corporationNotifications)
        .filter((n) => n.applicationId === id)
        .map((n) => n.kind),
    ).toEqual(['RECEIPT', 'RESULT_READY_FOR_HANDOVER']);
    expect((await h.stateOf(id))!.phase).toBe('HANDED_OVER');
  });
});

describe('a portal application refused after a hearing', () => {
  it('the hearing notice and the refusal reach the applicant; a decision from another college is parked', async () => {
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const msg = portalApplication(eligiblePerson(seed, size, 11, '2027-03-01').person, { submittedAt: now() });
    const id = msg.applicationId;
    await h.send(Topics.portalApplications, id, msg);
    await until('the application at the college', () =>
      values(Topics.collegeApplications).some((a) => a.applicationId === id),
    );

    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'REGISTERED', { registrationNumber: '№ 2-Т', registeredAt: now() }, '991240018472'),
    );
    await h.reader.until(
      () => h.reader.on(dlqTopic(h.topic(Topics.collegeDecisions))).length > 0,
      30_000,
      'the parked decision',
    );
    expect(h.reader.on(dlqTopic(h.topic(Topics.collegeDecisions)))[0]!.value.errorCode).toBe('COLLEGE_MISMATCH');

    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'REGISTERED', { registrationNumber: '№ 2-Т', registeredAt: now() }),
    );
    const hearingAt = new Date(Date.parse(now()) + 86_400_000).toISOString();
    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'PRELIMINARY_REFUSAL', {
        ground: 'G1_UNRELIABLE_DATA',
        hearingAt,
        hearingPlaceOrWay: 'Колледж, 12-кабинет',
        noticeChannel: 'SMS',
        noticeSentAt: now(),
        noticeReference: null,
        motivationKk: 'Деректер расталмады.',
        motivationRu: 'Сведения не подтверждены.',
      }),
    );
    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'HEARING_HELD', {
        heldAt: now(),
        objectionFiled: false,
        objectionReceivedAt: null,
        objectionSummary: null,
      }),
    );
    await h.send(
      Topics.collegeDecisions,
      id,
      decision(id, 'REFUSED', {
        ground: 'G1_UNRELIABLE_DATA',
        motivationKk: 'Деректер расталмады.',
        motivationRu: 'Сведения не подтверждены.',
        decidedOn: now().slice(0, 10),
      }),
    );
    await until('the refusal notice', () =>
      values(Topics.portalNotifications).some((n) => n.applicationId === id && n.kind === 'REFUSED'),
    );
    await h.adapter!.relay.drained();
    // Published is not yet read: the test's reader follows the monitoring topic on its own.
    await until('the stages up to RESULT_READY', () => stagesOf(id).includes('RESULT_READY'));
    expect(
      values(Topics.portalNotifications)
        .filter((n) => n.applicationId === id)
        .map((n) => n.kind),
    ).toEqual(['ACCEPTED', 'HEARING_NOTICE', 'REFUSED']);
    expect(stagesOf(id)).toEqual([
      'SUBMITTED',
      'IDENTITY_VERIFIED',
      'REGISTERED_AT_COLLEGE',
      'PRELIMINARY_REFUSAL',
      'HEARING_HELD',
      'REFUSED',
      'RESULT_READY',
    ]);
  });

  it('a courier event for a register nobody travels in is parked as UNKNOWN_REGISTER; the partition goes on', async () => {
    await h.send(Topics.courierEvents, 'reg-NONE', courier('PICKED_UP', { registerId: 'reg-NONE' }, 'ro-none'));
    await h.reader.until(
      () => h.reader.on(dlqTopic(h.topic(Topics.courierEvents))).some((m) => m.value.errorCode === 'UNKNOWN_REGISTER'),
      30_000,
      'UNKNOWN_REGISTER',
    );
  });
});
