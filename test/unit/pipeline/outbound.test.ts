import { describe, expect, it } from 'vitest';
import type { Application, ApplicationCommand } from '../../../src/core/application/index.js';
import { checkKindFields, kindField, TOPIC_KINDS } from '../../../src/contract/kinds.js';
import type { CorporationApplicationMessage, PortalApplicationSubmitted } from '../../../src/contract/messages.js';
import { topicSchema } from '../../../src/contract/schemas.js';
import { topicName, Topics, type TopicName } from '../../../src/contract/topics.js';
import { applicationFromPortal } from '../../../src/partners/portal/map-application.js';
import { applicationFromPsc } from '../../../src/partners/psc/map-application.js';
import { validateIntake } from '../../../src/core/checks/index.js';
import type { OutboxMessage } from '../../../src/pipeline/outbox/outbox-queries.js';
import { envelope } from '../../../src/contract/envelope.js';
import { identityRequestId } from '../../../src/core/application/index.js';
import { intentsOf } from '../../../src/core/application/effects/index.js';
import { translateIntents } from '../../../src/pipeline/saga/build-outbound.js';
import { ctx, policy } from '../application/fixtures.js';
import {
  FATHER_IIN,
  MINOR_IIN,
  PORTAL_APPLICANT_IIN,
  PSC_BRANCH,
  PSC_RECEIPT,
  RENAMED_APPLICANT_IIN,
  renamedInstitutionForm,
  samples,
} from '../../support/samples.js';
import { run } from './core-run.js';

const REPLY_TOPIC = topicName(Topics.identityResponses, 'it-outbound');

/** Ids and sequence numbers that are predictable; the sequence continues from `lastSeq`. */
function envFrom(lastSeq = 0) {
  let seq = lastSeq;
  const ids: string[] = [];
  return {
    ids,
    newId: () => {
      const id = `msg-${ids.length + 1}`;
      ids.push(id);
      return id;
    },
    correlationId: 'corr-cause-1',
    nextSequence: () => ++seq,
    gateway: { senderId: 'TVET_DUPLICATE_ADAPTER', serviceId: 'GBDFL_PERSON_BY_IIN', replyTopic: REPLY_TOPIC },
  };
}

const receive = (application: Application): ApplicationCommand => ({
  type: 'ReceiveApplication',
  applicationId: application.applicationId,
  at: application.submittedAt,
  application,
});

const effects = { now: '2026-03-02T10:15:10+05:00', policy, calendar: ctx.calendar };

/** Every message of the commands' events (the core's intents through the builders), with the env used. */
function outboundOf(commands: ApplicationCommand[], lastSeq = 0) {
  const env = envFrom(lastSeq);
  const { steps, state } = run(commands);
  const messages = steps.flatMap(
    (s) =>
      translateIntents(
        intentsOf(s.event, s.before, s.after, effects),
        s.event,
        s.after.application!,
        env,
        env.gateway,
        env.nextSequence,
      ).messages,
  );
  return { messages, steps, state, env };
}

/** A message's value as a plain record (the tests read fields of any topic). */
const v = (m: OutboxMessage | undefined) => m!.value as unknown as Record<string, unknown>;

function avroErrors(m: { topic: string; value: unknown }): string[] {
  const errors: string[] = [];
  const type = topicSchema(m.topic as TopicName).type;
  type.isValid(m.value, { errorHook: (path, value) => errors.push(`${path.join('.')}=${JSON.stringify(value)}`) });
  return errors;
}

/** The kind fields of a multi-kind value that are set. */
function setKindFields(topic: TopicName, value: Record<string, unknown>): string[] {
  return (TOPIC_KINDS[topic] ?? []).map(kindField).filter((f) => value[f] !== null && value[f] !== undefined);
}

const portalMessage = samples[Topics.portalApplications][0] as PortalApplicationSubmitted;
const pscMessage = samples[Topics.corporationApplications][0] as Extract<
  CorporationApplicationMessage,
  { kind: 'APPLICATION_ACCEPTED' }
>;
const portalApp = applicationFromPortal(portalMessage);
const pscApp = applicationFromPsc(pscMessage);

/** The renamed applicant at a PSC: the original is damaged but not attached, and her ID card expired (item 52). */
const incompletePscApp: Application = applicationFromPsc({
  ...pscMessage,
  applicationId: 'GOV4C-20260305-0009377',
  applicationAccepted: {
    ...pscMessage.applicationAccepted,
    receiptNumber: '002-26-0305-000937-R',
    acceptedAt: '2026-03-05T17:50:00.000+05:00',
    form: renamedInstitutionForm,
    presentedDocuments: [
      { type: 'APPLICATION_FORM', number: null, validUntil: null, holderIin: RENAMED_APPLICANT_IIN },
      { type: 'ID_CARD', number: '027715390', validUntil: '2026-02-11', holderIin: RENAMED_APPLICANT_IIN },
    ],
  },
});

