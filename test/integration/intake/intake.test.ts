import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics, dlqTopic } from '../../../src/contract/topics.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../../src/local/demo/applications.js';
import { findPersonIndex, personAt } from '../../../src/local/gateway-stub/population.js';
import { computeServiceDeadlines } from '../../../src/core/deadlines/index.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { applicationHistory } from '../../../src/ops/history.js';
import { clockNow } from '../../support/clock.js';
import avro from 'avsc';
import { registerSchemaVersion } from '../../../src/platform/messaging/ccompat.js';

let h: Harness;
const now = (plusMs = 0) => clockNow(h.config, plusMs);
const today = () => now().slice(0, 10);

beforeAll(async () => {
  h = await harness('intake');
  await h.startStub();
  await h.startAdapter();
});
afterAll(async () => h?.stop());

function stagesOf(applicationId: string): MonitoringStage[] {
  return h.reader
    .on(h.topic(Topics.monitoringStages))
    .map((m) => m.value as unknown as MonitoringStage)
    .filter((s) => s.applicationId === applicationId);
}

describe('intake and identity enrichment, end to end on real Kafka', () => {
  it('portal: SUBMITTED, the accepted notification, an identity request, then IDENTITY_VERIFIED', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      3,
      today(),
    );
    const msg = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, msg.applicationId, msg);
    await h.reader.until(() => stagesOf(msg.applicationId).length >= 2, 30_000, 'two stages');
    const stages = stagesOf(msg.applicationId);
    expect(stages.map((s) => s.stage)).toEqual(['SUBMITTED', 'IDENTITY_VERIFIED']);
    expect(stages.map((s) => s.sequence)).toEqual([1, 2]);
    expect(stages[0]!.channel).toBe('PORTAL');
    expect(stages[0]!.serviceTermEndsAt).toMatch(/T23:59:59\.999\+05:00$/);
    expect(stages.every((s) => s.correlationId === msg.correlationId || s.correlationId.length > 0)).toBe(true);

    const notes = h.reader
      .on(h.topic(Topics.portalNotifications))
      .filter((m) => m.value.applicationId === msg.applicationId);
    expect(notes.map((n) => n.value.kind)).toEqual(['ACCEPTED']);
    const accepted = notes[0]!.value.accepted as { statusKk: string; statusRu: string; registrationDate: string };
    expect(accepted.statusRu).toContain('Ваше заявление принято');
    expect(accepted.statusKk).toContain('Өтінішіңіз қабылданды');
    expect(accepted.statusRu).toContain(accepted.registrationDate);
    const requests = h.reader
      .on(h.topic(Topics.identityRequests))
      .filter((m) => m.value.applicationId === msg.applicationId);
    // One identity check. Its request is asked again when the answer is later than the harness'
    // 1.5 s (the first answer of a cold stub on 2 loaded cores can be): same requestId, at least once.
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(new Set(requests.map((r) => r.value.requestId)).size).toBe(1);
    expect(requests[0]!.value).toMatchObject({
      iin: person.iin,
      replyTopic: h.topic(Topics.identityResponses),
      serviceId: h.config.identity.serviceId,
    });
  });

  it('PSC: ACCEPTED with the receipt to the PSC, then IDENTITY_VERIFIED', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      10,
      today(),
    );
    const msg = pscApplication(person, { acceptedAt: now() });
    await h.send(Topics.corporationApplications, msg.applicationId, msg);
    await h.reader.until(() => stagesOf(msg.applicationId).length >= 2, 30_000, 'two stages');
    expect(stagesOf(msg.applicationId).map((s) => s.stage)).toEqual(['ACCEPTED', 'IDENTITY_VERIFIED']);
    const receipts = h.reader
      .on(h.topic(Topics.corporationNotifications))
      .filter((m) => m.value.applicationId === msg.applicationId);
    expect(receipts.map((r) => r.value.kind)).toEqual(['RECEIPT']);
    expect((receipts[0]!.value.receipt as { receiptNumber: string }).receiptNumber).toBe(
      msg.applicationAccepted!.receiptNumber,
    );
  });

  it('PSC with an expired identity document: INTAKE_REFUSED and a refusal receipt, no identity request', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      20,
      today(),
    );
    const msg = pscApplication(person, { acceptedAt: now(), expiredDocument: true });
    await h.send(Topics.corporationApplications, msg.applicationId, msg);
    // Receipt and stage are on two topics: the reader may see either first, so wait for both.
    const receipted = () =>
      h.reader.on(h.topic(Topics.corporationNotifications)).some((m) => m.value.applicationId === msg.applicationId);
    const staged = () => stagesOf(msg.applicationId).length >= 1;
    await h.reader.until(() => receipted() && staged(), 30_000, 'refusal receipt and stage');
    expect(stagesOf(msg.applicationId).map((s) => s.stage)).toEqual(['INTAKE_REFUSED']);
    const receipt = h.reader
      .on(h.topic(Topics.corporationNotifications))
      .find((m) => m.value.applicationId === msg.applicationId)!;
    expect(receipt.value.kind).toBe('REFUSAL_RECEIPT');
    const body = receipt.value.refusalReceipt as {
      motivationKk: string;
      motivationRu: string;
      expiredDocuments: unknown[];
    };
    expect(body.motivationRu).toContain('Срок действия документа, удостоверяющего личность, истек');
    expect(body.motivationRu).not.toMatch(/IDENTITY_DOCUMENT_EXPIRED|presentedDocuments/);
    expect(body.motivationKk.length).toBeGreaterThan(20);
    expect(body.expiredDocuments).toHaveLength(1);
    expect(h.reader.on(h.topic(Topics.identityRequests)).some((m) => m.value.applicationId === msg.applicationId)).toBe(
      false,
    );
  });

  it('the same message delivered twice gives one stage', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      30,
      today(),
    );
    const msg = portalApplication(person, { submittedAt: now() });
    const portalTopic = h.topic(Topics.portalApplications);
    const before = h.adapter!.consumer.delivered.get(portalTopic) ?? 0;
    await h.send(Topics.portalApplications, msg.applicationId, msg);
    await h.send(Topics.portalApplications, msg.applicationId, msg);
    await h.reader.until(
      () => stagesOf(msg.applicationId).some((s) => s.stage === 'IDENTITY_VERIFIED'),
      30_000,
      'identity verified',
    );
    await h.adapter!.relay.drained();
    await new Promise((r) => setTimeout(r, 1500));
    expect(stagesOf(msg.applicationId).map((s) => s.stage)).toEqual(['SUBMITTED', 'IDENTITY_VERIFIED']);
    // Each copy was handed to the consumer once: the fetch position moves past what was committed.
    expect((h.adapter!.consumer.delivered.get(portalTopic) ?? 0) - before).toBe(2);
  });

  it('a poison message goes to the DLQ with its bytes and reason, and the next message is processed', async () => {
    const poison = Buffer.from('definitely not avro');
    await h.sendRaw(Topics.portalApplications, 'poison-1', poison);
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      40,
      today(),
    );
    const next = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, next.applicationId, next);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(
      () => h.reader.on(dlq).length >= 1 && stagesOf(next.applicationId).length >= 1,
      30_000,
      'dead letter and next stage',
    );
    const dead = h.reader.on(dlq).find((m) => m.key === 'poison-1')!;
    expect(dead.value.errorCode).toBe('UNDECODABLE');
    expect(Buffer.from(dead.value.originalValue as Buffer).equals(poison)).toBe(true);
    expect(dead.value.originalTopic).toBe(h.topic(Topics.portalApplications));
    expect(typeof dead.value.offset).toBe('number');
    expect(stagesOf(next.applicationId)[0]!.stage).toBe('SUBMITTED');
  });

  it('an unknown schema id goes to the DLQ as UNKNOWN_SCHEMA_ID', async () => {
    const bytes = Buffer.concat([Buffer.from([0, 0x7f, 0xff, 0xff, 0x00]), Buffer.from('payload')]);
    await h.sendRaw(Topics.corporationApplications, 'unknown-schema', bytes);
    const dlq = dlqTopic(h.topic(Topics.corporationApplications));
    await h.reader.until(() => h.reader.on(dlq).some((m) => m.key === 'unknown-schema'), 30_000, 'dead letter');
    const dead = h.reader.on(dlq).find((m) => m.key === 'unknown-schema')!;
    expect(dead.value.errorCode).toBe('UNKNOWN_SCHEMA_ID');
    expect(dead.value.schemaId).toBe(0x7fffff00);
  });

  it('a record written for another topic is parked as SCHEMA_NOT_OF_TOPIC (both ways), and the consumer goes on', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      130,
      today(),
    );
    // An identity response on the portal topic: framed with a schema id the registry knows, but
    // of another subject. Read with that writer schema, it has no form: the mapping would throw.
    const response = {
      messageId: `wrong-topic-${Date.now()}`,
      correlationId: 'wrong-topic',
      occurredAt: now(),
      serviceId: h.config.identity.serviceId,
      messageDate: now(),
      requestId: 'idr-WRONG-TOPIC-1',
      applicationId: 'WRONG-TOPIC-1',
      status: 'NOT_FOUND',
      deliveryStatus: 'DELIVERED',
      person: null,
      errorCode: null,
      errorMessage: null,
      errorDate: null,
    };
    const responseBytes = await h.messaging.codec.encode(h.topic(Topics.identityResponses), response);
    await h.sendRaw(Topics.portalApplications, 'wrong-topic-1', responseBytes);
    // And a portal application on the identity-responses topic.
    const misplaced = portalApplication(person, { submittedAt: now() });
    const misplacedBytes = await h.messaging.codec.encode(h.topic(Topics.portalApplications), misplaced);
    await h.sendRaw(Topics.identityResponses, misplaced.applicationId, misplacedBytes);
    const next = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, 'wrong-topic-1', next); // same key: same partition, right behind it
    const portalDlq = dlqTopic(h.topic(Topics.portalApplications));
    const responsesDlq = dlqTopic(h.topic(Topics.identityResponses));
    await h.reader.until(
      () =>
        h.reader.on(portalDlq).some((m) => m.key === 'wrong-topic-1') &&
        h.reader.on(responsesDlq).some((m) => m.key === misplaced.applicationId) &&
        stagesOf(next.applicationId).length >= 1,
      30_000,
      'two dead letters and the next application',
    );
    const onPortal = h.reader.on(portalDlq).find((m) => m.key === 'wrong-topic-1')!.value;
    expect(onPortal.errorCode).toBe('SCHEMA_NOT_OF_TOPIC');
    expect(onPortal.errorText).toContain(`${h.topic(Topics.portalApplications)}-value`);
    expect(Buffer.from(onPortal.originalValue as Buffer).equals(responseBytes)).toBe(true);
    const onResponses = h.reader.on(responsesDlq).find((m) => m.key === misplaced.applicationId)!.value;
    expect(onResponses.errorCode).toBe('SCHEMA_NOT_OF_TOPIC');
    expect(stagesOf(misplaced.applicationId)).toHaveLength(0);
    expect(stagesOf(next.applicationId)[0]!.stage).toBe('SUBMITTED');
  });

  it('a value whose schema is "null" (registered under another subject) is parked, and the consumer goes on', async () => {
    const id = await registerSchemaVersion(
      h.config.schemaRegistry.url,
      `${h.config.kafka.topicPrefix}.junk-value`,
      '"null"',
    );
    const bytes = Buffer.alloc(5);
    bytes.writeInt32BE(id, 1); // magic byte 0, the id, and an empty Avro body: the value null
    await h.sendRaw(Topics.portalApplications, 'null-schema-1', bytes);
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      140,
      today(),
    );
    const next = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, 'null-schema-1', next);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(
      () => h.reader.on(dlq).some((m) => m.key === 'null-schema-1') && stagesOf(next.applicationId).length >= 1,
      30_000,
      'dead letter and the next application',
    );
    const dead = h.reader.on(dlq).find((m) => m.key === 'null-schema-1')!.value;
    expect(dead.errorCode).toBe('SCHEMA_NOT_OF_TOPIC');
    expect(dead.schemaId).toBe(id);
  });

  it("a record the handler cannot map (only a messageId, a version of the topic's own subject) is run 3 times, then parked as HANDLER_FAILED; the partition goes on", async () => {
    // BACKWARD lets a producer register a version without the other fields: it passes the subject
    // check, and the portal mapping throws a TypeError on it (no form).
    const schema = {
      type: 'record',
      name: 'PortalApplicationSubmitted',
      namespace: 'kz.edu.tvet.duplicate.v1',
      fields: [{ name: 'messageId', type: 'string' }],
    };
    const id = await registerSchemaVersion(
      h.config.schemaRegistry.url,
      `${h.topic(Topics.portalApplications)}-value`,
      JSON.stringify(schema),
    );
    const messageId = `only-message-id-${Date.now()}`;
    const header = Buffer.alloc(5);
    header.writeInt32BE(id, 1);
    const bytes = Buffer.concat([header, avro.Type.forSchema(schema as avro.Schema).toBuffer({ messageId })]);
    await h.sendRaw(Topics.portalApplications, 'only-message-id', bytes);
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      150,
      today(),
    );
    const next = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, 'only-message-id', next);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(
      () => h.reader.on(dlq).some((m) => m.key === 'only-message-id') && stagesOf(next.applicationId).length >= 1,
      30_000,
      'dead letter and the next application',
    );
    const dead = h.reader.on(dlq).find((m) => m.key === 'only-message-id')!.value;
    expect(dead.errorCode).toBe('HANDLER_FAILED');
    expect(dead.attempts).toBe(3);
    expect(dead.originalMessageId).toBe(messageId);
    expect(dead.errorText).toMatch(/failed 3 times \(TypeError at src\/partners\/portal\/map-application\.ts:\d+\)/);
    expect(Buffer.from(dead.originalValue as Buffer).equals(bytes)).toBe(true);
  });

  it('an application id of 10 KB random characters (SQLSTATE 54000, index row too large) is parked as HANDLER_FAILED, not retried for ever', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      160,
      today(),
    );
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const huge = Array.from({ length: 10_240 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
    const bad = portalApplication(person, { submittedAt: now(), applicationId: `PRT-${huge}` });
    const next = portalApplication(person, { submittedAt: now() });
    await h.send(Topics.portalApplications, 'huge-id', bad);
    await h.send(Topics.portalApplications, 'huge-id', next);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(
      () =>
        h.reader.on(dlq).some((m) => m.value.originalMessageId === bad.messageId) &&
        stagesOf(next.applicationId).length >= 1,
      30_000,
      'dead letter and the next application',
    );
    const dead = h.reader.on(dlq).find((m) => m.value.originalMessageId === bad.messageId)!.value;
    expect(dead.errorCode).toBe('HANDLER_FAILED');
    expect(dead.errorText).toContain('SQLSTATE 54000 program_limit_exceeded');
    expect(dead.errorText).not.toContain(huge.slice(0, 40)); // never the data
    expect(stagesOf(bad.applicationId)).toHaveLength(0);
  });

  it('a submission dated 7 days ahead is parked as SUBMITTED_IN_FUTURE, not left waiting; the next application passes', async () => {
    const pick = (i: number) =>
      eligiblePerson(h.config.gatewayStub.populationSeed, h.config.gatewayStub.populationSize, i, today()).person;
    const ahead = portalApplication(pick(170), { submittedAt: now(7 * 86_400_000) });
    const next = portalApplication(pick(171), { submittedAt: now() });
    await h.send(Topics.portalApplications, 'future-submission', ahead);
    await h.send(Topics.portalApplications, 'future-submission', next);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    const parked = () => h.reader.on(dlq).find((m) => m.value.originalMessageId === ahead.messageId);
    await h.reader.until(
      () => parked() !== undefined && stagesOf(next.applicationId).some((s) => s.stage === 'IDENTITY_VERIFIED'),
      30_000,
      'the dead letter and the next application verified',
    );
    expect(parked()!.value.errorCode).toBe('SUBMITTED_IN_FUTURE');
    expect(parked()!.value.errorText).toContain("sender's clock");
    expect(stagesOf(ahead.applicationId)).toHaveLength(0);
  });

  it('a second message with the same messageId but other content is parked as MESSAGE_ID_CONFLICT; the same message again is a no-op', async () => {
    const pick = (i: number) =>
      eligiblePerson(h.config.gatewayStub.populationSeed, h.config.gatewayStub.populationSize, i, today()).person;
    const first = portalApplication(pick(180), { submittedAt: now() });
    const other = { ...portalApplication(pick(181), { submittedAt: now() }), messageId: first.messageId };
    // One key: one partition, in this order.
    await h.send(Topics.portalApplications, 'same-message-id', first);
    await h.send(Topics.portalApplications, 'same-message-id', first); // a redelivery: same bytes
    await h.send(Topics.portalApplications, 'same-message-id', other); // another application under its id
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    const parked = () => h.reader.on(dlq).filter((m) => m.value.originalMessageId === first.messageId);
    await h.reader.until(() => parked().length >= 1, 30_000, 'the dead letter of the conflicting message');
    await h.adapter!.relay.drained();
    await new Promise((r) => setTimeout(r, 1000));
    expect(parked()).toHaveLength(1); // the redelivery parked nothing
    const dead = parked()[0]!.value;
    expect(dead.errorCode).toBe('MESSAGE_ID_CONFLICT');
    const otherBytes = await h.messaging.codec.encode(h.topic(Topics.portalApplications), other);
    expect(Buffer.from(dead.originalValue as Buffer).equals(otherBytes)).toBe(true);
    expect(stagesOf(first.applicationId).map((s) => s.stage)).toContain('SUBMITTED');
    expect(stagesOf(other.applicationId)).toHaveLength(0);
  });

  it('in one batch after the first consumption: a conflicting copy is parked, an identical redelivery behind it is not, a second conflicting copy is parked too', async () => {
    const pick = (i: number) =>
      eligiblePerson(h.config.gatewayStub.populationSeed, h.config.gatewayStub.populationSize, i, today()).person;
    const topic = h.topic(Topics.portalApplications);
    const first = portalApplication(pick(182), { submittedAt: now() });
    const other = { ...portalApplication(pick(183), { submittedAt: now() }), messageId: first.messageId };
    await h.send(Topics.portalApplications, first.applicationId, first);
    await h.reader.until(() => stagesOf(first.applicationId).length >= 1, 30_000, 'the first consumption');
    // One produce request to one partition: one batch of [other, first, other].
    const encoded = async (m: typeof first) => ({
      key: 'same-id',
      partition: 0,
      value: await h.messaging.codec.encode(topic, m),
    });
    await h.producer.send({ topic, messages: [await encoded(other), await encoded(first), await encoded(other)] });
    const dlq = dlqTopic(topic);
    const parked = () => h.reader.on(dlq).filter((m) => m.value.originalMessageId === first.messageId);
    await h.reader.until(() => parked().length >= 2, 30_000, 'two dead letters');
    await h.adapter!.relay.drained();
    await new Promise((r) => setTimeout(r, 1000));
    const otherBytes = await h.messaging.codec.encode(topic, other);
    expect(parked().map((d) => d.value.errorCode)).toEqual(['MESSAGE_ID_CONFLICT', 'MESSAGE_ID_CONFLICT']);
    expect(parked().every((d) => Buffer.from(d.value.originalValue as Buffer).equals(otherBytes))).toBe(true);
    expect(stagesOf(first.applicationId).filter((s) => s.stage === 'SUBMITTED')).toHaveLength(1);
    expect(stagesOf(other.applicationId)).toHaveLength(0);
  });

  it("a second application with the same id is refused by the core and parked with the core's code", async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      50,
      today(),
    );
    const first = portalApplication(person, { submittedAt: now() });
    const again = { ...portalApplication(person, { submittedAt: now(), applicationId: first.applicationId }) };
    await h.send(Topics.portalApplications, first.applicationId, first);
    await h.send(Topics.portalApplications, again.applicationId, again);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(
      () => h.reader.on(dlq).some((m) => m.value.originalMessageId === again.messageId),
      30_000,
      'dead letter',
    );
    expect(h.reader.on(dlq).find((m) => m.value.originalMessageId === again.messageId)!.value.errorCode).toBe(
      'APPLICATION_ALREADY_RECEIVED',
    );
  });

  it('a batch is applied at once; one message its handler refuses makes it run message by message: the others pass, that one is parked', async () => {
    const runs = async (mode: string) =>
      (await h.adapter!.metrics.batchRuns.get()).values
        .filter((v) => v.labels.mode === mode && v.labels.topic === Topics.portalApplications)
        .reduce((n, v) => n + v.value, 0);
    const person = (i: number) =>
      eligiblePerson(h.config.gatewayStub.populationSeed, h.config.gatewayStub.populationSize, i, today()).person;
    const topic = h.topic(Topics.portalApplications);
    /** One produce request to one partition: one record batch, fetched as one batch. */
    const sendTogether = async (msgs: ReturnType<typeof portalApplication>[]) =>
      h.producer.send({
        topic,
        messages: await Promise.all(
          msgs.map(async (m) => ({
            key: m.applicationId,
            partition: 0,
            value: await h.messaging.codec.encode(topic, m),
          })),
        ),
      });

    const good = [60, 61, 62].map((i) => portalApplication(person(i), { submittedAt: now() }));
    const atOnceBefore = await runs('at-once');
    await sendTogether(good);
    await h.reader.until(() => good.every((g) => stagesOf(g.applicationId).length >= 1), 30_000, 'three first stages');
    expect(await runs('at-once')).toBeGreaterThan(atOnceBefore);

    // The second application under the first one's id, in the same batch: the core refuses it
    // against the state the first one left in the batch's unit of work (not yet in the table).
    const first = portalApplication(person(63), { submittedAt: now() });
    const again = portalApplication(person(64), { submittedAt: now(), applicationId: first.applicationId });
    const after = [65, 66].map((i) => portalApplication(person(i), { submittedAt: now() }));
    const isolatedBefore = await runs('isolated');
    await sendTogether([first, again, ...after]);
    const dlq = dlqTopic(topic);
    await h.reader.until(
      () =>
        h.reader.on(dlq).some((m) => m.value.originalMessageId === again.messageId) &&
        [first, ...after].every((g) => stagesOf(g.applicationId).length >= 1),
      30_000,
      'the refused one parked, the others applied',
    );
    expect(h.reader.on(dlq).find((m) => m.value.originalMessageId === again.messageId)!.value.errorCode).toBe(
      'APPLICATION_ALREADY_RECEIVED',
    );
    expect(await runs('isolated')).toBeGreaterThan(isolatedBefore);
    for (const g of [first, ...after]) expect(stagesOf(g.applicationId).map((s) => s.stage)[0]).toBe('SUBMITTED');
    expect(stagesOf(first.applicationId).filter((s) => s.stage === 'SUBMITTED')).toHaveLength(1);
    expect((await h.eventTypesOf(first.applicationId))[0]).toBe('ApplicationSubmitted');
  });

  it('checks PSC events against the state: a hand-over before the result is ready, or for an unknown application, is parked, never half-applied', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      90,
      today(),
    );
    const accepted = pscApplication(person, { acceptedAt: now() });
    await h.send(Topics.corporationApplications, accepted.applicationId, accepted);
    await h.reader.until(() => stagesOf(accepted.applicationId).length >= 1, 30_000, 'ACCEPTED');
    const a = accepted.applicationAccepted!;
    const none = {
      applicationAccepted: null,
      resultHandedOver: null,
      resultReturnedToCollege: null,
      resultRecallRequested: null,
    };
    const handOver = {
      ...none,
      messageId: `m-${accepted.applicationId}-handover`,
      correlationId: accepted.applicationId,
      occurredAt: now(),
      applicationId: accepted.applicationId,
      kind: 'RESULT_HANDED_OVER',
      resultHandedOver: {
        receiptNumber: a.receiptNumber,
        branchId: a.branchId,
        operatorId: 'op-1',
        handedOverAt: now(),
        recipientIin: person.iin,
        identityDocument: a.presentedDocuments[1]!,
      },
    };
    const recall = {
      ...none,
      messageId: 'm-recall-unknown',
      correlationId: 'x',
      occurredAt: now(),
      applicationId: 'PSC-NO-SUCH',
      kind: 'RESULT_RECALL_REQUESTED',
      resultRecallRequested: { receiptNumber: 'R-1', branchId: a.branchId, requestedAt: now() },
    };
    await h.send(Topics.corporationApplications, accepted.applicationId, handOver);
    await h.send(Topics.corporationApplications, 'PSC-NO-SUCH', recall);
    const dlq = dlqTopic(h.topic(Topics.corporationApplications));
    const parked = (id: string) => h.reader.on(dlq).find((m) => m.value.originalMessageId === id);
    await h.reader.until(() => !!parked(handOver.messageId) && !!parked(recall.messageId), 30_000, 'two dead letters');
    expect(parked(handOver.messageId)!.value.errorCode).toBe('INVALID_TRANSITION');
    expect(parked(recall.messageId)!.value.errorCode).toBe('UNKNOWN_APPLICATION');
    await h.adapter!.relay.drained();
    expect(stagesOf(accepted.applicationId).map((s) => s.stage)).not.toContain('HANDED_OVER');
  });

  it('reports SLA_BREACHED once for its term and once for the step it waits for, past both (timers fire at once)', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      100,
      today(),
    );
    // Filed 60 days ago: the 15th working day after it is gone; both SLA timers are due.
    const late = portalApplication(person, { submittedAt: now(-60 * 86_400_000) });
    const termEndsAt = computeServiceDeadlines(h.adapter!.deps.calendar, {
      channel: 'PORTAL',
      submittedAt: late.submittedAt,
    }).termEndsAt;
    await h.send(Topics.portalApplications, late.applicationId, late);
    await h.reader.until(
      () => stagesOf(late.applicationId).some((s) => s.stage === 'IDENTITY_VERIFIED'),
      30_000,
      'identity verified',
    );
    expect(stagesOf(late.applicationId).find((s) => s.stage === 'IDENTITY_VERIFIED')!.slaStatus).toBe('OVERDUE');
    await h.reader.until(
      () => stagesOf(late.applicationId).some((s) => s.stage === 'SLA_BREACHED'),
      30_000,
      'SLA_BREACHED',
    );
    await h.adapter!.relay.drained();
    // Two deadlines are gone: the term's, and the step's it waits for (the college's registration,
    // due on the registration day; docs/sla.md). Each is reported once, told apart by stageDeadline.
    await h.reader.until(
      () => stagesOf(late.applicationId).filter((s) => s.stage === 'SLA_BREACHED').length >= 2,
      30_000,
      'both SLA_BREACHED',
    );
    await new Promise((r) => setTimeout(r, 1000));
    const stages = stagesOf(late.applicationId);
    const breaches = stages.filter((s) => s.stage === 'SLA_BREACHED');
    expect(breaches).toHaveLength(2);
    for (const b of breaches) expect(b.slaStatus).toBe('OVERDUE');
    for (const b of breaches) expect(Date.parse(b.serviceTermEndsAt)).toBe(Date.parse(termEndsAt));
    const term = breaches.filter((b) => Date.parse(b.stageDeadline!) === Date.parse(termEndsAt));
    expect(term).toHaveLength(1);
    const step = breaches.find((b) => b !== term[0])!;
    expect(Date.parse(step.stageDeadline!)).toBeLessThan(Date.parse(termEndsAt));
    expect(stages.map((s) => s.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('a person the gateway does not know: IDENTITY_FAILED (NOT_FOUND)', async () => {
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const stranger = personAt(seed, size + 17); // a valid IIN outside the stub's population
    const msg = portalApplication(stranger, { submittedAt: now() });
    await h.send(Topics.portalApplications, msg.applicationId, msg);
    await h.reader.until(() => stagesOf(msg.applicationId).length >= 2, 30_000, 'two stages');
    expect(stagesOf(msg.applicationId).map((s) => s.stage)).toEqual(['SUBMITTED', 'IDENTITY_FAILED']);
    expect((await h.stateOf(msg.applicationId))!.identity).toMatchObject({
      status: 'FAILED',
      failure: { reason: 'NOT_FOUND' },
    });
    // The operator's history: the events with their causes, the stages sent, the state equal to the fold of the log.
    const report = await applicationHistory(h.adapter!.db, msg.applicationId);
    expect(report.consistent).toBe(true);
    expect(report.events).toBe(2);
    expect(report.text).toContain('ApplicationSubmitted');
    expect(report.text).toContain(`<- message ${msg.messageId}`);
    expect(report.text).toMatch(/IDENTITY_FAILED #2/);
    expect(report.text).not.toContain(msg.form.applicant.iin);
    expect(report.text).not.toContain(msg.form.applicant.surname);
  });

  it('a person found but registered as deceased: verified, with the finding kept for the college (ground G1 candidate)', async () => {
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const i = findPersonIndex(
      seed,
      size,
      (p) => p.deceased && p.documents.some((d) => d.validUntil !== null && d.validUntil >= today()),
    );
    expect(i).toBeGreaterThanOrEqual(0);
    const msg = portalApplication(personAt(seed, i), { submittedAt: now() });
    await h.send(Topics.portalApplications, msg.applicationId, msg);
    await h.reader.until(
      () => stagesOf(msg.applicationId).some((s) => s.stage === 'IDENTITY_VERIFIED'),
      30_000,
      'identity verified',
    );
    const row = await h.adapter!.db('applications').where({ application_id: msg.applicationId }).first();
    const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state;
    expect(JSON.stringify(state)).toContain('DECEASED');
  });

  it('an answer to a request the adapter never sent is parked; the consumer goes on', async () => {
    const stray = {
      messageId: `stray-${Date.now()}`,
      correlationId: 'stray',
      occurredAt: now(),
      serviceId: h.config.identity.serviceId,
      messageDate: now(),
      requestId: 'idr-NOT-OURS-1',
      applicationId: 'NOT-OURS',
      status: 'NOT_FOUND',
      deliveryStatus: 'DELIVERED',
      person: null,
      errorCode: null,
      errorMessage: null,
      errorDate: null,
    };
    await h.send(Topics.identityResponses, 'NOT-OURS', stray);
    const dlq = dlqTopic(h.topic(Topics.identityResponses));
    await h.reader.until(
      () => h.reader.on(dlq).some((m) => m.value.originalMessageId === stray.messageId),
      30_000,
      'dead letter',
    );
    expect(h.reader.on(dlq).find((m) => m.value.originalMessageId === stray.messageId)!.value.errorCode).toBe(
      'UNKNOWN_APPLICATION',
    );
  });

  it('input the database refuses (a NUL character) is parked with the SQLSTATE, and the partition goes on', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      110,
      today(),
    );
    const bad = portalApplication(person, { submittedAt: now() });
    bad.form.specialtyName = 'Бағдарламалау\u0000';
    const good = portalApplication(person, { submittedAt: now(), applicationId: `${bad.applicationId}-next` });
    // Same key: same partition, the good one right behind the bad one.
    await h.send(Topics.portalApplications, bad.applicationId, bad);
    await h.send(Topics.portalApplications, bad.applicationId, good);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(
      () =>
        h.reader.on(dlq).some((m) => m.value.originalMessageId === bad.messageId) &&
        stagesOf(good.applicationId).length >= 1,
      30_000,
      'dead letter and the next application',
    );
    expect(h.reader.on(dlq).find((m) => m.value.originalMessageId === bad.messageId)!.value.errorCode).toBe(
      'DATA_REJECTED_22P05',
    );
    expect(stagesOf(bad.applicationId)).toHaveLength(0);
  });

  it('a college BIN of the wrong length is an intake refusal, not a database error', async () => {
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      120,
      today(),
    );
    const msg = portalApplication(person, { submittedAt: now(), collegeBin: '0504400012310' });
    await h.send(Topics.portalApplications, msg.applicationId, msg);
    await h.reader.until(() => stagesOf(msg.applicationId).length >= 1, 30_000, 'a stage');
    expect(stagesOf(msg.applicationId).map((s) => s.stage)).toEqual(['INTAKE_REFUSED']);
  });

  // Last: it stops and restarts the adapter's consumer.
  it('a consumer that kafkajs gives up (an error it does not retry, out of a batch) is started again; readiness is false meanwhile', async () => {
    const consumer = h.adapter!.consumer;
    expect(consumer.isHealthy()).toBe(true);
    const readiness: boolean[] = [];
    const probe = setInterval(() => readiness.push(consumer.isHealthy()), 20);
    let thrown = false;
    consumer.faults.beforeBatch = () => {
      if (thrown) return;
      thrown = true;
      throw new TypeError('injected: an error outside any one message');
    };
    try {
      const { person } = eligiblePerson(
        h.config.gatewayStub.populationSeed,
        h.config.gatewayStub.populationSize,
        170,
        today(),
      );
      const msg = portalApplication(person, { submittedAt: now() });
      await h.send(Topics.portalApplications, msg.applicationId, msg);
      await h.reader.until(() => stagesOf(msg.applicationId).length >= 1, 60_000, 'the stage after the restart');
      expect(thrown).toBe(true);
      expect(consumer.crashes).toBeGreaterThanOrEqual(1);
      expect(consumer.restarts).toBeGreaterThanOrEqual(1);
      expect(readiness).toContain(false);
      expect(consumer.isHealthy()).toBe(true);
    } finally {
      clearInterval(probe);
      delete consumer.faults.beforeBatch;
    }
  });
});
