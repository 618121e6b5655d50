/**
 * The registry client while the registry is away. The codec fetches every contract schema at
 * start (preload), so the relay and the stand-ins encode with the registry unreachable; and a
 * registry that accepts connections and never answers fails a request after the client's timeout
 * instead of holding it (the inbound consumer then runs the batch again, see batch-consumer.ts).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_TOPICS, INBOUND_TOPICS, dlqTopic, topicName } from '../../../src/contract/topics.js';
import { MessageCodec } from '../../../src/platform/messaging/codec.js';
import { createRegistry, registerContractSchemas } from '../../../src/platform/messaging/registry.js';
import { deadLetterSamples, samples } from '../../support/samples.js';
import { isolatedConfig } from '../../support/isolation.js';

const config = isolatedConfig('registryoutage');
const prefix = config.kafka.topicPrefix;
const servers: Array<{ server: Server; sockets: Set<Socket> }> = [];

/** A TCP server on 127.0.0.1; `forward` pipes each connection to the real registry, otherwise it is held unanswered. */
async function listen(forward: URL | null): Promise<{ url: (real: URL) => string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    if (!forward) return;
    const up = connect(Number(forward.port), forward.hostname);
    up.on('error', () => s.destroy());
    s.pipe(up).pipe(s);
  });
  servers.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (real) => `http://127.0.0.1:${port}${real.pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the registry client while the registry is away', () => {
  it('encodes every contract topic and dead-letter topic after preload, with the registry unreachable', async () => {
    const real = new URL(config.schemaRegistry.url);
    const proxy = await listen(real);
    const url = proxy.url(real);
    const schemas = await registerContractSchemas(url, prefix);
    const cold = new MessageCodec(createRegistry(url), schemas, prefix, url);
    const warm = new MessageCodec(createRegistry(url), schemas, prefix, url);
    await warm.preload();
    await proxy.close(); // connections refused from now on

    for (const base of ALL_TOPICS) {
      const topic = topicName(base, prefix);
      const bytes = await warm.encode(topic, samples[base][0]);
      expect(bytes.readInt32BE(1)).toBe(schemas.get(topic)!.id);
    }
    for (const base of INBOUND_TOPICS) {
      const topic = dlqTopic(topicName(base, prefix));
      const bytes = await warm.encode(topic, deadLetterSamples[0]);
      expect(bytes.readInt32BE(1)).toBe(schemas.get(topic)!.id);
    }
    // What preload prevents: the first encode of a topic needs the registry.
    const first = topicName(ALL_TOPICS[0]!, prefix);
    await expect(cold.encode(first, samples[ALL_TOPICS[0]!][0])).rejects.toMatchObject({ name: 'ResponseError' });
  });

  it('fails a request to a registry that accepts the connection and never answers, after the timeout', async () => {
    const real = new URL(config.schemaRegistry.url);
    const hung = await listen(null);
    const registry = createRegistry(hung.url(real), { requestTimeoutMs: 500 });
    const started = performance.now();
    const err = (await registry.getSchema(424_242).catch((e: unknown) => e)) as Error;
    expect(performance.now() - started).toBeLessThan(5000);
    // What the consumer's decode needs to run the batch again instead of parking the record:
    // a ResponseError, not a "not found".
    expect(err).toMatchObject({ name: 'ResponseError' });
    expect(err.message).not.toMatch(/not found|40403/i);
    expect((err as { status?: number }).status).not.toBe(404);
  });
});
