import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { AppError } from '../../platform/errors/app-error.js';
import { checkKindFields } from '../../contract/kinds.js';
import { valueSubject, type TopicName } from '../../contract/topics.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { MessageCodec } from '../../platform/messaging/codec.js';
import {
  messageDigest,
  recordInboxEntries,
  recordInboxEntry,
  selectInboxEntries,
  selectInboxEntry,
  type InboxEntry,
} from '../inbox/record-inbox-entry.js';
import { RejectedInputError } from './rejected-input.js';
import { insertOutboxMessages } from '../outbox/outbox-queries.js';
import { deadLetterFor, fitDeadLetter, type DeadLetterReason } from './dead-letter.js';
import { insertDeadLetterPayload } from './dead-letter-payload-queries.js';
import {
  asOutage,
  describeChain,
  describeError,
  handlerFailureReason,
  inputErrorReason,
  isLockConflict,
  isOutage,
} from './failures.js';
import type { InboundHandler } from './handler.js';
import { SubjectCheck } from './subject-check.js';
import type { PipelineMetrics } from '../../platform/observability/metrics.js';
import { inBatchSpan, inMessageSpan } from '../../platform/observability/trace-context.js';
import { SagaWork } from '../saga/saga-work.js';
import type { TimerSink } from '../saga/timer-sink.js';

export interface InboundRoute {
  base: TopicName;
  handle: InboundHandler;
}

export interface InboundConsumerOptions {
  kafka: Kafka;
  codec: MessageCodec;
  db: Knex;
  log: Logger;
  groupId: string;
  routes: InboundRoute[];
  /**
   * Runs of a batch in which a message's handler fails (neither bad input nor an outage) before
   * that message is parked as HANDLER_FAILED; default 3.
   */
  handlerAttempts?: number;
  /**
   * A dead letter's record stays within this many bytes (config kafka.dlqMaxInlineBytes): above
   * it, the original record is kept in PostgreSQL (dead_letter_payloads) and referenced.
   */
  deadLetterMaxInlineBytes?: number;
  /** Where the saga steps' timer intents go (the job queue), in the batch's transaction. */
  timers: TimerSink;
  /** Batch sizes and durations, messages handled and parked (by code). */
  metrics?: PipelineMetrics;
  /**
   * How long the group waits for a member that stopped answering (a killed instance) before its
   * partitions go to the others: every partition it held stalls that long (config kafka.sessionTimeoutMs).
   */
  sessionTimeoutMs?: number;
}

/** Below the broker's default max message size (1 MiB), with room for the record's framing. */
export const DEFAULT_DLQ_MAX_INLINE_BYTES = 900_000;

type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; reason: DeadLetterReason };

function reasonOf(err: unknown, fallback: string): DeadLetterReason {
  const e = err as { code?: unknown; message?: string; details?: { path?: unknown } };
  const code = err instanceof AppError || typeof e.code === 'string' ? String(e.code) : fallback;
  return { code, text: e.message ?? String(err), path: typeof e.details?.path === 'string' ? e.details.path : null };
}

/** Thrown out of a batch run at once when one of its messages fails: the batch then runs message by message. */
class NeedsIsolation extends Error {
  constructor(cause: unknown) {
    super('a message of the batch failed', { cause });
  }
}

/** Another message under a messageId consumed before: parked, never dropped in silence. */
function messageIdConflict(first: { topic: string; partition: number; offset: string }): RejectedInputError {
  return new RejectedInputError(
    'MESSAGE_ID_CONFLICT',
    `Another message with this messageId was consumed before (${first.topic} ${first.partition}/` +
      `${first.offset}) with other content (the sha256 of topic and value differ); this one was not ` +
      'applied. The sender must give every message its own messageId; send it again with a new one.',
    { path: 'messageId' },
  );
}

/**
 * The application ids a message names, for the batch's one locking read: its own `applicationId`,
 * or that of its kind's part (a courier event's `pickedUp` / `delivered`). Others are loaded when
 * their step asks (a register's members).
 */
