import { defaultDeps } from '../pipeline/deps.js';
import { loadCalendarDirectory } from '../platform/calendar/load-calendar-directory.js';
import { SHIPPED_CALENDAR_DIR } from '../platform/calendar/calendar-store.js';
import { checkCalendarFile, showCalendarYear } from './calendar-commands.js';
import { applicationHistory } from './history.js';
import { timersSchemaOf, type AppConfig } from '../platform/config/schema.js';
import { createClock } from '../platform/clock/clock.js';
import { queueTimerSink } from '../timers/timer-sink.js';
import { INBOUND_TOPICS, dlqTopic, isTopicName, topicName } from '../contract/topics.js';
import { connect, runtimeUrl } from '../platform/db/connect.js';
import { describeDeadLetter, readDeadLetters } from './dead-letters/read-dead-letters.js';
import { replayDeadLetters, storedPayloadsIn } from './dead-letters/replay-dead-letters.js';
import { AppError } from '../platform/errors/app-error.js';
import { retryIdentityCheck } from './identity-retry.js';
import type { Logger } from '../platform/logging/logger.js';
import { connectMessaging } from '../platform/messaging/bootstrap.js';
import { retryFailedOutbox, selectFailedOutbox } from '../pipeline/outbox/outbox-queries.js';

/** Operator commands act on running services: they must be named, never started. */
function requireServices(config: AppConfig): void {
  const missing = [
    config.kafka.brokers.length === 0 && 'KAFKA_BROKERS',
    !config.schemaRegistry.url && 'SCHEMA_REGISTRY_URL',
    !config.database.url && 'DATABASE_URL',
  ].filter(Boolean);
  if (missing.length > 0)
    throw new AppError(
      'CLI_SERVICES_MISSING',
      `Set ${missing.join(', ')} to the running system's services (\`npm run infra\` prints them for a local run).`,
    );
}

function inboundTopic(config: AppConfig, name: string | undefined): string {
  if (!name || !isTopicName(name) || !INBOUND_TOPICS.includes(name)) {
    throw new AppError('CLI_USAGE', `Name an inbound topic: ${INBOUND_TOPICS.join(', ')}.`);
  }
  return dlqTopic(topicName(name, config.kafka.topicPrefix));
}

/** `dlq list <topic>`: one JSON line per dead letter (reason and coordinates, no payload). */
export async function runDlqList(config: AppConfig, log: Logger, args: string[]): Promise<void> {
  requireServices(config);
  const { kafka, codec } = await connectMessaging(config, log, '-dlq');
  const entries = await readDeadLetters(kafka, codec, inboundTopic(config, args[0]));
  for (const e of entries) process.stdout.write(`${JSON.stringify(describeDeadLetter(e))}\n`);
  process.stdout.write(`${entries.length} dead letter(s)\n`);
}

/** `dlq replay <topic> [<partition>/<offset> ...]`: put dead letters back on their topic (all when none named). */
export async function runDlqReplay(config: AppConfig, log: Logger, args: string[]): Promise<void> {
  const [topic, ...which] = args;
  requireServices(config);
  const { kafka, codec } = await connectMessaging(config, log, '-dlq');
  const entries = await readDeadLetters(kafka, codec, inboundTopic(config, topic));
  const chosen =
    which.length === 0 ? entries : entries.filter((e) => which.includes(`${e.dlqPartition}/${e.dlqOffset}`));
  const db = connect({
    url: runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword),
    schema: config.database.schema,
  });
  try {
    const n = await replayDeadLetters(kafka, chosen, storedPayloadsIn(db));
    process.stdout.write(`${n} dead letter(s) replayed\n`);
  } finally {
    await db.destroy();
  }
}

