/**
 * Fault suite, the schema registry: an Apicurio Registry of this file's own under a steady load of
 * portal and PSC applications, with the adapter and the gateway stub as processes. First the
 * registry is stopped (its clean shutdown: connections refused) for 25 s and started again on the
 * same port and storage, then it is frozen (SIGSTOP: the kernel still accepts connections, nothing
 * answers) for 30 s and thawed. Every application must reach its stages, once each, and nothing
 * may be parked.
 *
 * Storage. Apicurio 3 keeps its schemas in an in-memory H2 database by default: started again it
 * would be empty, ids counted from 1 again, so an id the adapter meets afterwards would name no
 * schema (rightly parked as UNKNOWN_SCHEMA_ID: that registry lost its data) or another one. That
 * is a registry losing its data, not a registry down. Here it runs with `persistent` storage (an
 * H2 file in its run directory), so a restart finds the same schemas under the same ids, as
 * broker.test.ts restarts Kafka on the same data; the freeze keeps everything anyway.
 *
 * What makes the adapter ask the registry. It caches writer schemas by id (the registry client)
 * and the subject check's yes by (subject, id): a load with ids seen before never calls the
 * registry, and the fault would go unnoticed. So before each fault a new version of the portal
 * applications' value schema is registered under the topic's subject (BACKWARD: the contract's
 * schema plus one optional field, default null; one field more per fault), and from the moment the
 * registry is down this file encodes portal applications with that id itself (avsc and the
 * Confluent framing: magic byte 0, 4-byte id; no registry call), PSC applications with the
 * contract's id as before. The adapter can read no portal application until the registry is back:
 * none may be parked as UNKNOWN_SCHEMA_ID or UNDECODABLE, the batch is run again (an outage,
 * src/pipeline/inbound/failures.ts), and recovery is from the registry back to the first stage of
 * an application sent with the new id. The outbound side is not cut off: the relay encodes with
 * the contract's ids, whose schemas every process fetches at start (MessageCodec.preload), so
 * stages of the PSC applications can go on during the outage (the notes count the stages published
 * inside it). While frozen, a request for the new id waits for the registry client's timeout
 * (15 s), and the consumer's other partitions wait with it: few stages come during a freeze.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../src/contract/messages.js';
import { avroOptions } from '../../src/contract/logical-types.js';
import { topicSchema, type AvroSchemaJson } from '../../src/contract/schemas.js';
import { Topics, valueSubject } from '../../src/contract/topics.js';
import { cacheRoot } from '../../src/local/infra/paths.js';
import { startApicurio, type RunningRegistry } from '../../src/local/infra/registry.js';
import { getSubjectsOfSchemaId, registerSchemaVersion } from '../../src/platform/messaging/ccompat.js';
import { harness, type Harness } from '../support/adapter-harness.js';
import { spawnAdapter, spawnCommand, stopGently } from '../e2e/support/processes.js';
import { STEADY_IDENTITY, steadyLoad } from './support/load.js';
import {
  CLEAN,
  cleanVerdict,
  firstStageAfter,
  maxStall,
  publishedAt,
  stageRecords,
  stagesByApplication,
  wireFigures,
  type Window,
} from './support/measure.js';
import { logDir, recordPersonalData, recordRow } from './support/results.js';

const SETTINGS = {
  CLOCK_START_AT: '2027-03-02T10:00:00+05:00',
  CLOCK_ANCHOR_AT: new Date().toISOString(),
  ...STEADY_IDENTITY,
  GATEWAY_STUB_POPULATION_SIZE: '4000',
  KAFKA_SESSION_TIMEOUT_MS: '10000',
};
const dir = logDir('registry');
let registry: RunningRegistry;
let h: Harness;
let adapter: ChildProcess | null = null;
let stub: ChildProcess | null = null;
const personalData = new Set<string>();

beforeAll(async () => {
  const base = (await import('../../src/platform/config/load.js')).loadConfig({ NODE_ENV: 'test' });
  registry = await startApicurio({
    cacheDir: cacheRoot(base.infra.cacheDir),
    version: base.infra.apicurioVersion,
    minJava: base.infra.apicurioMinJava,
    timeoutMs: base.infra.startTimeoutMs,
    persistent: true,
  });
  h = await harness('faults-registry', { ...SETTINGS, SCHEMA_REGISTRY_URL: registry.url });
  stub = await spawnCommand('gateway-stub', 'gateway stub ready', h.config, join(dir, 'gateway-stub.log'), SETTINGS);
  adapter = await spawnAdapter(h.config, join(dir, 'adapter.log'), SETTINGS);
}, 240_000);

afterAll(async () => {
  registry?.thaw();
  recordPersonalData('registry', personalData);
  if (adapter) await stopGently(adapter);
  if (stub) await stopGently(stub);
  await h?.stop();
  await registry?.stop();
});

/** The optional fields added so far, one per fault: each version is a superset of the one before (BACKWARD). */
const added: string[] = [];