describe('outbound of a portal application (ApplicationSubmitted)', () => {
  const { messages, steps, env } = outboundOf([receive(portalApp)], 4);
  const [stage, accepted, identity] = messages;

  it('sends the monitoring stage first, then the portal ACCEPTED notice, then the identity request; all keyed by the application id', () => {
    expect(steps.map((s) => s.event.type)).toEqual(['ApplicationSubmitted']);
    expect(messages.map((m) => m.topic)).toEqual([
      Topics.monitoringStages,
      Topics.portalNotifications,
      Topics.identityRequests,
    ]);
    expect(messages.every((m) => m.key === portalApp.applicationId)).toBe(true);
    expect(messages.map((m) => m.value.messageId)).toEqual(env.ids);
    expect(new Set(env.ids).size).toBe(3);
    expect(messages.every((m) => m.value.correlationId === 'corr-cause-1')).toBe(true);
  });

  it('monitoring: stage SUBMITTED, the next sequence number, the service term end of the event, the channel', () => {
    const deadlines = (steps[0]!.event as Extract<(typeof steps)[0]['event'], { type: 'ApplicationSubmitted' }>)
      .deadlines;
    expect(stage!.value).toEqual({
      messageId: 'msg-1',
      correlationId: 'corr-cause-1',
      occurredAt: portalApp.submittedAt,
      applicationId: portalApp.applicationId,
      stage: 'SUBMITTED',
      channel: 'PORTAL',
      collegeBin: portalApp.collegeBin,
      serviceTermEndsAt: deadlines.termEndsAt,
      stageDeadline: null,
      slaStatus: 'ON_TIME',
      sequence: 5,
      calendarVersion: steps[0]!.after.calendar!.calendarVersion,
      deadlinesProvisional: false,
      revision: null,
    });
    expect(steps[0]!.after.calendar!.calendarVersion).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\/[0-9a-f]{12}$/);
    expect(deadlines.termEndsAt).toMatch(/^2026-03-\d\dT23:59:59\.999\+05:00$/);
  });

  it('portal ACCEPTED: registration date and term end, to the applicant, exactly one kind field set', () => {
    const deadlines = steps[0]!.after.deadlines!;
    expect(accepted!.value).toMatchObject({
      applicationId: portalApp.applicationId,
      recipientIin: PORTAL_APPLICANT_IIN,
      kind: 'ACCEPTED',
      accepted: { registrationDate: deadlines.registrationDate, serviceTermEndsAt: deadlines.termEndsAt },
    });
    expect(setKindFields(Topics.portalNotifications, accepted!.value)).toEqual(['accepted']);
    expect(() => checkKindFields(Topics.portalNotifications, accepted!.value)).not.toThrow();
  });

  it("identity request: request id idr-<applicationId>-1, the applicant's IIN, the reply topic and ids from the env", () => {
    expect(identity!.value).toEqual({
      messageId: 'msg-3',
      correlationId: 'corr-cause-1',
      occurredAt: portalApp.submittedAt,
      serviceId: 'GBDFL_PERSON_BY_IIN',
      messageDate: portalApp.submittedAt,
      requestId: `idr-${portalApp.applicationId}-1`,
      senderId: 'TVET_DUPLICATE_ADAPTER',
      applicationId: portalApp.applicationId,
      iin: PORTAL_APPLICANT_IIN,
      replyTopic: REPLY_TOPIC,
    });
    expect(identityRequestId(portalApp.applicationId, 1)).toBe(`idr-${portalApp.applicationId}-1`);
  });

  it("every value is valid against its topic's Avro schema (and the check does catch a wrong value)", () => {
    for (const m of messages) expect(avroErrors(m), m.topic).toEqual([]);
    expect(avroErrors({ ...identity!, value: { ...identity!.value, iin: 980412401235 } })).toEqual([
      'iin=980412401235',
    ]);
    expect(avroErrors({ ...stage!, value: { ...stage!.value, occurredAt: '2026-03-02T10:15:00' } })).toHaveLength(1);
  });

  it("a representative receives the portal notice, while the identity checked stays the learner's", () => {
    const withRep: Application = {
      ...portalApp,
      representative: { surname: 'Сейтқалиев', name: 'Нұрлан', iin: FATHER_IIN, relation: 'PARENT' },
    };
    const { messages: ms } = outboundOf([receive(withRep)]);
    expect(v(ms[1]).recipientIin).toBe(FATHER_IIN);
    expect(v(ms[2]).iin).toBe(PORTAL_APPLICANT_IIN);
  });
});

