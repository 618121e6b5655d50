import type { Knex } from 'knex';
import { almatyDate } from '../core/calendar/index.js';
import type { AppConfig } from '../platform/config/schema.js';
import { Topics } from '../contract/topics.js';
import { connect, runtimeUrl } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { identityResponseHandler } from '../partners/gateway/handle-response.js';
import { IdentityRetryScheduler } from '../timers/identity-retry.js';
import { SlaMonitor } from '../timers/sla-monitor.js';
import { InboundConsumer } from '../pipeline/inbound/batch-consumer.js';
import { corporationApplicationHandler, portalApplicationHandler } from '../partners/intake-handlers.js';
import type { Logger } from '../platform/logging/logger.js';
import { connectMessaging } from '../platform/messaging/bootstrap.js';
import { OUTBOX_CURSOR_TOPIC, internalTopicName } from '../platform/messaging/topics.js';
import { OutboxRelay } from '../pipeline/outbox/relay.js';
import { CalendarStore, SHIPPED_CALENDAR_DIR } from '../platform/calendar/calendar-store.js';
import { logCalendarOutlook } from '../platform/calendar/outlook-log.js';
import { CalendarRevisions } from '../timers/calendar-revision.js';
import { defaultDeps, type AdapterDeps } from '../pipeline/deps.js';

export interface RunningAdapter {
  deps: AdapterDeps;
  db: Knex;
  consumer: InboundConsumer;
  relay: OutboxRelay;
  scheduler: IdentityRetryScheduler;
  sla: SlaMonitor;
  calendars: CalendarStore;
  revisions: CalendarRevisions;
  /** Reads the calendar directory again; a new valid version revises the open applications. */
  reloadCalendar(): boolean;
  stop(): Promise<void>;
}

/** Applies pending migrations with the owner role (the runtime role has no DDL). */
export async function migrate(config: AppConfig): Promise<string[]> {
  const owner = connect({ url: config.database.url, schema: config.database.schema });
  try {
    return await migrateToLatest(owner, { schema: config.database.schema, runtimeRole: config.database.runtimeRole, runtimePassword: config.database.runtimePassword });
  } finally {
    await owner.destroy();
  }
}

/**
 * The adapter: consumers of the inbound topics, the outbox relay, the identity retry
 * scheduler and the SLA timer, all on the runtime database role. `overrides` lets tests pin the clock or ids.
 */
export async function startAdapter(config: AppConfig, log: Logger, overrides: Partial<AdapterDeps> = {}): Promise<RunningAdapter> {
  const applied = await migrate(config);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const calendars = new CalendarStore(config.calendar.dir || SHIPPED_CALENDAR_DIR, log);
  const deps: AdapterDeps = Object.assign(defaultDeps(config, calendars, log), overrides);
  log.info({ calendarVersion: calendars.current().version.id, dir: calendars.dir }, 'calendar loaded');
  logCalendarOutlook(calendars.current(), almatyDate(deps.now().toISOString()), config.calendar.outlookDays, log);
  const dbUrl = runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword);
  const db = connect({ url: dbUrl, schema: config.database.schema, poolMax: config.database.poolMax });
  const { kafka, codec } = await connectMessaging(config, log);

  const consumer = new InboundConsumer({
    kafka,
    codec,
    db,
    log,
    groupId: config.kafka.groupId,
    routes: [
      { base: Topics.portalApplications, handle: portalApplicationHandler(deps) },
      { base: Topics.corporationApplications, handle: corporationApplicationHandler(deps) },
      { base: Topics.identityResponses, handle: identityResponseHandler(deps) },
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
    cursorGroup: `${config.kafka.groupId}-outbox-cursor`,
    cursorTopic: internalTopicName(OUTBOX_CURSOR_TOPIC, config.kafka.topicPrefix),
  });
  const revisions = new CalendarRevisions(db, deps);
  calendars.onChange((next) => {
    logCalendarOutlook(next, almatyDate(deps.now().toISOString()), config.calendar.outlookDays, log);
    void revisions.request();
  });
  const scheduler = new IdentityRetryScheduler(db, deps);
  const sla = new SlaMonitor(db, deps);
  relay.start();
  scheduler.start();
  sla.start();
  try {
    await consumer.start();
  } catch (err) {
    await Promise.allSettled([sla.stop(), scheduler.stop(), relay.stop()]);
    await db.destroy();
    throw err;
  }
  // Deadlines computed on another version (a file changed while the adapter was down) follow now.
  void revisions.request();
  if (config.calendar.watch) calendars.watch();
  log.info({ groupId: config.kafka.groupId, prefix: config.kafka.topicPrefix || '(none)' }, 'adapter started');

  return {
    deps,
    db,
    consumer,
    relay,
    scheduler,
    sla,
    calendars,
    revisions,
    reloadCalendar: () => calendars.reload(),
    async stop() {
      calendars.close();
      await revisions.stop();
      await consumer.stop();
      await sla.stop();
      await scheduler.stop();
      await relay.stop();
      await db.destroy();
      log.info('adapter stopped');
    },
  };
}
