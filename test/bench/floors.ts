/**
 * The raw floors of this machine, measured on the same infrastructure as the adapter benchmarks
 * (bench:intake, bench:latency call it first, so the ratio is of one run):
 *   - Kafka + Avro: N portal applications produced (batches of 500), then consumed and decoded;
 *   - PostgreSQL: N rows inserted in multi-row statements of 500, one transaction each;
 *   - the minimal pipeline with the adapter's guarantees: consume a batch, one transaction with an
 *     inbox row (ON CONFLICT) and an outbox row per message, offsets committed after it; a relay
 *     that selects the unpublished rows, publishes them in a Kafka transaction and marks them;
 *     everything read back read_committed. One floor message is one in and one out.
 * Standalone: npm run bench:floors -- --messages N   (default 20000)
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Kafka } from 'kafkajs';
import pRetry from 'p-retry';
import { Topics } from '../../src/contract/topics.js';
import { eligiblePerson, portalApplication } from '../../src/local/demo/applications.js';
import type { Messaging } from '../../src/platform/messaging/bootstrap.js';

export interface Floors {
  messages: number;
  kafkaProducePerSecond: number;
  kafkaConsumeDecodePerSecond: number;
  pgInsertRowsPerSecond: number;
  pipelinePerSecond: number;
}

const BATCH = 500;
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    waitForLeaders: false,
  });
  // A new topic's leaders are elected a moment later: metadata is asked until every partition has one.
  await pRetry(
    async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const ps = topics[0]?.partitions ?? [];
      if (ps.length < partitions || ps.some((p) => p.leader < 0)) throw new Error(`${topic}: leaders not elected yet`);
    },
    { retries: 50, minTimeout: 100, maxTimeout: 500 },
  );
  await admin.disconnect();
}

/** Consumes `topic` from the beginning until `n` records were handed to `each`; resolves with the time taken. */
async function consumeAll(
  kafka: Kafka,
  topic: string,
  n: number,
  each: (values: Buffer[]) => Promise<void>,
  options: { readCommitted?: boolean } = {},
): Promise<number> {
  const consumer = kafka.consumer({
    groupId: `floor-${randomBytes(4).toString('hex')}`,
    readUncommitted: !options.readCommitted,
    maxBytesPerPartition: 1_048_576,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        partitionsConsumedConcurrently: 3,
        eachBatch: async ({ batch }) => {
          await each(batch.messages.map((m) => m.value!));
          seen += batch.messages.length;
          if (seen >= n) resolve();
        },
      })
      .catch(reject);
  });
  const ms = performance.now() - t0;
  await consumer.disconnect();
  return ms;
}