/** `identity-retry <applicationId> [operatorId]`: ask the gateway again after IDENTITY_FAILED. */
export async function runIdentityRetry(config: AppConfig, log: Logger, args: string[]): Promise<void> {
  const [applicationId, operatorId = process.env.USER ?? 'operator'] = args;
  if (!applicationId) throw new AppError('CLI_USAGE', 'usage: identity-retry <applicationId> [operatorId]');
  requireServices(config);
  const db = connect({
    url: runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword),
    schema: config.database.schema,
  });
  try {
    const calendar = loadCalendarDirectory(calendarDir(config));
    const clock = createClock(config.clock);
    const deps = defaultDeps(
      config,
      { current: () => calendar },
      log,
      queueTimerSink(timersSchemaOf(config), clock),
      clock,
    );
    const requestId = await retryIdentityCheck(db, deps, applicationId, operatorId);
    process.stdout.write(`identity request ${requestId} queued; the running adapter publishes it\n`);
  } finally {
    await db.destroy();
  }
}

function calendarDir(config: AppConfig): string {
  return config.calendar.dir || SHIPPED_CALENDAR_DIR;
}

/** `calendar-show <year>`: a year of the calendar in use, every day off with its reason and source. */
export async function runCalendarShow(config: AppConfig, _log: Logger, args: string[]): Promise<void> {
  const year = Number(args[0]);
  if (!Number.isInteger(year)) throw new AppError('CLI_USAGE', 'usage: calendar-show <year>, e.g. calendar-show 2027');
  process.stdout.write(`${showCalendarYear(loadCalendarDirectory(calendarDir(config)), year)}\n`);
}

/** `calendar-check <file>`: a new statute.json or <year>.json checked against the directory before it is deployed. */
export async function runCalendarCheck(config: AppConfig, _log: Logger, args: string[]): Promise<void> {
  if (!args[0]) throw new AppError('CLI_USAGE', 'usage: calendar-check <path/to/2027.json>');
  const { ok, text } = checkCalendarFile(calendarDir(config), args[0]);
  process.stdout.write(`${text}\n`);
  if (!ok) throw new AppError('CALENDAR_DATA_INVALID', `${args[0]} is not valid; fix it before deploying (see above).`);
}

/** `history <applicationId>`: an application's events, their causes and the messages sent, personal data masked. */
export async function runHistory(config: AppConfig, _log: Logger, args: string[]): Promise<void> {
  const [applicationId] = args;
  if (!applicationId) throw new AppError('CLI_USAGE', 'usage: history <applicationId>');
  requireServices(config);
  const db = connect({
    url: runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword),
    schema: config.database.schema,
  });
  try {
    const report = await applicationHistory(db, applicationId);
    process.stdout.write(`${report.text}\n`);
    if (!report.consistent)
      throw new AppError(
        'STATE_DIFFERS_FROM_EVENTS',
        `The stored state of ${applicationId} is not the fold of its events; rebuild it from the event log.`,
      );
  } finally {
    await db.destroy();
  }
}

function runtimeDb(config: AppConfig) {
  return connect({
    url: runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword),
    schema: config.database.schema,
  });
}

/**
 * `outbox-failed`: the outbox rows the relay set aside (one JSON line each: id, topic, error, how
 * many rows of its key wait behind it; never the value), and a count.
 */
export async function runOutboxFailed(config: AppConfig): Promise<void> {
  requireServices(config);
  const db = runtimeDb(config);
  try {
    const rows = await selectFailedOutbox(db);
    for (const r of rows) {
      const key = r.key.length > 80 ? `${r.key.slice(0, 80)}...` : r.key;
      process.stdout.write(`${JSON.stringify({ ...r, key, failedAt: r.failedAt.toISOString() })}\n`);
    }
    process.stdout.write(`${rows.length} row(s) set aside\n`);
  } finally {
    await db.destroy();
  }
}

/** `outbox-retry <id ...|all>`: give rows set aside back to the relay, after a fix. */
export async function runOutboxRetry(config: AppConfig, _log: Logger, args: string[]): Promise<void> {
  const all = args.length === 1 && args[0] === 'all';
  const ids = args.map(Number);
  if (args.length === 0 || (!all && !ids.every((n) => Number.isInteger(n) && n > 0)))
    throw new AppError('CLI_USAGE', 'usage: outbox-retry <id> [<id> ...] | outbox-retry all');
  requireServices(config);
  const db = runtimeDb(config);
  try {
    const n = await retryFailedOutbox(db, all ? null : ids);
    process.stdout.write(`${n} row(s) given back to the relay\n`);
  } finally {
    await db.destroy();
  }
}
