import type { Knex } from 'knex';
import { almatyDate } from '../core/calendar/index.js';
import { timersSchemaOf, type AppConfig } from '../platform/config/schema.js';
import { Topics } from '../contract/topics.js';
import { connect, runtimeUrl } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { identityResponseHandler } from '../partners/gateway/handle-response.js';
import { InboundConsumer } from '../pipeline/inbound/batch-consumer.js';
import { portalApplicationHandler } from '../partners/portal/handle-application.js';
import { corporationApplicationHandler } from '../partners/psc/handle-corporation.js';
import { collegeDecisionHandler } from '../partners/college/handle-decision.js';
import { courierEventHandler } from '../partners/courier/handle-event.js';
import type { Logger } from '../platform/logging/logger.js';
import { connectMessaging } from '../platform/messaging/bootstrap.js';
import { OUTBOX_CURSOR_TOPIC, internalTopicName } from '../platform/messaging/topics.js';
import { outboxChannel } from '../pipeline/outbox/outbox-queries.js';
import { OutboxRelay } from '../pipeline/outbox/relay.js';
import { CalendarStore, SHIPPED_CALENDAR_DIR } from '../platform/calendar/calendar-store.js';
import { logCalendarOutlook } from '../platform/calendar/outlook-log.js';
import { requestCalendarRevision } from '../timers/calendar-revision.js';
import { timerTasks } from '../timers/tasks.js';
import { queueTimerSink } from '../timers/timer-sink.js';
import { startTimerWorker, type TimerWorker } from '../timers/worker.js';
import { RETENTION_CRONTAB, pruneRetention, retentionTasks } from '../timers/retention.js';
import { createClock } from '../platform/clock/clock.js';
import { countApplicationsToRevise } from '../pipeline/saga/application-queries.js';
import { defaultDeps, type AdapterDeps } from '../pipeline/deps.js';
import { createMetrics, type PipelineMetrics } from '../platform/observability/metrics.js';
import type { RunningHttpServer } from '../ops/http-server.js';
import { startObservability } from './observability.js';
import { startTracing } from '../platform/observability/tracing.js';

export interface RunningAdapter {
  deps: AdapterDeps;
  db: Knex;
  consumer: InboundConsumer;
  relay: OutboxRelay;
  timers: TimerWorker;
  metrics: PipelineMetrics;
  /** The operator endpoints (/health, /ready, /metrics), when config.http.enabled. */
  http: RunningHttpServer | null;
  /** Schema of the timer queue. */
  timersSchema: string;
  calendars: CalendarStore;
  /** Reads the calendar directory again; a new valid version revises the open applications. */
  reloadCalendar(): boolean;
  /** Resolves once no open application rests on another calendar version than the one in use. */
  revisionsSettled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Applies pending migrations with the owner role (the runtime role has no DDL). */
export async function migrate(config: AppConfig): Promise<string[]> {
  const owner = connect({ url: config.database.url, schema: config.database.schema });
  try {
    return await migrateToLatest(owner, {
      schema: config.database.schema,
      runtimeRole: config.database.runtimeRole,
      runtimePassword: config.database.runtimePassword,
      timersSchema: timersSchemaOf(config),
    });
  } finally {
    await owner.destroy();
  }
}

/**
 * The adapter: consumers of the inbound topics, the outbox relay and the timer worker (identity
 * answers overdue, SLA checks, calendar revisions, retention), all on the runtime database role.
 * `overrides` lets tests pin ids.
 */
export async function startAdapter(
  config: AppConfig,
  log: Logger,
  overrides: Partial<AdapterDeps> = {},
): Promise<RunningAdapter> {
  // Before the first client: propagation always, the SDK when configured (a no-op if the CLI did it).
  const tracing = startTracing(config);
  if (tracing.recording)
    log.info({ endpoint: config.tracing.endpoint || '(OTLP default)' }, 'traces recorded and exported by OTLP');
  const applied = await migrate(config);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const calendars = new CalendarStore(config.calendar.dir || SHIPPED_CALENDAR_DIR, log);
  const clock = createClock(config.clock);
  const timersSchema = timersSchemaOf(config);
  const deps: AdapterDeps = Object.assign(
    defaultDeps(config, calendars, log, queueTimerSink(timersSchema, clock), clock),
    overrides,
  );
  log.info({ calendarVersion: calendars.current().version.id, dir: calendars.dir }, 'calendar loaded');
  logCalendarOutlook(calendars.current(), almatyDate(deps.now().toISOString()), config.calendar.outlookDays, log);
  const dbUrl = runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword);
  const db = connect({ url: dbUrl, schema: config.database.schema, poolMax: config.database.poolMax });
  const { kafka, codec } = await connectMessaging(config, log);
  const metrics = createMetrics();

