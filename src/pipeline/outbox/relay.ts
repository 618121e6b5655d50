import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Kafka, Message, Producer } from 'kafkajs';
import pg from 'pg';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../../platform/logging/logger.js';
import type { MessageCodec } from '../../platform/messaging/codec.js';
import { DLQ_SUFFIX, Topics, dlqTopic, topicName, type TopicName } from '../../contract/topics.js';
import type { PipelineMetrics } from '../../platform/observability/metrics.js';
import { insertOutboxBatch, selectNextBatchSeq, selectOutboxBatchIds } from './batch-queries.js';
import { revive } from './json-bytes.js';
import {
  countPendingOutbox,
  markOutboxFailed,
  markOutboxPublished,
  selectPublishableOutbox,
  type OutboxRow,
} from './outbox-queries.js';
import { errorChain } from '../inbound/failures.js';

export interface RelayOptions {
  db: Knex;
  /** Connection string used for the leader's session lock (a connection of its own). */
  databaseUrl: string;
  kafka: Kafka;
  codec: MessageCodec;
  log: Logger;
  /** Unique per deployment: fences a zombie relay through Kafka's transactional id. */
  transactionalId: string;
  /** Names the leader lock (hashed to a PostgreSQL advisory lock): one leader per outbox, e.g. the schema. */
  lockName: string;
  /** Consumer group whose committed offset on the cursor topic is the last batch in Kafka. */
  cursorGroup: string;
  /** Internal topic (partition 0) the cursor is committed against. */
  cursorTopic: string;
  batchSize?: number;
  /** How long an idle relay waits before it looks again, unless woken by a notification first. */
  pollMs?: number;
  /**
   * The channel (LISTEN, on the leader's lock connection) a transaction that wrote outbox rows
   * notifies at commit (outboxChannel of the schema): the relay looks at once instead of at its
   * next poll. The poll stays: rows written without a notification are taken then.
   */
  wakeChannel?: string;
  /**
   * Largest record the relay sends (key, value, headers; config kafka.maxMessageBytes): a larger
   * row is set aside. Also the bytes of one batch per topic, since Kafka's limit is per batch of
   * records of a partition.
   */
  maxMessageBytes?: number;
  /** Fault injection for tests: runs after the Kafka commit, before the rows are marked. */
  faults?: { afterKafkaCommit?(): Promise<void> | void };
  /** Relay batch durations, records per topic, stages per code. */
  metrics?: PipelineMetrics;
}

/** Full Kafka topic of an outbox row: contract topics and their `.dlq`, with the prefix. */
export function resolveTopic(stored: string, prefix: string): string {
  if (stored.endsWith(DLQ_SUFFIX)) return dlqTopic(topicName(stored.slice(0, -DLQ_SUFFIX.length) as TopicName, prefix));
  return topicName(stored as TopicName, prefix);
}

/**
 * Publishes outbox rows to Kafka, exactly once on the wire:
 * 1. one relay instance is the leader (session advisory lock); the others wait;
 * 2. the leader records a batch's ids (outbox_batches, seq n), then sends the batch in a Kafka
 *    transaction that also commits offset n for `cursorGroup` on `cursorTopic`;
 * 3. then marks the rows published in PostgreSQL.
 * A crash between 2 and 3 leaves Kafka at batch n and PostgreSQL at n-1: on taking the lead, a
 * relay reads the committed cursor and marks batch n. A crash before the Kafka commit aborts the
 * transaction (fenced by the same transactional id), and the rows are sent again.
 * Per-key order holds because rows are sent in id order and a saga row lock serialises the
 * transactions that write rows for one application.
 *
 * A row the relay cannot publish never stops it: a row that does not encode or is larger than a
 * Kafka message is set aside before the batch is sent; a batch Kafka refuses for a record's sake
 * (MESSAGE_TOO_LARGE, INVALID_RECORD...) is sent again row by row until the row is found, which
 * is set aside. A row set aside keeps its error (code and text, logged at error with its id and
 * topic, never the value), the rows of its key behind it wait for it (order per application),
 * the rows of other keys go on; `outbox-retry` gives it back to the relay after a fix.
 */