describe('outbound of a PSC application (ApplicationAccepted)', () => {
  const { messages, steps } = outboundOf([receive(pscApp)]);
  const [stage, receipt, identity] = messages;

  it('passes the intake check (no refusal finding) and is accepted', () => {
    expect(validateIntake(pscApp).filter((f) => f.intakeRefusal)).toEqual([]);
    expect(steps.map((s) => s.event.type)).toEqual(['ApplicationAccepted']);
  });

  it('sends the stage ACCEPTED (sequence 1), the PSC RECEIPT, then the identity request', () => {
    expect(messages.map((m) => m.topic)).toEqual([
      Topics.monitoringStages,
      Topics.corporationNotifications,
      Topics.identityRequests,
    ]);
    expect(stage!.value).toMatchObject({
      stage: 'ACCEPTED',
      channel: 'PSC',
      sequence: 1,
      serviceTermEndsAt: steps[0]!.after.deadlines!.termEndsAt,
      slaStatus: 'ON_TIME',
    });
  });

  it('PSC RECEIPT: the PSC receipt number, acceptance instant, registration date and term end, for the branch; only `receipt` set', () => {
    const deadlines = steps[0]!.after.deadlines!;
    expect(receipt!.value).toMatchObject({
      applicationId: pscApp.applicationId,
      branchId: PSC_BRANCH,
      kind: 'RECEIPT',
      receipt: {
        receiptNumber: PSC_RECEIPT,
        acceptedAt: pscApp.submittedAt,
        registrationDate: deadlines.registrationDate,
        serviceTermEndsAt: deadlines.termEndsAt,
      },
      refusalReceipt: null,
      resultReadyForHandover: null,
      returnToCollegeDue: null,
    });
    expect(setKindFields(Topics.corporationNotifications, receipt!.value)).toEqual(['receipt']);
  });

  it("identity request: the minor learner's IIN, not the father's who filed", () => {
    expect(identity!.value).toMatchObject({
      requestId: `idr-${pscApp.applicationId}-1`,
      iin: MINOR_IIN,
      replyTopic: REPLY_TOPIC,
    });
  });

  it("every value is valid against its topic's Avro schema", () => {
    for (const m of messages) expect(avroErrors(m), m.topic).toEqual([]);
  });
});

describe('outbound of an incomplete PSC application (IntakeRefused)', () => {
  const findings = validateIntake(incompletePscApp);
  const { messages, steps } = outboundOf([receive(incompletePscApp)]);
  const [stage, refusal] = messages;

  it('the intake check finds the missing original and the expired ID card', () => {
    expect(
      findings
        .filter((f) => f.intakeRefusal)
        .map((f) => f.code)
        .sort(),
    ).toEqual(['IDENTITY_DOCUMENT_EXPIRED', 'ORIGINAL_DOCUMENT_MISSING']);
    expect(steps.map((s) => s.event.type)).toEqual(['IntakeRefused']);
  });

  it('sends the stage INTAKE_REFUSED and the PSC REFUSAL_RECEIPT only: no identity request', () => {
    expect(messages.map((m) => m.topic)).toEqual([Topics.monitoringStages, Topics.corporationNotifications]);
    expect(stage!.value).toMatchObject({ stage: 'INTAKE_REFUSED', channel: 'PSC', sequence: 1 });
  });

  it('REFUSAL_RECEIPT: missing original named, the expired document listed with its data, motivations in both languages; only `refusalReceipt` set', () => {
    expect(v(refusal)).toMatchObject({
      applicationId: 'GOV4C-20260305-0009377',
      branchId: PSC_BRANCH,
      kind: 'REFUSAL_RECEIPT',
      receipt: null,
      refusalReceipt: {
        receiptNumber: '002-26-0305-000937-R',
        missingDocuments: ['ORIGINAL_EDUCATION_DOCUMENT'],
        expiredDocuments: [
          { type: 'ID_CARD', number: '027715390', validUntil: '2026-02-11', holderIin: RENAMED_APPLICANT_IIN },
        ],
      },
    });
    const body = v(refusal).refusalReceipt as { motivationKk: string; motivationRu: string };
    expect(body.motivationKk).toContain('52-тармағы');
    expect(body.motivationRu).toContain('пункт 52');
    // Sentences a citizen understands: what is missing and what expired, in words, never a code or a field path.
    expect(body.motivationKk).toContain('түпнұсқасы');
    expect(body.motivationKk).toContain('мерзімі өтіп кеткен');
    expect(body.motivationRu).toContain('оригинал документа об образовании');
    expect(body.motivationRu).toContain('истек');
    for (const text of [body.motivationKk, body.motivationRu])
      expect(text).not.toMatch(/[A-Z]{3,}_[A-Z_]+|presentedDocuments/);
    expect(setKindFields(Topics.corporationNotifications, v(refusal))).toEqual(['refusalReceipt']);
  });

  it("every value is valid against its topic's Avro schema", () => {
    for (const m of messages) expect(avroErrors(m), m.topic).toEqual([]);
  });
});

