import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { millisToInstant } from '../../../../src/contract/logical-types.js';
import type { CourierEventMessage, CourierOrderMessage } from '../../../../src/contract/messages.js';
import { Topics } from '../../../../src/contract/topics.js';
import { courierEventMessageId, drawCourier, type CourierPath } from '../../../../src/local/courier-simulator/plan.js';
import { startCourierSimulator, type CourierSimulator } from '../../../../src/local/courier-simulator/simulator.js';
import { createClock } from '../../../../src/platform/clock/clock.js';
import type { AppConfig } from '../../../../src/platform/config/schema.js';
import { createLogger } from '../../../../src/platform/logging/logger.js';
import { isolatedConfig } from '../../../support/isolation.js';
import { samples } from '../../../support/samples.js';
import { pause, simulatorTestClient, type Received, type SimulatorTestClient } from './client.js';

type Client = SimulatorTestClient<typeof Topics.courierOrders, typeof Topics.courierEvents>;

const START = '2026-02-09T09:00:00+05:00';
const SPEED = 20_000;
const WAIT_MS = 30_000;
const MINUTE = 60_000;
const [registerSample, resultSample] = samples[Topics.courierOrders] as [CourierOrderMessage, CourierOrderMessage];

const base = isolatedConfig('couriersim', {
  COURIER_SIMULATOR_PICKUP_DELAY_MINUTES: '15',
  COURIER_SIMULATOR_TRANSIT_MINUTES: '90',
  COURIER_SIMULATOR_LOST_RATE: '0.3',
  COURIER_SIMULATOR_DELAYED_RATE: '0.3',
  COURIER_SIMULATOR_DELAY_MINUTES: '600',
});
const log = createLogger({ level: base.log.level, name: 'couriersim' });
let config: AppConfig;
let client: Client;
let sim: CourierSimulator;

beforeAll(async () => {
  client = await simulatorTestClient(base, log, Topics.courierOrders, Topics.courierEvents);
  config = { ...base, clock: { startAt: START, anchorAt: new Date().toISOString(), speed: SPEED } };
  sim = await startCourierSimulator(config, log);
});
afterAll(async () => {
  await sim?.stop();
  await client?.stop();
});

/** An order message id whose draw takes `path` under the configuration's seed and shares. */
function orderIdFor(path: CourierPath): string {
  for (;;) {
    const id = randomUUID();
    if (drawCourier(config.courierSimulator.seed, id, config.courierSimulator).path === path) return id;
  }
}

/** Now on the clock, and the pick-up slot: from now for an hour. */
function times() {
  const now = createClock(config.clock).now().getTime();
  return {
    occurredAt: millisToInstant(now),
    slot: { from: millisToInstant(now), to: millisToInstant(now + 60 * MINUTE) },
  };
}

function registerOrder(path: CourierPath): CourierOrderMessage {
  const registerId = `REG-IT-${randomUUID().slice(0, 8)}`;
  const t = times();
  return {
    ...registerSample,
    messageId: orderIdFor(path),
    correlationId: registerId,
    occurredAt: t.occurredAt,
    registerDispatch: { ...registerSample.registerDispatch!, registerId, slot: t.slot },
  } as CourierOrderMessage;
}

function resultOrder(path: CourierPath): CourierOrderMessage {
  const applicationId = `GOV4C-IT-${randomUUID().slice(0, 8)}`;
  const t = times();
  return {
    ...resultSample,
    messageId: orderIdFor(path),
    correlationId: applicationId,
    occurredAt: t.occurredAt,
    resultDispatch: { ...resultSample.resultDispatch!, applicationId, slot: t.slot },
  } as CourierOrderMessage;
}

const about = (order: CourierOrderMessage) => client.all().filter((r) => r.value.orderMessageId === order.messageId);
const kinds = (rs: Received<CourierEventMessage>[]) => rs.map((r) => r.value.kind);
const ref = (m: CourierEventMessage) => (m.kind === 'PICKED_UP' ? m.pickedUp : m.delivered);
const at = (m: CourierEventMessage) => Date.parse(ref(m).at);