export class OutboxRelay {
  private stopped = false;
  private crashed = false;
  /** Failed attempts to connect and recover, in a row (0 once connected). */
  private connectFailures = 0;
  private loop: Promise<void> | null = null;
  private producer: Producer | null = null;
  private lockClient: pg.Client | null = null;
  /** Ids of a batch Kafka committed but PostgreSQL has not marked yet (a retry marks them first). */
  private unmarked: number[] | null = null;
  /** Consecutive failed batches: the pause before the next try doubles, up to 10 s. */
  private failures = 0;
  /** After Kafka refused a batch for one of its records: rows up to this id go one per batch. */
  private isolateThrough: number | null = null;
  /** Rows set aside by this relay. */
  setAside = 0;
  published = 0;

  /** Ends the idle wait early (a notification from a transaction that wrote outbox rows). */
  private wake: (() => void) | null = null;
  private woken = false;

  constructor(private readonly o: RelayOptions) {}

  /** Waits `ms`, or less when a notification arrives (or arrived during the last batch). */
  private idle(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** False once the relay stopped on an error, or after 3 failed batches or connects in a row (readiness). */
  isHealthy(): boolean {
    return !this.crashed && !this.stopped && this.failures < 3 && this.connectFailures < 3;
  }

  start(): void {
    this.loop = this.run().catch((err: unknown) => {
      this.crashed = true;
      this.o.log.error({ err }, 'outbox relay stopped on an error');
      throw err;
    });
    this.loop.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop?.catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    await this.lockClient?.end().catch(() => undefined);
  }

  /** Resolves when the outbox has no publishable row left (tests, graceful shutdown). */
  async drained(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      // Rows set aside, and the rows of their keys behind them, wait for an operator: not pending.
      const pending = await countPendingOutbox(this.o.db);
      if (pending === 0) return;
      if (Date.now() > until) throw new Error(`outbox not drained within ${timeoutMs} ms (${pending} rows left)`);
      await sleep(50);
    }
  }

  private async run(): Promise<void> {
    await this.becomeLeader();
    while (!this.stopped) {
      // A fresh transactional producer settles (aborts) whatever transaction an earlier one left
      // open; recovery then marks the batch Kafka committed last. After any failure the relay
      // starts over from here, with backoff: it never gives up while it holds the lead.
      await pRetry(() => this.connectAndRecover(), {
        retries: Number.POSITIVE_INFINITY,
        minTimeout: 200,
        maxTimeout: 10_000,
        randomize: true,
        shouldRetry: () => !this.stopped,
        onFailedAttempt: ({ error, attemptNumber }) => {
          this.connectFailures = attemptNumber;
          this.o.log.warn({ err: error, attemptNumber }, 'outbox relay cannot reach Kafka or PostgreSQL; retrying');
        },
      }).catch(() => undefined);
      this.connectFailures = 0;
      try {
        while (!this.stopped) {
          const n = await this.publishBatch();
          this.failures = 0;
          if (n === 0) await this.idle(this.o.pollMs ?? 50);
        }
      } catch (err) {
        if (err instanceof AbortError) throw err;
        this.failures++;
        this.o.log.warn({ err, failures: this.failures }, 'outbox relay batch failed; reconnecting and recovering');
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = null;
        await sleep(Math.min(10_000, 200 * 2 ** Math.min(this.failures - 1, 6)));
      }
    }
  }

