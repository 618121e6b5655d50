/**
 * A test-side participant: produces identity requests and collects the responses, through the real broker and
 * registry.
 */
import { randomUUID } from 'node:crypto';
import { Partitioners, type Consumer, type Producer } from 'kafkajs';
import type { AppConfig } from '../../../../src/platform/config/schema.js';
import type { IdentityRequest, IdentityResponse } from '../../../../src/contract/messages.js';
import { Topics } from '../../../../src/contract/topics.js';
import type { Logger } from '../../../../src/platform/logging/logger.js';
import { connectMessaging, type Messaging } from '../../../../src/platform/messaging/bootstrap.js';
import { clockNow } from '../../../support/clock.js';

export interface Received {
  key: string | null;
  value: IdentityResponse;
  /** The record's headers, as text. */
  headers: Record<string, string>;
}

export interface GatewayTestClient {
  messaging: Messaging;
  requestsTopic: string;
  responsesTopic: string;
  request(over: Partial<IdentityRequest> & { iin: string }): IdentityRequest;
  send(req: IdentityRequest, headers?: Record<string, string>): Promise<void>;
  sendRaw(value: Buffer): Promise<void>;
  /** The response to `requestId`, or null when none arrives within `timeoutMs`. */
  waitFor(requestId: string, timeoutMs: number): Promise<Received | null>;
  all(): Received[];
  stop(): Promise<void>;
}

export async function gatewayTestClient(config: AppConfig, log: Logger): Promise<GatewayTestClient> {
  const messaging = await connectMessaging(config, log, '-test-client');
  const { kafka, codec } = messaging;
  const requestsTopic = codec.topic(Topics.identityRequests);
  const responsesTopic = codec.topic(Topics.identityResponses);
  const received: Received[] = [];
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer: Consumer = kafka.consumer({
    groupId: `${config.kafka.groupId}-test-reader-${randomUUID().slice(0, 8)}`,
  });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: responsesTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({
        key: message.key?.toString() ?? null,
        value: await codec.decode<IdentityResponse>(message.value!),
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      });
    },
  });

  const find = (requestId: string) => received.find((r) => r.value.requestId === requestId) ?? null;
  return {
    messaging,
    requestsTopic,
    responsesTopic,
    request: (over) => {
      const now = clockNow(config);
      const applicationId = over.applicationId ?? `APP-${randomUUID()}`;
      return {
        messageId: randomUUID(),
        correlationId: applicationId,
        occurredAt: now,
        serviceId: config.identity.serviceId,
        messageDate: now,
        requestId: `IDR-${randomUUID()}`,
        senderId: config.identity.senderId,
        applicationId,
        replyTopic: responsesTopic,
        ...over,
      };
    },
    send: async (req, headers = {}) => {
      await producer.send({
        topic: requestsTopic,
        messages: [{ key: req.applicationId, value: await codec.encode(requestsTopic, req), headers }],
      });
    },
    sendRaw: async (value) => {
      await producer.send({ topic: requestsTopic, messages: [{ key: 'garbage', value }] });
    },
    waitFor: async (requestId, timeoutMs) => {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const hit = find(requestId);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 100));
      }
      return find(requestId);
    },
    all: () => [...received],
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/** Polls `check` until it is true or `timeoutMs` passes; returns its last value. */
export async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}
