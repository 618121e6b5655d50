import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '../core/calendar/index.js';
import type { AppConfig } from '../platform/config/schema.js';
import { Topics, topicName } from '../contract/topics.js';
import type { Logger } from '../platform/logging/logger.js';
import type { OutboundEnv } from './saga/outbound.js';

/** What the adapter's handlers and timers share. `now` is the only clock of the adapter. */
export interface AdapterDeps {
  config: AppConfig;
  calendar: WorkingCalendar;
  log: Logger;
  now(): Date;
  newId(): string;
}

export function defaultDeps(config: AppConfig, calendar: WorkingCalendar, log: Logger): AdapterDeps {
  return { config, calendar, log, now: () => new Date(), newId: randomUUID };
}

/** The outbound environment for messages caused by one input with chain id `correlationId`. */
export function outboundEnv(deps: AdapterDeps, correlationId: string): Omit<OutboundEnv, 'nextSequence'> {
  return {
    newId: deps.newId,
    correlationId,
    identity: {
      senderId: deps.config.identity.senderId,
      serviceId: deps.config.identity.serviceId,
      replyTopic: topicName(Topics.identityResponses, deps.config.kafka.topicPrefix),
    },
  };
}