  private async connectAndRecover(): Promise<void> {
    if (this.stopped) return;
    this.producer = this.o.kafka.producer({
      transactionalId: this.o.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await this.producer.connect();
    await this.recover();
    if (this.unmarked) {
      await markOutboxPublished(this.o.db, this.unmarked);
      this.unmarked = null;
    }
  }

  private async becomeLeader(): Promise<void> {
    this.lockClient = new pg.Client({ connectionString: this.o.databaseUrl });
    this.lockClient.on('error', (err) => this.o.log.error({ err }, 'relay lock connection lost'));
    await this.lockClient.connect();
    for (let logged = false; !this.stopped;) {
      const { rows } = await this.lockClient.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [this.o.lockName],
      );
      if (rows[0]?.locked) {
        this.o.log.info('outbox relay is the leader');
        await this.listen(this.lockClient);
        return;
      }
      if (!logged) this.o.log.info('another outbox relay is the leader; standing by');
      logged = true;
      await sleep(500);
    }
  }

  private async listen(client: pg.Client): Promise<void> {
    const channel = this.o.wakeChannel;
    if (!channel) return;
    client.on('notification', (n) => {
      if (n.channel !== channel) return;
      if (this.wake) this.wake();
      else this.woken = true;
    });
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
  }

  /** Marks the batch Kafka committed last, in case the previous leader died before marking it. */
  private async recover(): Promise<void> {
    const admin = this.o.kafka.admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId: this.o.cursorGroup, topics: [this.o.cursorTopic] });
      const committed = Number(topic?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
      if (committed <= 0) return;
      const ids = await selectOutboxBatchIds(this.o.db, committed);
      const marked = ids ? await markOutboxPublished(this.o.db, ids) : 0;
      if (marked > 0)
        this.o.log.warn(
          { batch: committed, marked },
          'outbox relay recovered a batch committed to Kafka before a crash',
        );
    } finally {
      await admin.disconnect();
    }
  }

  /** Sets a row aside with its error; logged at error with its id and topic, never its value. */
  private async setRowAside(row: OutboxRow, topic: string, code: string, text: string): Promise<void> {
    await markOutboxFailed(this.o.db, row.id, code, text);
    this.setAside++;
    this.o.log.error(
      { id: row.id, topic, code, text },
      'outbox row set aside: the rows of its key wait, the others go on',
    );
  }

  /**
   * The batch to send: rows in id order, encoded, up to `maxMessageBytes` per topic (one row at a
   * time while a refused batch is searched). A row that does not encode or is too large is set
   * aside, and the rows of its key after it are left for later (they wait for it).
   */
  private async prepare(
    rows: OutboxRow[],
  ): Promise<{ batch: Array<{ row: OutboxRow; topic: string; message: Message }>; setAside: number }> {
    const max = this.o.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    if (this.isolateThrough !== null && rows[0]!.id > this.isolateThrough) this.isolateThrough = null;
    const oneByOne = this.isolateThrough !== null;
    const batch: Array<{ row: OutboxRow; topic: string; message: Message }> = [];
    const held = new Set<string>();
    const bytesPerTopic = new Map<string, number>();
    let setAside = 0;
    for (const row of rows) {
      if (held.has(row.key)) continue;
      const topic = resolveTopic(row.topic, this.o.codec.prefix);
      let value: Buffer;
      try {
        value = await this.o.codec.encode(topic, revive(row.value));
      } catch (err) {
        // The encoder's message quotes the value (personal data): say where, not what.
        await this.setRowAside(
          row,
          topic,
          'OUTBOX_ROW_INVALID',
          `Outbox row ${row.id} for ${topic} does not match the topic's registered schema (${(err as Error).name}). Fix the producing code and the row, then \`npm run cli -- outbox-retry ${row.id}\`.`,
        );
        held.add(row.key);
        setAside++;
        continue;
      }
      const headers = { ...(row.headers ?? {}), 'outbox-id': String(row.id) };
      const bytes =
        value.length +
        Buffer.byteLength(row.key) +
        Object.entries(headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0) +
        RECORD_OVERHEAD;
      if (bytes > max) {
        await this.setRowAside(
          row,
          topic,
          'OUTBOX_ROW_TOO_LARGE',
          `Outbox row ${row.id} for ${topic} makes a record of ${bytes} bytes, above the ${max} a Kafka message may have here (KAFKA_MAX_MESSAGE_BYTES). Raise the topic's max.message.bytes and the setting, or correct the row, then \`npm run cli -- outbox-retry ${row.id}\`.`,
        );
        held.add(row.key);
        setAside++;
        continue;
      }
      const used = bytesPerTopic.get(topic) ?? 0;
      if (batch.length > 0 && used + bytes > max) break; // the rest goes in the next batch
      bytesPerTopic.set(topic, used + bytes);
      batch.push({ row, topic, message: { key: row.key, value, headers } });
      if (oneByOne) break;
    }
    return { batch, setAside };
  }

  private async publishBatch(): Promise<number> {
    const { db } = this.o;
    if (this.unmarked) {
      await markOutboxPublished(db, this.unmarked);
      this.unmarked = null;
    }
    const startedAt = performance.now();
    const rows = await db.transaction((tx) => selectPublishableOutbox(tx, this.o.batchSize ?? 500));
    if (rows.length === 0) return 0;
    const { batch, setAside } = await this.prepare(rows);
    if (batch.length === 0) return setAside;
    const ids = batch.map((b) => b.row.id);
    const byTopic = new Map<string, Message[]>();
    for (const b of batch) byTopic.set(b.topic, [...(byTopic.get(b.topic) ?? []), b.message]);
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    const seq = await selectNextBatchSeq(db);
    await insertOutboxBatch(db, seq, ids);

    const ktx = await this.producer!.transaction();
    try {
      await ktx.sendBatch({ topicMessages });
      await ktx.sendOffsets({
        consumerGroupId: this.o.cursorGroup,
        topics: [{ topic: this.o.cursorTopic, partitions: [{ partition: 0, offset: String(seq) }] }],
      });
      await ktx.commit();
    } catch (err) {
      await ktx.abort().catch(() => undefined);
      const refused = refusedRecordType(err);
      if (refused && batch.length === 1) {
        const { row, topic } = batch[0]!;
        await this.setRowAside(
          row,
          topic,
          `KAFKA_REFUSED_${refused}`,
          `Kafka refused outbox row ${row.id} for ${topic} (${refused}). Fix the cause (the topic's max.message.bytes, the row), then \`npm run cli -- outbox-retry ${row.id}\`.`,
        );
      } else if (refused) {
        this.isolateThrough = ids[ids.length - 1]!;
        this.o.log.warn(
          { refused, rows: ids.length, from: ids[0], to: this.isolateThrough },
          'Kafka refused a record of the batch; sending its rows one by one to find it',
        );
      }
      throw err;
    }
    this.unmarked = ids;
    await this.o.faults?.afterKafkaCommit?.();
    await markOutboxPublished(db, ids);
    this.unmarked = null;
    this.published += batch.length;
    this.count(
      batch.map((b) => b.row),
      startedAt,
    );
    return batch.length;
  }

  private count(rows: OutboxRow[], startedAt: number): void {
    const metrics = this.o.metrics;
    if (!metrics) return;
    metrics.relayBatchSeconds.observe((performance.now() - startedAt) / 1000);
    for (const row of rows) {
      metrics.published.inc({ topic: row.topic });
      if (row.topic === Topics.monitoringStages) metrics.stages.inc({ stage: String(row.value.stage) });
    }
  }
}

/** Kafka's default max message size is 1 MiB (message.max.bytes 1048588): a little below it. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_000_000;

/** What a record adds besides its key, value and headers (record and batch framing), counted generously. */
const RECORD_OVERHEAD = 128;

/** Errors Kafka answers for a record (or its batch), which no retry of the same bytes will change. */
const RECORD_ERRORS = ['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE'];

/** The record error in a failed send (kafkajs may wrap it), or null. */
export function refusedRecordType(err: unknown): string | null {
  for (const e of errorChain(err)) {
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && RECORD_ERRORS.includes(type)) return type;
  }
  return null;
}