async function minimalPipeline(
  kafka: Kafka,
  db: Knex,
  inTopic: string,
  outTopic: string,
  n: number,
  id: string,
): Promise<number> {
  await db.raw(
    `CREATE TABLE floor_inbox_${id} (message_id text PRIMARY KEY, topic text, partition int, "offset" bigint)`,
  );
  await db.raw(
    `CREATE TABLE floor_outbox_${id} (id bigserial PRIMARY KEY, message_key text NOT NULL, value bytea NOT NULL,
       published_at timestamptz)`,
  );
  const consumer = kafka.consumer({ groupId: `floor-pipe-${id}`, maxBytesPerPartition: 1_048_576 });
  const producer = kafka.producer({ transactionalId: `floor-relay-${id}`, idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: inTopic, fromBeginning: true });
  const t0 = performance.now();
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch, resolveOffset }) => {
      await db.transaction(async (tx) => {
        const fresh = await tx(`floor_inbox_${id}`)
          .insert(
            batch.messages.map((m) => ({
              message_id: `${batch.partition}/${m.offset}`,
              topic: batch.topic,
              partition: batch.partition,
              offset: m.offset,
            })),
          )
          .onConflict('message_id')
          .ignore()
          .returning('message_id');
        const ids = new Set(fresh.map((r: { message_id: string }) => r.message_id));
        const rows = batch.messages
          .filter((m) => ids.has(`${batch.partition}/${m.offset}`))
          .map((m) => ({ message_key: m.key?.toString() ?? '', value: m.value! }));
        if (rows.length > 0) await tx(`floor_outbox_${id}`).insert(rows);
      });
      const last = batch.messages[batch.messages.length - 1]!;
      resolveOffset(last.offset);
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
      ]);
    },
  });
  let relaying = true;
  const relay = (async () => {
    while (relaying) {
      const published = await db.transaction(async (tx) => {
        const rows = (await tx(`floor_outbox_${id}`)
          .whereNull('published_at')
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .select('id', 'message_key', 'value')) as { id: number; message_key: string; value: Buffer }[];
        if (rows.length === 0) return 0;
        const ktx = await producer.transaction();
        try {
          await ktx.send({ topic: outTopic, messages: rows.map((r) => ({ key: r.message_key, value: r.value })) });
          await ktx.commit();
        } catch (err) {
          await ktx.abort();
          throw err;
        }
        await tx(`floor_outbox_${id}`)
          .whereIn(
            'id',
            rows.map((r) => r.id),
          )
          .update({ published_at: tx.fn.now() });
        return rows.length;
      });
      if (published === 0) await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await consumeAll(kafka, outTopic, n, async () => undefined, { readCommitted: true });
  const ms = performance.now() - t0;
  relaying = false;
  await relay;
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  return ms;
}

/** Measures the four floors with `n` messages on this infrastructure (topics and tables of its own). */
export async function measureFloors(messaging: Messaging, db: Knex, n: number, now: string): Promise<Floors> {
  const { kafka, codec } = messaging;
  const id = randomBytes(3).toString('hex');
  // The floor's records are the adapter's own portal applications, encoded with its schema.
  const schemaTopic = codec.topic(Topics.portalApplications);
  const inTopic = `floor-${id}-in`;
  const outTopic = `floor-${id}-out`;
  await createTopic(kafka, inTopic, 3);
  await createTopic(kafka, outTopic, 3);
  const values: { key: string; value: Buffer }[] = [];
  for (let i = 0; i < n; i++) {
    const a = portalApplication(eligiblePerson(1, 10_000, i % 10_000, now.slice(0, 10)).person, { submittedAt: now });
    values.push({ key: a.applicationId, value: await codec.encode(schemaTopic, a) });
  }

  const producer = kafka.producer();
  await producer.connect();
  const t0 = performance.now();
  for (let i = 0; i < n; i += BATCH) await producer.send({ topic: inTopic, messages: values.slice(i, i + BATCH) });
  const produceMs = performance.now() - t0;
  await producer.disconnect();

  const consumeMs = await consumeAll(kafka, inTopic, n, async (batch) => {
    for (const v of batch) await codec.decode(v);
  });

  await db.raw(`CREATE TABLE floor_rows_${id} (id bigserial PRIMARY KEY, k text NOT NULL, v bytea NOT NULL)`);
  const t1 = performance.now();
  for (let i = 0; i < n; i += BATCH)
    await db.transaction((tx) =>
      tx(`floor_rows_${id}`).insert(values.slice(i, i + BATCH).map((v) => ({ k: v.key, v: v.value }))),
    );
  const insertMs = performance.now() - t1;

  const pipelineMs = await minimalPipeline(kafka, db, inTopic, outTopic, n, id);
  for (const t of [`floor_rows_${id}`, `floor_inbox_${id}`, `floor_outbox_${id}`]) await db.raw(`DROP TABLE ${t}`);
  return {
    messages: n,
    kafkaProducePerSecond: perSecond(n, produceMs),
    kafkaConsumeDecodePerSecond: perSecond(n, consumeMs),
    pgInsertRowsPerSecond: perSecond(n, insertMs),
    pipelinePerSecond: perSecond(n, pipelineMs),
  };
}
