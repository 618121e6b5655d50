/**
 * The adapter's metrics and operator endpoints: the pipeline's counters (passed to the consumer
 * and the relay) and the gauges read when scraped (consumer lag, outbox backlog, open
 * applications per phase, SLA signals, identity checks in flight, pending timers), served with
 * /health, /ready and the read-only operator console (/console) on config.http.
 */
import type { Knex } from 'knex';
import type { Kafka } from 'kafkajs';
import { INBOUND_TOPICS, dlqTopic, topicName } from '../contract/topics.js';
import type { ClassifiedCalendar } from '../core/calendar/index.js';
import type { AppConfig } from '../platform/config/schema.js';
import type { Logger } from '../platform/logging/logger.js';
import type { MessageCodec } from '../platform/messaging/codec.js';
import { readConsumerLag } from '../platform/observability/consumer-lag.js';
import { scrapedGauge, type PipelineMetrics } from '../platform/observability/metrics.js';
import { countOpenApplicationsByPhase, countSlaAndIdentity, selectOutboxBacklog } from '../pipeline/status-queries.js';
import { countPendingTimers } from '../timers/timer-queue.js';
import { readDeadLetters } from '../ops/dead-letters/read-dead-letters.js';
import { startHttpServer, type ReadinessCheck, type RunningHttpServer } from '../ops/http-server.js';

export interface ObservedParts {
  config: AppConfig;
  log: Logger;
  db: Knex;
  kafka: Kafka;
  codec: MessageCodec;
  /** The adapter's clock (the console's "now"). */
  now: () => Date;
  /** The calendar in use (the console's calendar page). */
  calendar: () => ClassifiedCalendar;
  timersSchema: string;
  metrics: PipelineMetrics;
  readiness: ReadinessCheck[];
}

export interface Observability {
  http: RunningHttpServer | null;
  stop(): Promise<void>;
}

function scrapedGauges(p: ObservedParts, lagOf: () => ReturnType<typeof readConsumerLag>): void {
  const { metrics, db } = p;
  const failed = (what: string) => (err: unknown) => p.log.warn({ err, what }, 'a metric could not be read');
  scrapedGauge(
    metrics,
    'tvet_consumer_lag',
    'Messages behind per inbound topic and partition',
    ['topic', 'partition'],
    async () => (await lagOf()).map((l) => ({ labels: { topic: l.topic, partition: l.partition }, value: l.lag })),
    failed('consumer lag'),
  );
  scrapedGauge(
    metrics,
    'tvet_outbox_backlog',
    'Outbox rows not yet published',
    [],
    async () => [{ labels: {}, value: (await selectOutboxBacklog(db)).rows }],
    failed('outbox backlog'),
  );
  scrapedGauge(
    metrics,
    'tvet_outbox_oldest_age_seconds',
    'Age of the oldest unpublished outbox row',
    [],
    async () => [{ labels: {}, value: (await selectOutboxBacklog(db)).oldestSeconds }],
    failed('outbox age'),
  );
  scrapedGauge(
    metrics,
    'tvet_open_applications',
    'Open applications per phase and channel',
    ['phase', 'channel'],
    async () =>
      (await countOpenApplicationsByPhase(db)).map((r) => ({
        labels: { phase: r.phase, channel: r.channel },
        value: r.count,
      })),
    failed('open applications'),
  );
  scrapedGauge(
    metrics,
    'tvet_sla_applications',
    'Open applications whose term was reported at risk or breached',
    ['status'],
    async () => {
      const c = await countSlaAndIdentity(db);
      return [
        { labels: { status: 'at_risk' }, value: c.atRisk },
        { labels: { status: 'breached' }, value: c.breached },
      ];
    },
    failed('sla'),
  );
  scrapedGauge(
    metrics,
    'tvet_identity_checks_in_flight',
    'Open applications waiting for the gateway',
    [],
    async () => [{ labels: {}, value: (await countSlaAndIdentity(db)).identityInFlight }],
    failed('identity in flight'),
  );
  scrapedGauge(
    metrics,
    'tvet_pending_timers',
    'Durable timers not yet done',
    [],
    async () => [{ labels: {}, value: await countPendingTimers(db, p.timersSchema) }],
    failed('pending timers'),
  );
}

export async function startObservability(p: ObservedParts): Promise<Observability> {
  if (!p.config.http.enabled) return { http: null, stop: async () => undefined };
  const admin = p.kafka.admin();
  await admin.connect();
  const topics = INBOUND_TOPICS.map((t) => topicName(t, p.config.kafka.topicPrefix));
  scrapedGauges(p, () => readConsumerLag(admin, p.config.kafka.groupId, topics));
  const database: ReadinessCheck = {
    name: 'database',
    check: async () => (await p.db.raw('SELECT 1')).rows.length === 1,
  };
  try {
    const http = await startHttpServer({
      host: p.config.http.host,
      port: p.config.http.port,
      registry: p.metrics.registry,
      readiness: [...p.readiness, database],
      console: {
        db: p.db,
        now: p.now,
        calendar: p.calendar,
        deadLetters: (inbound) =>
          readDeadLetters(p.kafka, p.codec, dlqTopic(topicName(inbound, p.config.kafka.topicPrefix)), 15_000),
      },
    });
    p.log.info({ address: http.address }, 'operator endpoints: /health /ready /metrics /console');
    return {
      http,
      async stop() {
        await http.close();
        await admin.disconnect().catch(() => undefined);
      },
    };
  } catch (err) {
    await admin.disconnect().catch(() => undefined);
    throw err;
  }
}
