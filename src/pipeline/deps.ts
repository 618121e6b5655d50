import { randomUUID } from 'node:crypto';
import type { ClassifiedCalendar } from '../core/calendar/index.js';
import type { AppConfig } from '../platform/config/schema.js';
import { Topics, topicName } from '../contract/topics.js';
import type { Logger } from '../platform/logging/logger.js';
import { createClock, type Clock } from '../platform/clock/clock.js';
import type { OutboundEnv } from './saga/outbound.js';

/** What the adapter's handlers and timers share. `now` is the only clock of the adapter. */
export interface AdapterDeps {
  config: AppConfig;
  /** The calendar version in use (it changes when the calendar files are reloaded). */
  readonly calendar: ClassifiedCalendar;
  log: Logger;
  now(): Date;
  newId(): string;
}

/** Where the current calendar comes from: a loaded store, or a fixed calendar. */
export interface CalendarSource {
  current(): ClassifiedCalendar;
}

export function defaultDeps(config: AppConfig, calendars: CalendarSource, log: Logger, clock: Clock = createClock(config.clock)): AdapterDeps {
  return {
    config,
    get calendar() {
      return calendars.current();
    },
    log,
    now: () => clock.now(),
    newId: randomUUID,
  };
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
