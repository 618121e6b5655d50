/**
 * Intake throughput on this machine: N applications (half portal, half PSC) produced at once onto
 * the real broker; the adapter and the gateway stub run in this process against the local
 * Kafka, Apicurio and PostgreSQL. Measured from the first produce to the last stage read back
 * (read_committed) on egov.monitoring.stages.v1:
 *   - intake: all N first stages (SUBMITTED / ACCEPTED) published;
 *   - enriched: all N IDENTITY_VERIFIED published (a gateway round trip per application).
 * Usage: npm run bench:intake -- [N]   (default 2000). Results go to docs/benchmarks.md by hand.
 */
import { randomBytes } from 'node:crypto';
import { startAdapter } from '../../src/adapter/adapter.js';
import { withInfrastructure } from '../../src/cli/effective-config.js';
import { loadConfig } from '../../src/platform/config/load.js';
import { millisToInstant } from '../../src/contract/logical-types.js';
import type { MonitoringStage } from '../../src/contract/messages.js';
import { Topics } from '../../src/contract/topics.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../src/local/demo/applications.js';
import { startGatewayStub } from '../../src/local/gateway-stub/stub.js';
import { startInfrastructure } from '../../src/local/infra/launcher.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { connectMessaging } from '../../src/platform/messaging/bootstrap.js';
import { TopicReader } from '../support/topic-reader.js';

const N = Number(process.argv[2] ?? 2000);
const id = randomBytes(3).toString('hex');
const log = createLogger({ level: 'warn', name: 'bench' });
const base = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  KAFKA_TOPIC_PREFIX: `bench-${id}`,
  KAFKA_GROUP_ID: `bench-${id}`,
  DATABASE_SCHEMA: `bench_${id}`,
  GATEWAY_STUB_LATENCY_MS: '5',
  IDENTITY_RESPONSE_TIMEOUT_MS: '120000',
  LOG_LEVEL: 'warn',
});
const infra = await startInfrastructure(base, log);
const config = withInfrastructure(base, infra);
const stub = await startGatewayStub(config, log);
const adapter = await startAdapter(config, log);
const { kafka, codec } = await connectMessaging(config, log, '-bench');
const reader = await new TopicReader(kafka, codec, [codec.topic(Topics.monitoringStages)]).start();
const producer = kafka.producer();
await producer.connect();

const now = millisToInstant(Date.now());
const { populationSeed: seed, populationSize: size } = config.gatewayStub;
const portal = [] as Array<{ key: string; value: Buffer }>;
const psc = [] as Array<{ key: string; value: Buffer }>;
for (let i = 0; i < N; i++) {
  const { person } = eligiblePerson(seed, size, i % size, now.slice(0, 10));
  if (i % 2 === 0) {
    const a = portalApplication(person, { submittedAt: now });
    portal.push({ key: a.applicationId, value: await codec.encode(codec.topic(Topics.portalApplications), a) });
  } else {
    const a = pscApplication(person, { acceptedAt: now });
    psc.push({ key: a.applicationId, value: await codec.encode(codec.topic(Topics.corporationApplications), a) });
  }
}

const t0 = performance.now();
for (let i = 0; i < N / 2; i += 500) {
  await producer.sendBatch({
    topicMessages: [
      { topic: codec.topic(Topics.portalApplications), messages: portal.slice(i, i + 500) },
      { topic: codec.topic(Topics.corporationApplications), messages: psc.slice(i, i + 500) },
    ],
  });
}
const produced = performance.now() - t0;
const stages = () => reader.messages.map((m) => (m.value as unknown as MonitoringStage).stage);
let intakeMs = 0;
await reader.until(
  () => {
    if (!intakeMs && stages().filter((s) => s === 'SUBMITTED' || s === 'ACCEPTED').length >= N)
      intakeMs = performance.now() - t0;
    return stages().filter((s) => s === 'IDENTITY_VERIFIED').length >= N;
  },
  600_000,
  `${N} verified`,
);
const totalMs = performance.now() - t0;

const out = {
  applications: N,
  producedInMs: Math.round(produced),
  intakeMs: Math.round(intakeMs),
  intakePerSecond: Math.round((N / intakeMs) * 1000),
  enrichedMs: Math.round(totalMs),
  enrichedPerSecond: Math.round((N / totalMs) * 1000),
  consumer: { processed: adapter.consumer.processed, deadLettered: adapter.consumer.deadLettered },
  relayPublished: adapter.relay.published,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
await reader.stop();
await producer.disconnect();
await adapter.stop();
await stub.stop();
await infra.stop();
process.exit(0);
