import type { Producer } from 'kafkajs';
import { startAdapter, type RunningAdapter } from '../../src/adapter/adapter.js';
import type { AppConfig } from '../../src/platform/config/schema.js';
import { INBOUND_TOPICS, OUTBOUND_TOPICS, dlqTopic, type TopicName } from '../../src/contract/topics.js';
import { startGatewayStub, type GatewayStub } from '../../src/local/gateway-stub/stub.js';
import { createLogger, type Logger } from '../../src/platform/logging/logger.js';
import { connectMessaging, type Messaging } from '../../src/platform/messaging/bootstrap.js';
import { isolatedConfig } from './isolation.js';
import { decodeState, type ApplicationState } from '../../src/core/application/index.js';
import { selectEvents } from '../../src/pipeline/saga/event-log-queries.js';
import { TopicReader } from './topic-reader.js';

/** Fast identity settings so retries and failures happen within a test. */
export const FAST_IDENTITY = {
  IDENTITY_RESPONSE_TIMEOUT_MS: '1500',
  IDENTITY_MAX_ATTEMPTS: '3',
  IDENTITY_MIN_BACKOFF_MS: '200',
  IDENTITY_MAX_BACKOFF_MS: '1000',
  GATEWAY_STUB_LATENCY_MS: '20',
};

export interface Harness {
  config: AppConfig;
  log: Logger;
  messaging: Messaging;
  producer: Producer;
  reader: TopicReader;
  adapter: RunningAdapter | null;
  stub: GatewayStub | null;
  topic(base: TopicName): string;
  send(base: TopicName, key: string, value: unknown): Promise<void>;
  sendRaw(base: TopicName, key: string, value: Buffer): Promise<void>;
  startAdapter(): Promise<RunningAdapter>;
  /** The stored saga state of an application (the running adapter's database). */
  stateOf(applicationId: string): Promise<ApplicationState | null>;
  /** The types of an application's events, from its event log. */
  eventTypesOf(applicationId: string): Promise<string[]>;
  startStub(): Promise<GatewayStub>;
  stop(): Promise<void>;
}

/** Real broker, registry and PostgreSQL, isolated per test file; the adapter and the stub in-process. */
export async function harness(label: string, env: Record<string, string> = {}): Promise<Harness> {
  const config = isolatedConfig(label, { ...FAST_IDENTITY, ...env });
  const log = createLogger({ level: config.log.level, name: label });
  const messaging = await connectMessaging(config, log, '-test');
  const producer = messaging.kafka.producer();
  await producer.connect();
  const topics = [
    ...OUTBOUND_TOPICS.map((t) => messaging.codec.topic(t)),
    ...INBOUND_TOPICS.map((t) => dlqTopic(messaging.codec.topic(t))),
  ];
  const reader = await new TopicReader(messaging.kafka, messaging.codec, topics).start();
  const h: Harness = {
    config,
    log,
    messaging,
    producer,
    reader,
    adapter: null,
    stub: null,
    topic: (base) => messaging.codec.topic(base),
    async send(base, key, value) {
      const topic = messaging.codec.topic(base);
      await producer.send({ topic, messages: [{ key, value: await messaging.codec.encode(topic, value) }] });
    },
    async sendRaw(base, key, value) {
      await producer.send({ topic: messaging.codec.topic(base), messages: [{ key, value }] });
    },
    async startAdapter() {
      h.adapter = await startAdapter(config, log);
      return h.adapter;
    },
    async stateOf(applicationId) {
      const row = await h.adapter!.db('applications').where({ application_id: applicationId }).first('state');
      return row ? decodeState(row.state) : null;
    },
    async eventTypesOf(applicationId) {
      return (await selectEvents(h.adapter!.db, applicationId)).map((e) => e.event.type);
    },
    async startStub() {
      h.stub = await startGatewayStub(config, log);
      return h.stub;
    },
    async stop() {
      await h.adapter?.stop();
      await h.stub?.stop();
      await reader.stop();
      await producer.disconnect();
    },
  };
  return h;
}