describe('courier simulator, in process', () => {
  it('answers a register dispatch with PICKED_UP then DELIVERED for the register, answering the order', async () => {
    const order = registerOrder('DELIVERED');
    const registerId = order.kind === 'REGISTER_DISPATCH' ? order.registerDispatch.registerId : '';
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await client.send(order, { traceparent, tracestate: 'adapter=1' });
    await client.until(() => about(order).length >= 2, WAIT_MS, 'PICKED_UP and DELIVERED of the register');
    const got = about(order);
    expect(kinds(got)).toEqual(['PICKED_UP', 'DELIVERED']);
    for (const r of got) {
      expect(r.key).toBe(registerId);
      expect(ref(r.value)).toMatchObject({ registerId, applicationId: null });
      expect(r.value).toMatchObject({ orderMessageId: order.messageId, correlationId: order.correlationId });
      expect(r.value.messageId).toBe(courierEventMessageId(order.messageId, r.value.kind));
      // Both events continue the order's trace.
      expect(r.headers).toMatchObject({ traceparent, tracestate: 'adapter=1' });
      expect(r.timestamp).toBeGreaterThanOrEqual(
        createClock(config.clock)
          .toReal(new Date(at(r.value)))
          .getTime() - 50,
      );
    }
    expect(got[0]!.value.kind === 'PICKED_UP' && got[0]!.value.pickedUp.trackingNumber).toMatch(/^KZP-\d{9}$/);
    expect(at(got[1]!.value) - at(got[0]!.value)).toBeGreaterThanOrEqual(90 * MINUTE);
  });

  it('answers a result dispatch with the events of the application', async () => {
    const order = resultOrder('DELIVERED');
    const applicationId = order.kind === 'RESULT_DISPATCH' ? order.resultDispatch.applicationId : '';
    await client.send(order);
    await client.until(() => about(order).length >= 2, WAIT_MS, 'PICKED_UP and DELIVERED of the result');
    const got = about(order);
    expect(kinds(got)).toEqual(['PICKED_UP', 'DELIVERED']);
    for (const r of got) {
      expect(r.key).toBe(applicationId);
      // An order without a trace context: none invented.
      expect(r.headers).not.toHaveProperty('traceparent');
      expect(ref(r.value)).toMatchObject({ registerId: null, applicationId });
    }
    expect(got[1]!.value.kind === 'DELIVERED' && got[1]!.value.delivered.receivedBy).toBeTruthy();
  });

  it('never delivers a lost order, and delivers a delayed one its delay late', async () => {
    const lost = resultOrder('LOST');
    const delayed = registerOrder('DELAYED');
    await client.send(lost);
    await client.send(delayed);
    await client.until(() => about(delayed).length >= 2, WAIT_MS, 'the delayed delivery');
    const [picked, delivered] = about(delayed).map((r) => r.value);
    expect(at(delivered!) - at(picked!)).toBeGreaterThanOrEqual((90 + 600) * MINUTE);
    // The delayed delivery came 10 clock hours after its pick-up: a lost one would long have been delivered.
    await pause(1000);
    expect(kinds(about(lost))).toEqual(['PICKED_UP']);
    expect(sim.stats().paths).toMatchObject({ LOST: 1, DELAYED: 1 });
  });

  it('does not answer a redelivered order again', async () => {
    const order = registerOrder('DELIVERED');
    await client.send(order);
    await client.until(() => about(order).length >= 2, WAIT_MS, 'the events of the order');
    const before = sim.stats().redelivered;
    await client.send(order);
    await client.until(() => sim.stats().redelivered === before + 1, WAIT_MS, 'the redelivery');
    await pause(1000);
    expect(kinds(about(order))).toEqual(['PICKED_UP', 'DELIVERED']);
  });
});
