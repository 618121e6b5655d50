/**
 * Intake + identity throughput against the raw floor of the same run. First the floors (floors.ts)
 * on this infrastructure, then N applications (half portal, half PSC) produced at once; the
 * adapter and the gateway stub run in this process. Timed from the first produce to the last stage
 * read back (read_committed) on egov.monitoring.stages.v1:
 *   - intake: all N first stages (SUBMITTED / ACCEPTED) published;
 *   - enriched: all N IDENTITY_VERIFIED published (a gateway round trip per application).
 * An application is 2 messages in (application, identity answer) and 4 out (2 stages, a
 * notification or receipt, an identity request): 3 floor messages (1 in + 1 out each), so the
 * ratio to the floor is applications/s x 3 / floor messages/s.
 * Usage: npm run bench:intake -- [N] [--floor-messages M] [--no-floors] [--partitions P]
 */
import { Topics } from '../../src/contract/topics.js';
import type { MonitoringStage } from '../../src/contract/messages.js';
import { millisToInstant } from '../../src/contract/logical-types.js';
import { startAdapter } from '../../src/adapter/adapter.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../src/local/demo/applications.js';
import { startGatewayStub } from '../../src/local/gateway-stub/stub.js';
import { TopicReader } from '../support/topic-reader.js';
import { measureFloors, type Floors } from './floors.js';
import { flag, machine, option, print, startBench } from './support.js';

const positional = Number(process.argv[2]);
const N = Number.isFinite(positional) && positional > 0 ? positional : option('applications', 2000);
const bench = await startBench('intake', {
  GATEWAY_STUB_LATENCY_MS: '5',
  IDENTITY_RESPONSE_TIMEOUT_MS: '120000',
  KAFKA_PARTITIONS: String(option('partitions', 3)),
});
const { config, log, messaging } = bench;
const nowIso = millisToInstant(bench.now().getTime());
const floors: Floors | null = flag('no-floors')
  ? null
  : await measureFloors(messaging, bench.scratch, option('floor-messages', 20_000), nowIso);

const stub = await startGatewayStub(config, log);
const adapter = await startAdapter(config, log);
const { kafka, codec } = messaging;
const reader = await new TopicReader(kafka, codec, [codec.topic(Topics.monitoringStages)]).start();
const producer = kafka.producer();
await producer.connect();

const { populationSeed: seed, populationSize: size } = config.gatewayStub;
const portal = [] as Array<{ key: string; value: Buffer }>;
const psc = [] as Array<{ key: string; value: Buffer }>;
for (let i = 0; i < N; i++) {
  const { person } = eligiblePerson(seed, size, i % size, nowIso.slice(0, 10));
  if (i % 2 === 0) {
    const a = portalApplication(person, { submittedAt: nowIso });
    portal.push({ key: a.applicationId, value: await codec.encode(codec.topic(Topics.portalApplications), a) });
  } else {
    const a = pscApplication(person, { acceptedAt: nowIso });
    psc.push({ key: a.applicationId, value: await codec.encode(codec.topic(Topics.corporationApplications), a) });
  }
}

const cpu0 = process.cpuUsage();
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
let first = 0;
let verified = 0;
let intakeMs = 0;
let read = 0;
await reader.until(
  () => {
    for (; read < reader.messages.length; read++) {
      const s = (reader.messages[read]!.value as unknown as MonitoringStage).stage;
      if (s === 'SUBMITTED' || s === 'ACCEPTED') first++;
      else if (s === 'IDENTITY_VERIFIED') verified++;
    }
    if (!intakeMs && first >= N) intakeMs = performance.now() - t0;
    return verified >= N;
  },
  1_800_000,
  `${N} verified`,
);
const totalMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

const perSecond = (ms: number) => Math.round((N / ms) * 1000);
const enrichedPerSecond = perSecond(totalMs);
const batchRuns = (await adapter.metrics.batchRuns.get()).values.map((v) => ({ ...v.labels, runs: v.value }));
/** Sum and count of a histogram, per label set: the mean batch size and duration. */
const means = async (h: { get(): Promise<{ values: { labels: object; value: number; metricName?: string }[] }> }) => {
  const out: Record<string, { count: number; sum: number }> = {};
  for (const v of (await h.get()).values) {
    const key = JSON.stringify(v.labels);
    out[key] ??= { count: 0, sum: 0 };
    if (v.metricName?.endsWith('_sum')) out[key].sum = v.value;
    if (v.metricName?.endsWith('_count')) out[key].count = v.value;
  }
  return Object.entries(out)
    .filter(([k]) => !k.includes('"le"'))
    .map(([k, { count, sum }]) => ({ ...JSON.parse(k), count, mean: Math.round((sum / count) * 1000) / 1000 }));
};
print({
  machine: machine(bench.now()),
  floors,
  applications: N,
  partitions: config.kafka.partitions,
  producedInMs: Math.round(produced),
  intakeMs: Math.round(intakeMs),
  intakePerSecond: perSecond(intakeMs),
  enrichedMs: Math.round(totalMs),
  enrichedPerSecond,
  ratioToPipelineFloor: floors ? Math.round(((enrichedPerSecond * 3) / floors.pipelinePerSecond) * 100) / 100 : null,
  processCpuSecondsPerRealSecond: Math.round(((cpu.user + cpu.system) / 1e6 / (totalMs / 1000)) * 100) / 100,
  rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  consumer: { processed: adapter.consumer.processed, deadLettered: adapter.consumer.deadLettered },
  batchRuns,
  inboundBatchSize: await means(adapter.metrics.batchSize),
  inboundBatchSeconds: await means(adapter.metrics.batchSeconds),
  relayBatchSeconds: await means(adapter.metrics.relayBatchSeconds),
  relayPublished: adapter.relay.published,
});
await reader.stop();
await producer.disconnect();
await adapter.stop();
await stub.stop();
await bench.stop();
process.exit(0);