function namedApplications(value: Record<string, unknown>): string[] {
  if (typeof value.applicationId === 'string') return [value.applicationId];
  const ids: string[] = [];
  for (const part of Object.values(value)) {
    const id = (part as { applicationId?: unknown } | null)?.applicationId;
    if (part && typeof part === 'object' && typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** Whether a message is the same as the first one consumed under its id (no digest: from before digests). */
function sameMessage(first: { digest?: Buffer | null }, digest: Buffer): boolean {
  return !first.digest || first.digest.equals(digest);
}

/**
 * Consumes inbound topics in batches. Per batch: decode every message through the registry, then
 * ONE PostgreSQL transaction writes the inbox rows (dedupe by messageId), the saga state and the
 * outbox rows (including dead letters); Kafka offsets are committed only after it commits. A
 * crash anywhere before the offset commit replays the batch, and the inbox makes the replay a
 * no-op; a crash after it loses nothing because the effects are already in PostgreSQL.
 */
export class InboundConsumer {
  private consumer: Consumer | null = null;
  private healthy = false;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private failedRestarts = 0;
  /** Crashes of the kafkajs consumer, and the new consumers this one started after them. */
  crashes = 0;
  restarts = 0;
  /** Test hooks: `beforeBatch` runs first in every batch, where an error is not one message's. */
  readonly faults: { beforeBatch?(topic: string): void } = {};
  processed = 0;
  deadLettered = 0;
  /** Messages handed to this consumer per topic, redeliveries included (tests: none expected). */
  readonly delivered = new Map<string, number>();

  private readonly subjects: SubjectCheck;

  constructor(private readonly o: InboundConsumerOptions) {
    this.subjects = new SubjectCheck((id) => o.codec.subjectsOf(id));
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.startConsumer();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.healthy = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
  }

  /**
   * Readiness: the consumer is in its group and consuming. False before the first join, after a
   * crash until the consumer is back (kafkajs' own restart, or ours), and after stop().
   */
  isHealthy(): boolean {
    return this.healthy && !this.stopped;
  }

  private async startConsumer(): Promise<void> {
    const { kafka, codec, groupId } = this.o;
    const sessionTimeout = this.o.sessionTimeoutMs ?? 30_000;
    const c = kafka.consumer({
      groupId,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 10)),
      maxBytesPerPartition: 1_048_576,
    });
    this.consumer = c;
    c.on(c.events.GROUP_JOIN, () => {
      if (c !== this.consumer) return;
      this.healthy = true;
      this.failedRestarts = 0;
    });
    c.on(c.events.CRASH, ({ payload }) => this.onCrash(c, payload.error, payload.restart));
    await c.connect();
    for (const r of this.o.routes) await c.subscribe({ topic: codec.topic(r.base), fromBeginning: true });
    await c.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions hold different applications (key = application id): their batches run side by side.
      partitionsConsumedConcurrently: 4,
      eachBatch: (payload) => this.onBatch(c, payload),
    });
  }

  /**
   * kafkajs stops a consumer for good on an error it does not call retriable (a TypeError out of
   * eachBatch, say): every topic and partition of the group then stops while the process lives
   * on. Such a consumer is made anew and started again, with a backoff (1 s doubling to 30 s);
   * one kafkajs restarts itself is left to it. Either way isHealthy() is false until it is back.
   */
  private onCrash(c: Consumer, error: Error, restart: boolean): void {
    if (c !== this.consumer) return;
    this.healthy = false;
    this.crashes++;
    if (this.stopped) return;
    const where = { groupId: this.o.groupId, error: describeChain(error), restart };
    if (restart) {
      this.o.log.error(where, 'inbound consumer crashed; kafkajs restarts it');
      return;
    }
    this.o.log.error(where, 'inbound consumer crashed and kafkajs gives it up; starting a new one');
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = Math.min(30_000, 1_000 * 2 ** Math.min(this.failedRestarts, 5));
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopped) return;
      this.restarts++;
      const old = this.consumer;
      void (async () => {
        try {
          await old?.disconnect().catch(() => undefined);
          if (this.stopped) return;
          await this.startConsumer();
          this.o.log.warn({ groupId: this.o.groupId, restarts: this.restarts }, 'inbound consumer started again');
        } catch (err) {
          this.failedRestarts++;
          this.o.log.error(
            { groupId: this.o.groupId, error: describeError(err), failedRestarts: this.failedRestarts },
            'inbound consumer could not be started again; trying later',
          );
          this.scheduleRestart();
        }
      })();
    }, delay);
  }

  private route(topic: string): InboundRoute {
    const r = this.o.routes.find((x) => this.o.codec.topic(x.base) === topic);
    if (!r) throw new Error(`no route for topic ${topic}`);
    return r;
  }

  /**
   * Bad input is what the bytes themselves make undecodable: no Confluent framing, a schema id
   * the registry does not have or that is not a version of the topic's subject (a record written
   * for another topic), an Avro body that does not read, a value that is not a record. A registry
   * that does not answer is not bad input: the error is thrown and the batch retried, so good
   * messages are never parked.
   */
  private async decode(base: TopicName, topic: string, m: KafkaMessage): Promise<Decoded> {
    const bytes = m.value;
    if (!bytes || bytes.length === 0)
      return {
        ok: false,
        reason: {
          code: 'EMPTY_VALUE',
          text: 'The message has no value (a tombstone or an empty record); producers must send an Avro value.',
        },
      };
    if (bytes.length < 5 || bytes[0] !== 0) {
      return {
        ok: false,
        reason: {
          code: 'UNDECODABLE',
          text: 'The value is not in the Confluent wire format (magic byte 0, 4-byte schema id, Avro body); the producer must encode through the schema registry.',
        },
      };
    }
    const schemaId = bytes.readInt32BE(1);
    try {
      await this.o.codec.registry.getSchema(schemaId);
    } catch (err) {
      const e = err as { status?: number; message?: string };
      if (e.status === 404 || /not found|40403/i.test(e.message ?? '')) {
        return {
          ok: false,
          reason: {
            code: 'UNKNOWN_SCHEMA_ID',
            text: `The schema registry has no schema ${schemaId}. The producer must register its schema (subject <topic>-value) and encode with that id.`,
          },
        };
      }
      // The registry client reports a network failure as an HTTP answer (mappersmith: status 400).
      if ((err as Error).name === 'ResponseError' || isOutage(err)) throw err;
      // An answer, but not an Avro schema this client reads (a JSON or Protobuf schema, say).
      return {
        ok: false,
        reason: {
          code: 'UNDECODABLE',
          text: `The registry's schema ${schemaId} cannot be read as Avro (${describeError(err)}). The producer must encode with this topic's Avro schema.`,
        },
      };
    }
    const subject = valueSubject(topic);
    const verdict = await this.subjects.check(subject, schemaId);
    if (!verdict.belongs) {
      const under = verdict.subjects?.length
        ? ` (it is registered under ${verdict.subjects.slice(0, 3).join(', ')})`
        : '';
      return {
        ok: false,
        reason: {
          code: 'SCHEMA_NOT_OF_TOPIC',
          text: `Schema ${schemaId} is not a version of subject ${subject}${under}: the record was written for another topic. The producer must encode with this topic's schema.`,
        },
      };
    }
    let value: unknown;
    try {
      value = await this.o.codec.decode<unknown>(bytes);
    } catch (err) {
      return {
        ok: false,
        reason: {
          code: 'UNDECODABLE',
          text: `The Avro body does not read with schema ${schemaId}: ${(err as Error).message}. The producer must encode with the schema it names.`,
        },
      };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) {
      return {
        ok: false,
        reason: {
          code: 'NOT_A_RECORD',
          text: `Schema ${schemaId} reads the value as ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}, not a record; the producer must encode with this topic's record schema.`,
        },
      };
    }
    return this.checked(base, value as Record<string, unknown>);
  }

  /** A decoded record: exactly its kind's field set (multi-kind topics), a messageId. */
  private checked(base: TopicName, value: Record<string, unknown>): Decoded {
    try {
      checkKindFields(base, value);
    } catch (err) {
      return { ok: false, reason: reasonOf(err, 'KIND_MISMATCH') };
    }
    if (typeof value.messageId !== 'string' || value.messageId === '') {
      return {
        ok: false,
        reason: {
          code: 'MESSAGE_ID_MISSING',
          text: 'The message has no messageId; every message must carry a unique one.',
          path: 'messageId',
        },
      };
    }
    return { ok: true, value };
  }

  private async onBatch(
    consumer: Consumer,
    { batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload,
  ): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const startedAt = performance.now();
    this.faults.beforeBatch?.(batch.topic);
    const route = this.route(batch.topic);
    this.delivered.set(batch.topic, (this.delivered.get(batch.topic) ?? 0) + batch.messages.length);
    let decoded: Decoded[];
    try {
      decoded = await Promise.all(batch.messages.map((m) => this.decode(route.base, batch.topic, m)));
    } catch (err) {
      throw asOutage(err, `decoding a batch of ${batch.topic}`);
    }
    await heartbeat();
    const attempts = this.o.handlerAttempts ?? 3;
    let counts!: { done: number; dead: number; codes: string[] };
    const { topic, partition, messages } = batch;
    // First the whole batch at once (set-based); if one of its messages fails, the batch runs
    // again message by message, each in a savepoint, so that message alone is parked.
    let isolate = false;
    for (let attempt = 1, conflicts = 0; ;) {
      try {
        counts = isolate
          ? await this.o.db.transaction((tx) =>
              this.applyBatch(tx, route, topic, partition, messages, decoded, heartbeat, {
                attempt,
                final: attempt >= attempts,
              }),
            )
          : await inBatchSpan(topic, partition, messages, () =>
              this.o.db.transaction((tx) =>
                this.applyBatchAtOnce(tx, route, topic, partition, messages, decoded, heartbeat),
              ),
            );
        this.o.metrics?.batchRuns.inc({ topic: route.base, mode: isolate ? 'isolated' : 'at-once' });
        break;
      } catch (err) {
        if (err instanceof NeedsIsolation) {
          this.o.log.debug(
            { topic, partition, error: describeError(err.cause) },
            'a message of the batch failed; running the batch message by message',
          );
          isolate = true;
          continue;
        }
        const where = { topic: batch.topic, partition: batch.partition, attempt, error: describeError(err) };
        // Two partitions' batches may lock the same applications in opposite orders: PostgreSQL
        // breaks the deadlock by failing one, which is then simply run again.
        if (isLockConflict(err) && ++conflicts < 5) {
          this.o.log.warn(where, 'batch transaction lost a lock conflict; running it again');
          await sleep(50 * conflicts);
          continue;
        }
        // An outage: kafkajs runs the batch again (and restarts the consumer) until it passes.
        if (isOutage(err)) throw asOutage(err, `handling a batch of ${batch.topic}`);
        // Not the input's fault as far as we can tell, not an outage: again, a bounded number of
        // times; the last attempt parks the message that keeps failing (HANDLER_FAILED).
        if (attempt >= attempts) {
          this.o.log.error(where, 'batch failed outside any one message, on its last attempt; kafkajs runs it again');
          throw asOutage(err, `handling a batch of ${batch.topic}`);
        }
        this.o.log.warn(where, 'batch failed; running it again');
        attempt++;
        await sleep(100 * attempt);
        await heartbeat();
      }
    }
    const last = batch.messages[batch.messages.length - 1]!;
    // Both: the fetch position (resolveOffset) and the group's committed offset.
    resolveOffset(last.offset);
    await consumer.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
    ]);
    this.processed += counts.done;
    this.deadLettered += counts.dead;
    const metrics = this.o.metrics;
    if (metrics) {
      const base = route.base;
      metrics.batchSize.observe({ topic: base }, batch.messages.length);
      metrics.batchSeconds.observe({ topic: base }, (performance.now() - startedAt) / 1000);
      metrics.handled.inc({ topic: base }, counts.done);
      for (const code of counts.codes) metrics.parked.inc({ topic: base, code });
    }
  }

  /**
   * The batch in one go: one inbox insert for all its messages, one locking read of their
   * applications (id order), every handler against the batch's unit of work in memory, then one
   * write per table. A message that fails (bad input found by its handler, a bug) makes the whole
   * run fail with NeedsIsolation: the transaction rolls back and the batch runs again message by
   * message ({@link applyBatch}). Undecodable messages and messageId conflicts are parked here.
   */
  private async applyBatchAtOnce(
    tx: Knex.Transaction,
    route: InboundRoute,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    decoded: Decoded[],
    heartbeat: () => Promise<void>,
  ): Promise<{ done: number; dead: number; codes: string[] }> {
    try {
      return await this.runAtOnce(tx, route, topic, partition, messages, decoded, heartbeat);
    } catch (err) {
      if (err instanceof NeedsIsolation || isOutage(err) || isLockConflict(err)) throw err;
      throw new NeedsIsolation(err);
    }
  }

  private async runAtOnce(
    tx: Knex.Transaction,
    route: InboundRoute,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    decoded: Decoded[],
    heartbeat: () => Promise<void>,
  ): Promise<{ done: number; dead: number; codes: string[] }> {
    const digests = messages.map((m, i) => (decoded[i]!.ok ? messageDigest(topic, m.value!) : null));
    // The first message under each messageId in the batch; a later one is a redelivery or a conflict.
    const firstOf = new Map<string, InboxEntry>();
    decoded.forEach((d, i) => {
      if (!d.ok) return;
      const messageId = d.value.messageId as string;
      if (!firstOf.has(messageId))
        firstOf.set(messageId, { messageId, topic, partition, offset: messages[i]!.offset, digest: digests[i]! });
    });
    const fresh = await recordInboxEntries(tx, [...firstOf.values()]);
    const before = await selectInboxEntries(
      tx,
      [...firstOf.keys()].filter((id) => !fresh.has(id)),
    );
    const work = new SagaWork(tx, this.o.timers);
    await work.preload(decoded.flatMap((d) => (d.ok ? namedApplications(d.value) : [])));
    let done = 0;
    let dead = 0;
    const codes: string[] = [];
    for (let i = 0; i < messages.length; i++) {
      if (i > 0 && i % 100 === 0) await heartbeat();
      const m = messages[i]!;
      const d = decoded[i]!;
      await inMessageSpan({ topic, partition, offset: m.offset, headers: m.headers }, async (span) => {
        let reason: DeadLetterReason | null = d.ok ? null : d.reason;
        if (d.ok) {
          const messageId = d.value.messageId as string;
          const first = firstOf.get(messageId)!;
          if (first.offset === m.offset && fresh.has(messageId)) {
            try {
              const key = m.key?.toString() ?? null;
              await route.handle({
                base: route.base,
                topic,
                partition,
                offset: m.offset,
                key,
                value: d.value,
                tx,
                work,
              });
              done++;
            } catch (err) {
              if (isOutage(err) || isLockConflict(err)) throw err;
              throw new NeedsIsolation(err);
            }
          } else {
            // Seen before this batch: every copy is compared with the inbox row (the first consumption);
            // first consumed in this batch: a later copy is compared with that one.
            const earlier = fresh.has(messageId) ? first : before.get(messageId)!;
            if (!sameMessage(earlier, digests[i]!)) reason = inputErrorReason(messageIdConflict(earlier));
          }
        }
        if (reason) span.setAttribute('adapter.parked', reason.code);
        if (reason && (await this.park(tx, route.base, topic, partition, m, d, reason, { attempt: 1, final: false }))) {
          dead++;
          codes.push(reason.code);
        }
      });
    }
    await work.flush();
    return { done, dead, codes };
  }

  private async applyBatch(
    tx: Knex.Transaction,
    route: InboundRoute,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    decoded: Decoded[],
    heartbeat: () => Promise<void>,
    run: { attempt: number; final: boolean },
  ): Promise<{ done: number; dead: number; codes: string[] }> {
    let done = 0;
    let dead = 0;
    const codes: string[] = [];
    for (let i = 0; i < messages.length; i++) {
      if (i > 0 && i % 100 === 0) await heartbeat();
      const m = messages[i]!;
      const d = decoded[i]!;
      // The trace context of the record's headers: the outbox rows (and a dead letter) written
      // for it carry it on (see trace-context.ts).
      await inMessageSpan({ topic, partition, offset: m.offset, headers: m.headers }, async (span) => {
        let reason: DeadLetterReason | null = d.ok ? null : d.reason;
        if (d.ok) {
          try {
            // A savepoint holds the inbox row and the effects: a rejected message leaves neither
            // behind, so the same message replayed from the DLQ after a fix is processed anew.
            const fresh = await tx.transaction(async (sp) => {
              const messageId = d.value.messageId as string;
              const digest = messageDigest(topic, m.value!);
              if (!(await recordInboxEntry(sp, { messageId, topic, partition, offset: m.offset, digest }))) {
                // Seen before: the same message again changes nothing; another one under its id is
                // parked, never dropped in silence.
                const first = await selectInboxEntry(sp, messageId);
                if (sameMessage(first, digest)) return false;
                throw messageIdConflict(first);
              }
              const work = new SagaWork(sp, this.o.timers);
              await route.handle({
                base: route.base,
                topic,
                partition,
                offset: m.offset,
                key: m.key?.toString() ?? null,
                value: d.value,
                tx: sp,
                work,
              });
              await work.flush();
              return true;
            });
            if (fresh) done++;
          } catch (err) {
            if (isOutage(err)) throw err;
            reason = inputErrorReason(err) ?? (run.final ? handlerFailureReason(err, run.attempt) : null);
            if (!reason) throw err;
          }
        }
        if (reason) span.setAttribute('adapter.parked', reason.code);
        if (reason && (await this.park(tx, route.base, topic, partition, m, d, reason, run))) {
          dead++;
          codes.push(reason.code);
        }
      });
    }
    return { done, dead, codes };
  }

  /**
   * Parks a message on `<topic>.dlq` through the outbox, once per (topic, partition, offset). On
   * the last attempt, a dead letter that cannot be written (a header PostgreSQL refuses, a bug)
   * is written again without the original record's key, value and headers, which stay on the
   * topic until its retention ends: the partition goes on either way.
   */
  private async park(
    tx: Knex.Transaction,
    base: TopicName,
    topic: string,
    partition: number,
    m: KafkaMessage,
    d: Decoded,
    reason: DeadLetterReason,
    run: { attempt: number; final: boolean },
  ): Promise<boolean> {
    // One dead letter per (topic, partition, offset), however often the batch is redelivered.
    const first = await recordInboxEntry(tx, {
      messageId: `dead-letter:${topic}/${partition}/${m.offset}`,
      topic,
      partition,
      offset: m.offset,
    });
    if (!first) return false;
    try {
      await tx.transaction((sp) => this.writeDeadLetter(sp, base, topic, partition, m, d, reason, run.attempt));
    } catch (err) {
      if (isOutage(err) || !run.final) throw err;
      const where = { topic, partition, offset: m.offset, code: reason.code, error: describeError(err) };
      this.o.log.error(where, 'the dead letter could not be written whole; writing it without the original record');
      const bare = { ...m, key: null, value: null, headers: {} } as KafkaMessage;
      const text =
        `${reason.text} This dead letter could not carry the original record (${describeError(err)}): it is ` +
        `on ${topic} at ${partition}/${m.offset} until the topic's retention ends.`;
      await this.writeDeadLetter(tx, base, topic, partition, bare, d, { ...reason, text }, run.attempt);
    }
    this.o.log.warn(
      { topic, partition, offset: m.offset, code: reason.code, reason: reason.text },
      'input parked on the dead-letter topic',
    );
    return true;
  }

  private async writeDeadLetter(
    tx: Knex.Transaction,
    base: TopicName,
    topic: string,
    partition: number,
    m: KafkaMessage,
    d: Decoded,
    reason: DeadLetterReason,
    attempts: number,
  ): Promise<void> {
    const correlationId =
      d.ok && typeof d.value.correlationId === 'string' ? d.value.correlationId : `${topic}/${partition}/${m.offset}`;
    const letter = deadLetterFor(base, topic, partition, m, reason, {
      messageId: randomUUID(),
      correlationId,
      occurredAt: new Date().toISOString(),
      consumerGroup: this.o.groupId,
      originalMessageId: d.ok ? (d.value.messageId as string) : null,
    });
    const fitted = fitDeadLetter(
      base,
      { ...letter, value: { ...letter.value, attempts } },
      m,
      this.o.deadLetterMaxInlineBytes ?? DEFAULT_DLQ_MAX_INLINE_BYTES,
    );
    if (fitted.stored) await insertDeadLetterPayload(tx, fitted.stored);
    await insertOutboxMessages(tx, [fitted.message]);
  }
}

export { inputErrorReason } from './failures.js';
