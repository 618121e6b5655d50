import { randomUUID } from 'node:crypto';
import type { ClassifiedCalendar } from '../core/calendar/index.js';
import type { DecidePolicy } from '../core/application/index.js';
import type { AppConfig } from '../platform/config/schema.js';
import { Topics, topicName } from '../contract/topics.js';
import type { Logger } from '../platform/logging/logger.js';
import { createClock, type Clock } from '../platform/clock/clock.js';
import type { EventCause } from './saga/event-log-queries.js';
import type { SagaStep } from './saga/execute-command.js';
import type { TimerSink } from './saga/timer-sink.js';

/** What the adapter's handlers and timers share. `now` is the only clock of the adapter. */
export interface AdapterDeps {
  config: AppConfig;
  /** The calendar version in use (it changes when the calendar files are reloaded). */
  readonly calendar: ClassifiedCalendar;
  log: Logger;
  clock: Clock;
  now(): Date;
  newId(): string;
  /** Where the timer intents of a step go (the job queue). */
  timers: TimerSink;
}

/** Where the current calendar comes from: a loaded store, or a fixed calendar. */
export interface CalendarSource {
  current(): ClassifiedCalendar;
}

export function defaultDeps(
  config: AppConfig,
  calendars: CalendarSource,
  log: Logger,
  timers: TimerSink,
  clock: Clock = createClock(config.clock),
): AdapterDeps {
  return {
    config,
    get calendar() {
      return calendars.current();
    },
    log,
    clock,
    now: () => clock.now(),
    newId: randomUUID,
    timers,
  };
}

/** The policy of the core, from configuration. */
export function policyOf(config: AppConfig): DecidePolicy {
  const { maxAttempts, responseTimeoutMs, minBackoffMs, maxBackoffMs } = config.identity;
  return { identity: { maxAttempts, responseTimeoutMs, minBackoffMs, maxBackoffMs } };
}

/** Everything a saga step needs, for a command caused by `cause` in the chain `correlationId`. */
export function sagaStep(deps: AdapterDeps, cause: EventCause, correlationId: string): SagaStep {
  const policy = policyOf(deps.config);
  return {
    decide: { calendar: deps.calendar, policy },
    effects: { now: deps.now().toISOString(), policy, calendar: deps.calendar },
    ids: { newId: deps.newId, correlationId },
    gateway: {
      senderId: deps.config.identity.senderId,
      serviceId: deps.config.identity.serviceId,
      replyTopic: topicName(Topics.identityResponses, deps.config.kafka.topicPrefix),
    },
    cause,
    timers: deps.timers,
  };
}
