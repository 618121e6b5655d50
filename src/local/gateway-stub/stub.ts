/**
 * The e-government gateway stub as a Kafka participant (tests, demo): consumes identity requests
 * (R5, item 49), answers each after `latencyMs` on its replyTopic, from the generated population.
 * A test double: no DLQ, no database. A request that cannot be decoded, or names a reply topic
 * other than this prefix's identity responses topic, is logged and skipped. Offsets are committed
 * after the answer is produced, so a stub restart answers what it had not answered yet. The answer
 * carries the request's `traceparent` and `tracestate` headers on (the trace does not stop here).
 * Logs carry request and application ids only, never an IIN or a name.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Partitioners, type KafkaMessage } from 'kafkajs';
import type { AppConfig } from '../../platform/config/schema.js';
import { millisToInstant } from '../../contract/logical-types.js';
import { messageKey } from '../../contract/message-key.js';
import type { IdentityRequest, IdentityResponse } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import type { Logger } from '../../platform/logging/logger.js';
import { connectMessaging } from '../../platform/messaging/bootstrap.js';
import { copyTraceHeaders } from '../../platform/observability/trace-context.js';
import { createClock } from '../../platform/clock/clock.js';
import { decideAnswer, type AnswerSettings } from './answer.js';
import { parseOutages } from './outages.js';
import { populationIndex } from './population.js';
import { copyStats, emptyStats, type GatewayStubStats } from './stats.js';

interface Answered {
  ids: Record<string, unknown>;
  response: IdentityResponse;
  record: { key: string; value: Buffer; headers: Record<string, string> };
}

export interface GatewayStub {
  stop(): Promise<void>;
  stats(): GatewayStubStats;
  /** Full names of the topics it consumes and answers on. */
  readonly requestsTopic: string;
  readonly responsesTopic: string;
}

export async function startGatewayStub(config: AppConfig, log: Logger): Promise<GatewayStub> {
  const cfg = config.gatewayStub;
  const settings: AnswerSettings = {
    serviceId: config.identity.serviceId,
    errorRate: cfg.errorRate,
    notFoundRate: cfg.notFoundRate,
    outages: parseOutages(cfg.outages),
  };
  const population = populationIndex(cfg.populationSeed, cfg.populationSize);
  const clock = createClock(config.clock);
  const { kafka, codec } = await connectMessaging(config, log, '-gateway-stub');
  const requestsTopic = codec.topic(Topics.identityRequests);
  const responsesTopic = codec.topic(Topics.identityResponses);
  const stats = emptyStats();
  // Not idempotent: a re-answer after a crash is harmless (same requestId, same status, new
  // messageId; the adapter deduplicates), and the shared client's limited retries conflict with it.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${config.kafka.groupId}-gateway-stub` });
  let startedAt = 0;

  /** The answer to one request (null: none is sent), after the configured latency. */
  async function answerTo(partition: number, message: KafkaMessage): Promise<Answered | null> {
    const at = { topic: requestsTopic, partition, offset: message.offset };
    stats.received += 1;
    let request: IdentityRequest;
    try {
      if (!message.value) throw new Error('the message has no value (tombstone)');
      request = await codec.decode<IdentityRequest>(message.value);
    } catch (err) {
      stats.undecodable += 1;
      log.warn({ ...at, err }, 'gateway stub: identity request cannot be decoded; skipped');
      return null;
    }
    const ids = { ...at, requestId: request.requestId, applicationId: request.applicationId };
    if (request.replyTopic !== responsesTopic) {
      stats.wrongReplyTopic += 1;
      log.warn(
        { ...ids, replyTopic: request.replyTopic, expected: responsesTopic },
        'gateway stub: reply topic is not the identity responses topic; request dropped',
      );
      return null;
    }
    const receivedAt = Date.now();
    if (cfg.latencyMs > 0) await sleep(cfg.latencyMs);
    // The answer's instants come from the system's clock (shifted in tests and simulations), its outage windows
    // from real time.
    const answer = decideAnswer({
      request,
      population,
      settings,
      elapsedMs: receivedAt - startedAt,
      now: millisToInstant(clock.now().getTime()),
      messageId: randomUUID(),
    });
    if (answer.kind === 'SILENT') {
      stats.silent += 1;
      log.info(ids, 'gateway stub: outage window, request left unanswered');
      return null;
    }
    const r = answer.response;
    return {
      ids,
      response: r,
      record: {
        key: messageKey(Topics.identityResponses, r),
        value: await codec.encode(responsesTopic, r),
        // The answer continues the request's trace, as a partner taking part in it would.
        headers: copyTraceHeaders(message.headers),
      },
    };
  }

  /** The requests of a batch are answered side by side (each after its latency), then sent in one request. */
  async function answerBatch(partition: number, messages: KafkaMessage[]): Promise<void> {
    const answers = (await Promise.all(messages.map((m) => answerTo(partition, m)))).filter(
      (a): a is Answered => a !== null,
    );
    if (answers.length === 0) return;
    await producer.send({ topic: responsesTopic, messages: answers.map((a) => a.record) });
    for (const { ids, response: r } of answers) {
      stats.answered[r.status] += 1;
      log.debug({ ...ids, status: r.status, errorCode: r.errorCode }, 'gateway stub: answered');
    }
  }

  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: requestsTopic, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: config.kafka.partitions,
    eachBatch: async ({ batch }) => answerBatch(batch.partition, batch.messages),
  });
  startedAt = Date.now();

  let stopping: Promise<void> | undefined;
  return {
    requestsTopic,
    responsesTopic,
    stats: () => copyStats(stats),
    stop: () => {
      stopping ??= (async () => {
        await consumer.disconnect();
        await producer.disconnect();
      })();
      return stopping;
    },
  };
}