/** A version of the portal applications' schema the adapter has not seen: registered now, used in the outage. */
async function newPortalVersion(): Promise<{ id: number; encode(value: Record<string, unknown>): Buffer }> {
  const field = `registryFaultMark${added.length + 1}`;
  added.push(field);
  const contract = topicSchema(Topics.portalApplications).schema;
  const extra = added.map((name) => ({
    name,
    type: ['null', 'string'],
    default: null,
    doc: 'Fault suite: a field of a later version, to make the adapter fetch a schema id it has not seen.',
  }));
  const json: AvroSchemaJson = { ...contract, fields: [...(contract.fields as unknown[]), ...extra] };
  const subject = valueSubject(h.topic(Topics.portalApplications));
  const id = await registerSchemaVersion(registry.url, subject, JSON.stringify(json));
  const type = avro.Type.forSchema(json as avro.Schema, avroOptions());
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return {
    id,
    encode: (value) =>
      Buffer.concat([
        header,
        type.toBuffer({ ...value, ...Object.fromEntries(added.map((f) => [f, f === field ? 'fault' : null])) }),
      ]),
  };
}

async function underLoad(
  fault: string,
  firstPerson: number,
  act: (down: () => void) => Promise<Window>,
): Promise<Record<string, unknown>> {
  const version = await newPortalVersion();
  let outage = false;
  /** Portal applications encoded with the new id: while the registry was down, and in all. */
  const withNewId = new Set<string>();
  let sentDuringOutage = 0;
  const started = performance.now();
  const load = steadyLoad(h, {
    count: 240,
    perSecond: 4,
    firstPerson,
    personalData,
    encode: (topic, value) => {
      if (topic !== Topics.portalApplications || (!outage && withNewId.size === 0)) return undefined;
      const id = value.applicationId as string;
      if (!withNewId.has(id) && outage) sentDuringOutage++;
      withNewId.add(id);
      return version.encode(value);
    },
  });
  await sleep(15_000);
  // Portal applications take the new id once the registry no longer answers, never before: the
  // adapter must meet it for the first time during the outage.
  const window = await act(() => (outage = true));
  outage = false;
  await load.done;
  const all = () => {
    const map = stagesByApplication(h);
    return [...load.expected].every(([id, due]) => (map.get(id)?.length ?? 0) >= due.length);
  };
  await h.reader.until(all, 180_000, `every application of "${fault}" at its stages`).catch(() => undefined);
  const ended = performance.now();
  await sleep(3000);
  const f = wireFigures(h, load.expected);
  const inside = stageRecords(h).filter(
    (r) =>
      publishedAt(r) > window.from && publishedAt(r) < window.to && load.expected.has(String(r.value.applicationId)),
  );
  const insidePortal = inside.filter((r) => withNewId.has((r.value as unknown as MonitoringStage).applicationId));
  // The registry kept the new version (persistent storage): the id names the same subject after the fault.
  const subjects = await getSubjectsOfSchemaId(registry.url, version.id);
  const row = {
    family: 'schema registry',
    fault,
    sent: load.sent(),
    stagesExpected: f.stagesExpected,
    stagesSeen: f.stagesSeen,
    duplicates: f.duplicates,
    lost: f.lost,
    parked: f.parked,
    recoverySeconds: firstStageAfter(h, window.to, undefined, withNewId),
    maxStallSeconds: maxStall(h, started, ended, [window]),
    notes:
      `down ${Math.round((window.to - window.from) / 1000)} s; ${sentDuringOutage} portal applications sent ` +
      `during it with schema id ${version.id} (a new version, not seen by the adapter before), ${withNewId.size} ` +
      `in all; ${inside.length} stages published during the outage (the relay encodes with cached ids), ` +
      `${insidePortal.length} of them of those portal applications; recovery: to the first stage of one of them`,
  };
  recordRow(row);
  expect(subjects).toEqual([valueSubject(h.topic(Topics.portalApplications))]);
  expect(sentDuringOutage).toBeGreaterThan(0);
  expect(row.parked).toEqual({});
  return cleanVerdict({ ...row, wrong: f.wrong });
}

describe('fault suite: the schema registry stopped and restarted, then frozen, under a steady load', () => {
  it('stopped for 25 s (clean shutdown) and started again on the same port and storage', async () => {
    const verdict = await underLoad(
      'Apicurio stopped 25 s, restarted (same port, same storage); portal applications with a schema id new to the adapter',
      0,
      async (down) => {
        const from = performance.now();
        await registry.halt();
        down();
        await sleep(25_000);
        await registry.restart();
        return { from, to: performance.now() };
      },
    );
    expect(verdict).toEqual(CLEAN);
  }, 600_000);

  it('frozen for 30 s (SIGSTOP) and thawed', async () => {
    const verdict = await underLoad(
      'Apicurio frozen 30 s (SIGSTOP), thawed; portal applications with a schema id new to the adapter',
      1000,
      async (down) => {
        const from = performance.now();
        registry.freeze();
        down();
        await sleep(30_000);
        registry.thaw();
        return { from, to: performance.now() };
      },
    );
    expect(verdict).toEqual(CLEAN);
  }, 600_000);
});
