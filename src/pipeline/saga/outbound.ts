import { stageOf, type ApplicationEvent, type ApplicationState, type Application } from '../../core/application/index.js';
import type { IdentityRequest, MonitoringStage } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import type { OutboxMessage } from '../outbox/outbox-queries.js';
import { envelope } from './envelope.js';
import { acceptedStatus, refusalMotivation, termRevisedStatus } from './texts.js';

export interface OutboundEnv {
  newId(): string;
  /** The chain id of the message that caused these events. */
  correlationId: string;
  /** Allocates the next per-application monitoring sequence number. */
  nextSequence(): number;
  identity: { senderId: string; serviceId: string; replyTopic: string };
}

/** The id of the n-th identity request of an application (n from 1): stable across redeliveries. */
export function identityRequestId(applicationId: string, n: number): string {
  return `idr-${applicationId}-${n}`;
}

function header(env: OutboundEnv, at: string) {
  return { messageId: env.newId(), correlationId: env.correlationId, occurredAt: at };
}

function stageMessage(event: ApplicationEvent, before: ApplicationState, after: ApplicationState, env: OutboundEnv): OutboxMessage | null {
  const report = stageOf(event, before);
  if (!report) return null;
  const app = after.application!;
  const value: MonitoringStage = {
    ...header(env, event.at),
    applicationId: event.applicationId,
    stage: report.stage,
    channel: app.channel,
    collegeBin: app.collegeBin,
    serviceTermEndsAt: report.termEndsAt,
    stageDeadline: report.stageDeadline,
    slaStatus: report.slaStatus,
    sequence: env.nextSequence(),
    calendarVersion: after.calendar?.calendarVersion ?? null,
    deadlinesProvisional: after.calendar?.provisional ?? false,
    revision:
      event.type === 'DeadlinesRevised'
        ? {
            previousServiceTermEndsAt: event.previous.deadlines.termEndsAt,
            previousCalendarVersion: event.previousCalendar?.calendarVersion ?? null,
            termEndChanged: event.termEndChanged,
          }
        : null,
  };
  return { topic: Topics.monitoringStages, key: event.applicationId, value };
}

function identityRequest(app: Application, requestId: string, at: string, env: OutboundEnv): OutboxMessage {
  const value: IdentityRequest = {
    ...header(env, at),
    serviceId: env.identity.serviceId,
    messageDate: at,
    requestId,
    senderId: env.identity.senderId,
    applicationId: app.applicationId,
    // The representative files for a minor, but the identity checked is the learner's (item 49).
    iin: app.applicant.iin,
    replyTopic: env.identity.replyTopic,
  };
  return { topic: Topics.identityRequests, key: app.applicationId, value };
}

function portal(kind: string, body: object, app: Application, at: string, env: OutboundEnv): OutboxMessage {
  const recipientIin = app.representative?.iin ?? app.applicant.iin;
  return { topic: Topics.portalNotifications, key: app.applicationId, value: envelope(Topics.portalNotifications, kind, body, { ...header(env, at), applicationId: app.applicationId, recipientIin }) };
}

function psc(kind: string, body: object, app: Application, at: string, env: OutboundEnv): OutboxMessage {
  const branchId = app.psc?.branchId ?? (app.resultPlace.kind === 'PSC' ? app.resultPlace.branchId : '');
  return { topic: Topics.corporationNotifications, key: app.applicationId, value: envelope(Topics.corporationNotifications, kind, body, { ...header(env, at), applicationId: app.applicationId, branchId }) };
}

/** Messages to other parties caused by one event (besides its monitoring stage). */
function partyMessages(event: ApplicationEvent, after: ApplicationState, env: OutboundEnv): OutboxMessage[] {
  const app = after.application!;
  switch (event.type) {
    case 'ApplicationSubmitted':
      return [
        portal(
          'ACCEPTED',
          { registrationDate: event.deadlines.registrationDate, serviceTermEndsAt: event.deadlines.termEndsAt, ...acceptedStatus(event.deadlines.registrationDate, event.deadlines.termEndDate) },
          app,
          event.at,
          env,
        ),
        identityRequest(app, identityRequestId(app.applicationId, 1), event.at, env),
      ];
    case 'ApplicationAccepted': {
      const out = [identityRequest(app, identityRequestId(app.applicationId, 1), event.at, env)];
      if (app.channel === 'PSC') {
        out.unshift(
          psc('RECEIPT', { receiptNumber: event.receipt.receiptNumber, acceptedAt: event.receipt.acceptedAt, registrationDate: event.deadlines.registrationDate, serviceTermEndsAt: event.deadlines.termEndsAt }, app, event.at, env),
        );
      }
      return out;
    }
    case 'IntakeRefused': {
      const motivation = refusalMotivation(event.refusalReceipt);
      if (app.channel === 'PORTAL') return [portal('INTAKE_REFUSED', motivation, app, event.at, env)];
      if (app.channel === 'PSC') {
        const expired = app.presentedDocuments.filter((d) => d.validUntil !== undefined && d.validUntil < event.at.slice(0, 10));
        return [
          psc(
            'REFUSAL_RECEIPT',
            {
              ...motivation,
              receiptNumber: event.refusalReceipt.receiptNumber,
              missingDocuments: event.refusalReceipt.missingDocuments.map((m) => documentTypeOf(m.code)).filter((t): t is NonNullable<typeof t> => t !== null),
              expiredDocuments: expired.map((d) => ({ type: d.type, number: d.number ?? null, validUntil: d.validUntil ?? null, holderIin: d.holderIin ?? null })),
            },
            app,
            event.at,
            env,
          ),
        ];
      }
      return [];
    }
    case 'IdentityCheckRetried':
      return [identityRequest(app, event.requestId, event.at, env)];
    case 'DeadlinesRevised': {
      if (!event.termEndChanged) return [];
      const body = {
        previousTermEndDate: event.previous.deadlines.termEndDate,
        termEndDate: event.revised.deadlines.termEndDate,
        serviceTermEndsAt: event.revised.deadlines.termEndsAt,
        provisional: event.calendar.provisional,
        calendarVersion: event.calendar.calendarVersion,
        ...termRevisedStatus(event.previous.deadlines.termEndDate, event.revised.deadlines.termEndDate),
      };
      if (app.channel === 'PORTAL') return [portal('TERM_REVISED', body, app, event.at, env)];
      if (app.channel === 'PSC') return [psc('TERM_REVISED', body, app, event.at, env)];
      return [];
    }
    default:
      return [];
  }
}

/** Which presented document a missing-document finding is about, where one is named. */
function documentTypeOf(code: string): Application['presentedDocuments'][number]['type'] | null {
  if (code === 'ORIGINAL_DOCUMENT_MISSING') return 'ORIGINAL_EDUCATION_DOCUMENT';
  if (code.startsWith('IDENTITY_DOCUMENT')) return 'ID_CARD';
  if (code === 'APPLICATION_FORM_MISSING') return 'APPLICATION_FORM';
  return null;
}

/** Everything one event sends: its monitoring stage first, then the messages to the parties. */
export function outboundFor(event: ApplicationEvent, before: ApplicationState, after: ApplicationState, env: OutboundEnv): OutboxMessage[] {
  const stage = stageMessage(event, before, after, env);
  return [...(stage ? [stage] : []), ...partyMessages(event, after, env)];
}