  const consumer = new InboundConsumer({
    kafka,
    codec,
    db,
    log,
    groupId: config.kafka.groupId,
    deadLetterMaxInlineBytes: config.kafka.dlqMaxInlineBytes,
    sessionTimeoutMs: config.kafka.sessionTimeoutMs,
    timers: deps.timers,
    metrics,
    routes: [
      { base: Topics.portalApplications, handle: portalApplicationHandler(deps) },
      { base: Topics.corporationApplications, handle: corporationApplicationHandler(deps) },
      { base: Topics.identityResponses, handle: identityResponseHandler(deps) },
      { base: Topics.collegeDecisions, handle: collegeDecisionHandler(deps) },
      { base: Topics.courierEvents, handle: courierEventHandler(deps) },
    ],
  });
  const relay = new OutboxRelay({
    db,
    databaseUrl: dbUrl,
    kafka,
    codec,
    log,
    transactionalId: `${config.kafka.groupId}-outbox-relay`,
    lockName: `${config.database.schema}.outbox-relay`,
    wakeChannel: outboxChannel(config.database.schema),
    cursorGroup: `${config.kafka.groupId}-outbox-cursor`,
    cursorTopic: internalTopicName(OUTBOX_CURSOR_TOPIC, config.kafka.topicPrefix),
    maxMessageBytes: config.kafka.maxMessageBytes,
    metrics,
  });
  const timers = await startTimerWorker({
    connectionString: dbUrl,
    schema: timersSchema,
    concurrency: config.timers.concurrency,
    pollIntervalMs: config.timers.pollIntervalMs,
    tasks: { ...timerTasks(db, deps), ...retentionTasks({ db, periods: config.retention, log }) },
    crontab: RETENTION_CRONTAB,
    registry: { db, schema: config.database.schema },
    log,
  });
  const reviseOn = (version: string) =>
    requestCalendarRevision(db, timersSchema, clock, version).catch((err: unknown) =>
      log.error(
        { err, version },
        'the deadline revision could not be queued; it is asked again at the next reload or start',
      ),
    );
  calendars.onChange((next) => {
    logCalendarOutlook(next, almatyDate(deps.now().toISOString()), config.calendar.outlookDays, log);
    void reviseOn(next.version.id);
  });
  relay.start();
  try {
    await consumer.start();
  } catch (err) {
    await Promise.allSettled([timers.stop(), relay.stop()]);
    await db.destroy();
    throw err;
  }
  // Deadlines computed on another version (a file changed while the adapter was down) follow now.
  await reviseOn(calendars.current().version.id);
  await pruneRetention({ db, periods: config.retention, log }).catch((err: unknown) =>
    log.warn({ err }, 'retention at start failed; the daily job runs it again'),
  );
  if (config.calendar.watch) calendars.watch();
  const observability = await startObservability({
    config,
    log,
    db,
    kafka,
    codec,
    now: () => deps.now(),
    calendar: () => calendars.current(),
    timersSchema,
    metrics,
    readiness: [
      { name: 'consumer', check: () => consumer.isHealthy() },
      { name: 'relay', check: () => relay.isHealthy() },
    ],
  }).catch(async (err: unknown) => {
    calendars.close();
    await Promise.allSettled([consumer.stop(), timers.stop(), relay.stop()]);
    await db.destroy();
    throw err;
  });
  log.info({ groupId: config.kafka.groupId, prefix: config.kafka.topicPrefix || '(none)' }, 'adapter started');

  return {
    deps,
    db,
    consumer,
    relay,
    timers,
    metrics,
    http: observability.http,
    timersSchema,
    calendars,
    reloadCalendar: () => calendars.reload(),
    async revisionsSettled(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while ((await countApplicationsToRevise(db, calendars.current().version.id)) > 0) {
        if (Date.now() > until)
          throw new Error(`open applications still not on calendar ${calendars.current().version.id}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      calendars.close();
      // In this order, each step whatever the one before did: nothing is left open.
      const steps: Array<[string, () => Promise<void>]> = [
        ['operator endpoints', () => observability.stop()],
        ['consumer', () => consumer.stop()],
        ['timers', () => timers.stop()],
        ['relay', () => relay.stop()],
        ['traces', () => tracing.forceFlush()],
        ['database pool', () => db.destroy()],
      ];
      for (const [part, stop] of steps) {
        await stop().catch((err: unknown) => log.warn({ err, part }, 'a part did not stop cleanly'));
      }
      log.info('adapter stopped');
    },
  };
}
