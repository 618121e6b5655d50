import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIin } from '../../../../src/core/identity-numbers/index.js';
import { createLogger } from '../../../../src/platform/logging/logger.js';
import { personAt } from '../../../../src/local/gateway-stub/population.js';
import { startGatewayStub, type GatewayStub } from '../../../../src/local/gateway-stub/stub.js';
import { isolatedConfig } from '../../../support/isolation.js';
import { eventually, gatewayTestClient, type GatewayTestClient } from './client.js';

const ANSWER_WAIT_MS = 20_000;

/** A stub and a test client on their own topic prefix, with the given GATEWAY_STUB_* settings. */
function setup(label: string, env: Record<string, string>) {
  const config = isolatedConfig(label, { GATEWAY_STUB_LATENCY_MS: '20', GATEWAY_STUB_POPULATION_SIZE: '300', ...env });
  const log = createLogger({ level: config.log.level, name: label });
  const ctx = { config, stub: undefined as unknown as GatewayStub, client: undefined as unknown as GatewayTestClient };
  beforeAll(async () => {
    ctx.client = await gatewayTestClient(config, log);
    ctx.stub = await startGatewayStub(config, log);
  });
  afterAll(async () => {
    await ctx.stub?.stop();
    await ctx.client?.stop();
  });
  return ctx;
}

describe('gateway stub, in process, no errors configured', () => {
  const ctx = setup('gwstub', {});

  it('answers FOUND with the person of the population, keyed by application id, echoing the chain', async () => {
    const { config, client } = ctx;
    const person = personAt(config.gatewayStub.populationSeed, 17);
    const req = client.request({ iin: person.iin });
    await client.send(req);
    const got = await client.waitFor(req.requestId, ANSWER_WAIT_MS);
    expect(got).not.toBeNull();
    expect(got!.key).toBe(req.applicationId);
    expect(got!.value).toMatchObject({
      status: 'FOUND',
      deliveryStatus: 'DELIVERED',
      requestId: req.requestId,
      correlationId: req.correlationId,
      applicationId: req.applicationId,
      serviceId: req.serviceId,
      person,
      errorCode: null,
    });
    expect(got!.value.messageId).not.toBe(req.messageId);
  });

  it("continues the request's trace: its traceparent and tracestate on the answer, none invented", async () => {
    const { config, client } = ctx;
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const traced = client.request({ iin: personAt(config.gatewayStub.populationSeed, 18).iin });
    const plain = client.request({ iin: personAt(config.gatewayStub.populationSeed, 19).iin });
    await client.send(traced, { traceparent, tracestate: 'adapter=1' });
    await client.send(plain);
    const got = await client.waitFor(traced.requestId, ANSWER_WAIT_MS);
    expect(got?.headers).toMatchObject({ traceparent, tracestate: 'adapter=1' });
    const none = await client.waitFor(plain.requestId, ANSWER_WAIT_MS);
    expect(none?.value.status).toBe('FOUND');
    expect(none!.headers).not.toHaveProperty('traceparent');
    expect(none!.headers).not.toHaveProperty('tracestate');
  });

  it('answers NOT_FOUND for a valid IIN outside the population', async () => {
    const { client } = ctx;
    const req = client.request({ iin: generateIin('1931-01-01', 'FEMALE', 4242) });
    await client.send(req);
    const got = await client.waitFor(req.requestId, ANSWER_WAIT_MS);
    expect(got?.value).toMatchObject({ status: 'NOT_FOUND', person: null, requestId: req.requestId });
  });

  it('skips a request it cannot decode and one with a foreign reply topic, and keeps answering', async () => {
    const { config, client, stub } = ctx;
    await client.sendRaw(Buffer.from('not an avro message'));
    const foreign = client.request({
      iin: personAt(config.gatewayStub.populationSeed, 1).iin,
      replyTopic: 'somebody.else.responses',
    });
    await client.send(foreign);
    const after = client.request({ iin: personAt(config.gatewayStub.populationSeed, 2).iin });
    await client.send(after);
    expect(
      await eventually(() => stub.stats().undecodable === 1 && stub.stats().wrongReplyTopic === 1, ANSWER_WAIT_MS),
    ).toBe(true);
    expect((await client.waitFor(after.requestId, ANSWER_WAIT_MS))?.value.status).toBe('FOUND');
    expect(client.all().some((r) => r.value.requestId === foreign.requestId)).toBe(false);
    expect(stub.stats().answered).toMatchObject({ FOUND: 4, NOT_FOUND: 1, ERROR: 0 });
  });
});

describe('gateway stub with errorRate 1.0', () => {
  const ctx = setup('gwstuberr', { GATEWAY_STUB_ERROR_RATE: '1' });

  it('answers ERROR, NOT_DELIVERED, with errorCode, errorMessage and errorDate', async () => {
    const { config, client } = ctx;
    const req = client.request({ iin: personAt(config.gatewayStub.populationSeed, 3).iin });
    await client.send(req);
    const got = await client.waitFor(req.requestId, ANSWER_WAIT_MS);
    expect(got?.value).toMatchObject({
      status: 'ERROR',
      deliveryStatus: 'NOT_DELIVERED',
      person: null,
      errorCode: 'SOURCE_SYSTEM_UNAVAILABLE',
    });
    expect(got!.value.errorMessage).toBeTruthy();
    expect(got!.value.errorDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ctx.stub.stats().answered.ERROR).toBe(1);
  });
});

describe('gateway stub with an outage window', () => {
  const OUTAGE_MS = 10_000;
  const ctx = setup('gwstubout', { GATEWAY_STUB_OUTAGES: `0-${OUTAGE_MS}` });

  it('leaves a request made during the outage unanswered, and answers the retry after the window', async () => {
    const { config, client, stub } = ctx;
    const started = Date.now();
    const iin = personAt(config.gatewayStub.populationSeed, 4).iin;
    const first = client.request({ iin });
    await client.send(first);
    expect(await eventually(() => stub.stats().silent === 1, OUTAGE_MS - 1000)).toBe(true);
    expect(await client.waitFor(first.requestId, 1500)).toBeNull();

    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS + 500 - (Date.now() - started))));
    const retry = client.request({ iin, applicationId: first.applicationId });
    await client.send(retry);
    expect((await client.waitFor(retry.requestId, ANSWER_WAIT_MS))?.value).toMatchObject({
      status: 'FOUND',
      applicationId: first.applicationId,
    });
    expect(client.all().some((r) => r.value.requestId === first.requestId)).toBe(false);
    expect(stub.stats()).toMatchObject({ silent: 1, answered: { FOUND: 1, NOT_FOUND: 0, ERROR: 0 } });
  });
});
