/**
 * Latency at a fixed offered load, and memory over a long run. Applications (half portal, half
 * PSC) are produced at `--rate` per second for `--seconds`; the adapter and the gateway stub run
 * in this process. For every stage read back (read_committed), the time from the produce of the
 * inbound message that caused it to the moment it could be read:
 *   - SUBMITTED / ACCEPTED: from the application's produce (one consumer transaction, the relay);
 *   - IDENTITY_VERIFIED: from the produce of the gateway's answer is not known here, so from the
 *     application's produce (two transactions, the stub's latency, two relay trips).
 * Printed with the floors of the same run and the offered load's ratio to the pipeline floor.
 * RSS and heap are sampled every 5 s; the figures include the stub, the reader and the producer.
 * Usage: npm run bench:latency -- [--rate 100] [--seconds 60] [--floor-messages M] [--no-floors]
 * Memory over 200,000 applications: npm run bench:latency -- --rate 200 --seconds 1000 --no-floors
 */
import { Topics } from '../../src/contract/topics.js';
import type { MonitoringStage } from '../../src/contract/messages.js';
import { millisToInstant } from '../../src/contract/logical-types.js';
import { startAdapter } from '../../src/adapter/adapter.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../src/local/demo/applications.js';
import { startGatewayStub } from '../../src/local/gateway-stub/stub.js';
import { TopicReader } from '../support/topic-reader.js';
import { measureFloors } from './floors.js';
import { flag, machine, option, percentile, print, startBench } from './support.js';

const rate = option('rate', 100);
const seconds = option('seconds', 60);
const bench = await startBench('latency', {
  GATEWAY_STUB_LATENCY_MS: '5',
  IDENTITY_RESPONSE_TIMEOUT_MS: '120000',
});
const { config, log, messaging } = bench;
const floors = flag('no-floors')
  ? null
  : await measureFloors(
      messaging,
      bench.scratch,
      option('floor-messages', 20_000),
      millisToInstant(bench.now().getTime()),
    );
const stub = await startGatewayStub(config, log);
const adapter = await startAdapter(config, log);
const { kafka, codec } = messaging;
const stagesTopic = codec.topic(Topics.monitoringStages);
const reader = await new TopicReader(kafka, codec, [stagesTopic]).start();
const producer = kafka.producer();
await producer.connect();

const { populationSeed: seed, populationSize: size } = config.gatewayStub;
const sentAt = new Map<string, number>();
const latencies: Record<'first' | 'verified', number[]> = { first: [], verified: [] };
let read = 0;
/** Takes the stages read since the last call: their latency, and the application is forgotten when verified. */
function collect(): number {
  for (; read < reader.messages.length; read++) {
    const m = reader.messages[read]!;
    const s = m.value as unknown as MonitoringStage;
    const t = sentAt.get(s.applicationId);
    if (t === undefined) continue;
    if (s.stage === 'SUBMITTED' || s.stage === 'ACCEPTED') latencies.first.push(m.receivedAt - t);
    else if (s.stage === 'IDENTITY_VERIFIED') {
      latencies.verified.push(m.receivedAt - t);
      sentAt.delete(s.applicationId);
    }
  }
  // The reader keeps what it read; a long run drops what was counted.
  reader.messages.splice(0, read);
  const n = read;
  read = 0;
  return n;
}

const memory: { atSecond: number; rssMb: number; heapMb: number; applications: number }[] = [];
const sample = (atSecond: number, applications: number) => {
  const m = process.memoryUsage();
  const s = { atSecond, rssMb: Math.round(m.rss / 2 ** 20), heapMb: Math.round(m.heapUsed / 2 ** 20), applications };
  memory.push(s);
  // As it goes, so a long run that ends early still leaves its curve.
  process.stderr.write(`memory ${JSON.stringify(s)}\n`);
};

const TICK_MS = 100;
const perTick = rate / (1000 / TICK_MS);
const total = Math.round(rate * seconds);
const t0 = performance.now();
let sent = 0;
let nextSample = 0;
sample(0, 0);
while (sent < total) {
  const due = Math.min(total, Math.floor(((performance.now() - t0) / TICK_MS + 1) * perTick));
  const portal: { key: string; value: Buffer }[] = [];
  const psc: { key: string; value: Buffer }[] = [];
  const nowIso = millisToInstant(bench.now().getTime());
  for (; sent < due; sent++) {
    const { person } = eligiblePerson(seed, size, sent % size, nowIso.slice(0, 10));
    const a =
      sent % 2 === 0
        ? portalApplication(person, { submittedAt: nowIso })
        : pscApplication(person, { acceptedAt: nowIso });
    const topic = codec.topic(sent % 2 === 0 ? Topics.portalApplications : Topics.corporationApplications);
    (sent % 2 === 0 ? portal : psc).push({ key: a.applicationId, value: await codec.encode(topic, a) });
    sentAt.set(a.applicationId, performance.now());
  }
  const topicMessages = [
    { topic: codec.topic(Topics.portalApplications), messages: portal },
    { topic: codec.topic(Topics.corporationApplications), messages: psc },
  ].filter((t) => t.messages.length > 0);
  if (topicMessages.length > 0) await producer.sendBatch({ topicMessages });
  collect();
  const elapsed = (performance.now() - t0) / 1000;
  if (elapsed >= nextSample) {
    sample(Math.round(elapsed), sent);
    nextSample += 5;
  }
  // Until the next tick: the load is offered on the clock, not after the adapter keeps up.
  const wait = t0 + Math.ceil((performance.now() - t0 + 1) / TICK_MS) * TICK_MS - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
const offeredSeconds = (performance.now() - t0) / 1000;
await reader.until(
  () => {
    collect();
    return sentAt.size === 0;
  },
  600_000,
  `all ${total} verified`,
);
sample(Math.round((performance.now() - t0) / 1000), sent);

const summary = (xs: number[]) => ({
  count: xs.length,
  p50Ms: Math.round(percentile(xs, 50) * 10) / 10,
  p99Ms: Math.round(percentile(xs, 99) * 10) / 10,
  maxMs: Math.round(xs.reduce((a, b) => Math.max(a, b), -Infinity) * 10) / 10,
});
const rss = memory.map((m) => m.rssMb);
const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
print({
  machine: machine(bench.now()),
  floors,
  offered: { ratePerSecond: rate, seconds, applications: total, achievedPerSecond: Math.round(total / offeredSeconds) },
  // The offered load against the floor of the same run, as bench:intake counts it (an application
  // to IDENTITY_VERIFIED is 3 floor messages): how close to the machine's limit the latency is taken.
  offeredRatioToPipelineFloor: floors
    ? Math.round(((total / offeredSeconds) * 3 * 100) / floors.pipelinePerSecond) / 100
    : null,
  latency: { firstStage: summary(latencies.first), identityVerified: summary(latencies.verified) },
  memory: {
    rssMbFirst: rss[0],
    rssMbAfterWarmup: memory.find((m) => m.atSecond >= 30)?.rssMb ?? null,
    rssMbMax: maxOf(rss),
    rssMbLast: rss[rss.length - 1],
    samples: memory.length > 40 ? memory.filter((_, i) => i % Math.ceil(memory.length / 40) === 0) : memory,
  },
  consumer: { processed: adapter.consumer.processed, deadLettered: adapter.consumer.deadLettered },
});
await reader.stop();
await producer.disconnect();
await adapter.stop();
await stub.stop();
await bench.stop();
process.exit(0);
