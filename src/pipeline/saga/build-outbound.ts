/**
 * The edge of the core's intents: each message intent goes to the builder of its partner
 * (one builder per outbound message), timer intents to the timer sink.
 */
import type { Application, ApplicationEvent } from '../../core/application/index.js';
import type { Intent } from '../../core/application/effects/index.js';
import { buildIdentityRequest, type GatewaySettings } from '../../partners/gateway/build-identity-request.js';
import { buildStage } from '../../partners/monitoring/build-stage.js';
import { buildPortalNotification } from '../../partners/portal/build-notification.js';
import { buildPscNotification } from '../../partners/psc/build-notification.js';
import { buildCollegeApplication } from '../../partners/college/build-application.js';
import { buildResultDispatch } from '../../partners/courier/build-order.js';
import { buildDigitalDiploma } from '../../partners/digital-documents/build-diploma.js';
import type { OutboxMessage } from '../outbox/outbox-queries.js';
import type { OutboundMeta } from './outbound-meta.js';
import type { TimerIntent } from './timer-sink.js';

export interface OutboundIds {
  newId(): string;
  /** The chain id of the message (or timer, or command) that caused these events. */
  correlationId: string;
}

export interface Translated {
  messages: OutboxMessage[];
  timers: TimerIntent[];
}

/** The messages and timers of one event's intents; `nextSequence` numbers the monitoring stages. */
export function translateIntents(
  intents: readonly Intent[],
  event: ApplicationEvent,
  app: Application,
  ids: OutboundIds,
  gateway: GatewaySettings,
  nextSequence: () => number,
): Translated {
  const out: Translated = { messages: [], timers: [] };
  for (const intent of intents) {
    const meta: OutboundMeta = {
      applicationId: app.applicationId,
      channel: app.channel,
      collegeBin: app.collegeBin,
      header: { messageId: '', correlationId: ids.correlationId, occurredAt: event.at },
    };
    if (intent.type === 'ScheduleTimer' || intent.type === 'CancelTimer') {
      out.timers.push(intent);
      continue;
    }
    meta.header.messageId = ids.newId();
    switch (intent.type) {
      case 'ReportStage':
        out.messages.push(buildStage(intent, meta, nextSequence()));
        break;
      case 'NotifyPortal':
        out.messages.push(buildPortalNotification(intent, meta));
        break;
      case 'NotifyPsc':
        out.messages.push(buildPscNotification(intent, meta));
        break;
      case 'RequestIdentity':
        out.messages.push(buildIdentityRequest(intent, meta, gateway));
        break;
      case 'SendToCollege':
        out.messages.push(buildCollegeApplication(intent, app, meta));
        break;
      case 'OrderResultDispatch':
        out.messages.push(buildResultDispatch(intent, app, meta));
        break;
      case 'PublishDigitalDiploma':
        out.messages.push(buildDigitalDiploma(intent, app, meta));
        break;
    }
  }
  return out;
}