describe('outbound of other events', () => {
  it('a portal intake refusal (unsigned) sends the portal INTAKE_REFUSED notice, valid Avro', () => {
    const { signature: _s, ...unsigned } = portalApp;
    const { messages } = outboundOf([receive(unsigned as Application)]);
    expect(messages.map((m) => m.topic)).toEqual([Topics.monitoringStages, Topics.portalNotifications]);
    expect(messages[1]!.value).toMatchObject({ kind: 'INTAKE_REFUSED', recipientIin: PORTAL_APPLICANT_IIN });
    expect(setKindFields(Topics.portalNotifications, messages[1]!.value)).toEqual(['intakeRefused']);
    for (const m of messages) expect(avroErrors(m), m.topic).toEqual([]);
  });

  it("an operator retry (IdentityCheckRetried) sends only the identity request, under the event's request id, without a stage", () => {
    const id = portalApp.applicationId;
    const commands: ApplicationCommand[] = [
      receive(portalApp),
      { type: 'RecordIdentityOverdue', applicationId: id, at: '2026-03-02T11:00:00+05:00', requestId: `idr-${id}-1` },
      { type: 'RetryIdentityCheck', applicationId: id, at: '2026-03-02T12:00:00+05:00', operatorId: 'OPS-3' },
    ];
    const { steps } = run(commands);
    const retry = steps.at(-1)!;
    expect(retry.event.type).toBe('IdentityCheckRetried');
    const env = envFrom(7);
    const ms = translateIntents(
      intentsOf(retry.event, retry.before, retry.after, effects),
      retry.event,
      retry.after.application!,
      env,
      env.gateway,
      env.nextSequence,
    ).messages;
    expect(ms.map((m) => m.topic)).toEqual([Topics.identityRequests]);
    expect(ms[0]!.value).toMatchObject({
      requestId: `idr-${id}-2`,
      iin: PORTAL_APPLICANT_IIN,
      occurredAt: '2026-03-02T12:00:00+05:00',
    });
    expect(env.nextSequence()).toBe(8);
    expect(avroErrors(ms[0]!)).toEqual([]);
  });

  it('an event after intake (IdentityFailed) reports its stage with the stored term end and the next sequence', () => {
    const id = portalApp.applicationId;
    const { steps } = run([
      receive(portalApp),
      {
        type: 'RecordIdentityAnswer',
        applicationId: id,
        at: '2026-03-02T11:00:00+05:00',
        requestId: `idr-${id}-1`,
        answer: { status: 'NOT_FOUND' },
      },
    ]);
    const failed = steps.at(-1)!;
    const env = envFrom(1);
    const ms = translateIntents(
      intentsOf(failed.event, failed.before, failed.after, effects),
      failed.event,
      failed.after.application!,
      env,
      env.gateway,
      env.nextSequence,
    ).messages;
    expect(ms[0]).toMatchObject({
      topic: Topics.monitoringStages,
      value: { stage: 'IDENTITY_FAILED', sequence: 2, serviceTermEndsAt: failed.before.deadlines!.termEndsAt },
    });
    for (const m of ms) expect(avroErrors(m), m.topic).toEqual([]);
  });
});

describe('envelope', () => {
  it('sets `kind`, its record, and every other kind field of the topic to null', () => {
    for (const kind of TOPIC_KINDS[Topics.portalNotifications]!) {
      const value = envelope<Record<string, unknown>>(
        Topics.portalNotifications,
        kind,
        { x: 1 },
        { messageId: 'm', applicationId: 'A' },
      );
      expect(value.kind).toBe(kind);
      expect(value[kindField(kind)]).toEqual({ x: 1 });
      expect(setKindFields(Topics.portalNotifications, value)).toEqual([kindField(kind)]);
      expect(
        Object.keys(value)
          .filter((k) => value[k] === null)
          .sort(),
      ).toEqual(
        TOPIC_KINDS[Topics.portalNotifications]!.map(kindField)
          .filter((f) => f !== kindField(kind))
          .sort(),
      );
      expect(value).toMatchObject({ messageId: 'm', applicationId: 'A' });
    }
  });

  it('the header cannot override the kind or its record', () => {
    const value = envelope<Record<string, unknown>>(
      Topics.corporationNotifications,
      'RECEIPT',
      { n: 1 },
      { kind: 'OTHER', receipt: null, branchId: 'B' },
    );
    expect(value).toMatchObject({ kind: 'RECEIPT', receipt: { n: 1 }, branchId: 'B' });
  });
});
