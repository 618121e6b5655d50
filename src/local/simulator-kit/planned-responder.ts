/**
 * The shape both simulators share: a Kafka participant with its own consumer group that reads one
 * topic of the contract and, for each case it reads (an application, an order), publishes a
 * planned series of answers on another topic, each when the adapter's clock reaches its instant.
 *
 * - The plan is a pure function of the message and the configuration (the simulators' planners),
 *   so the same case always gets the same answers with the same message ids.
 * - Answers of one case are published one after the other, in plan order, keyed by the contract's
 *   key rule (so they share a partition and keep their order).
 * - A case already planned in this run (a redelivery, a re-send with a new messageId) is not
 *   planned again.
 * - Offsets are committed only when every answer of a message is published (PendingOffsets): a
 *   restart reads the unfinished messages again and re-sends their answers, the ones already sent
 *   with the same message ids (duplicates the adapter's inbox ignores).
 * - A send that fails is retried with backoff until it succeeds or the simulator stops.
 * - Every answer carries the `traceparent` and `tracestate` headers of the message it answers, so
 *   the trace goes on through the stand-in as through a partner taking part in it.
 *
 * A test double: no DLQ, no database. Logs carry ids, kinds and instants only, never personal data.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Partitioners, type KafkaMessage } from 'kafkajs';
import { checkKindFields } from '../../contract/kinds.js';
import { millisToInstant } from '../../contract/logical-types.js';
import { messageKey } from '../../contract/message-key.js';
import type { MessageByTopic } from '../../contract/messages.js';
import { topicSchema } from '../../contract/schemas.js';
import type { TopicName } from '../../contract/topics.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/schema.js';
import type { Logger } from '../../platform/logging/logger.js';
import { connectMessaging } from '../../platform/messaging/bootstrap.js';
import { copyTraceHeaders } from '../../platform/observability/trace-context.js';
import { waitUntil } from './clock-wait.js';
import { PendingOffsets } from './pending-offsets.js';
import { copySimulatorStats, countIn, emptySimulatorStats, type SimulatorStats } from './stats.js';

/** One answer: published when the clock reads `at` (epoch ms). */
export interface PlannedStep<V> {
  readonly at: number;
  /** The kind of the answer, for the stats and the log. */
  readonly label: string;
  readonly value: V;
}

/** What to do with one consumed message. */
export type Plan<V> =
  | {
      readonly kind: 'PLAN';
      /** The case: a second message with the same id in this run is not planned again. */
      readonly caseId: string;
      /** The path drawn (counted in stats.paths). */
      readonly path: string;
      readonly steps: ReadonlyArray<PlannedStep<V>>;
      /** Ids for the log (never personal data). */
      readonly logIds: Record<string, unknown>;
    }
  | { readonly kind: 'SKIP'; readonly reason: string; readonly logIds: Record<string, unknown> }
  /** Information that asks for no answer: counted, committed, nothing planned. */
  | { readonly kind: 'NOTE'; readonly reason: string; readonly logIds: Record<string, unknown> };

export interface ResponderSpec<I extends TopicName, O extends TopicName> {
  /** e.g. "college-simulator": the client id suffix, the consumer group suffix, the log's words. */
  readonly name: string;
  readonly inTopic: I;
  readonly outTopic: O;
  readonly clock: Clock;
  plan(value: MessageByTopic[I]): Plan<MessageByTopic[O]>;
}

export interface PlannedResponder {
  stop(): Promise<void>;
  stats(): SimulatorStats;
  /** Full names of the topics it consumes and answers on. */
  readonly inTopic: string;
  readonly outTopic: string;
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function startPlannedResponder<I extends TopicName, O extends TopicName>(
  config: AppConfig,
  log: Logger,
  spec: ResponderSpec<I, O>,
): Promise<PlannedResponder> {
  const c = config.clock;
  if ((c.startAt || c.speed !== 1) && !c.anchorAt) {
    log.warn(
      { clock: c },
      `${spec.name}: the clock is shifted or accelerated without CLOCK_ANCHOR_AT, so it starts when this process ` +
        'does and disagrees with the adapter; give every process of the run the same CLOCK_ANCHOR_AT',
    );
  }
  const { kafka, codec } = await connectMessaging(config, log, `-${spec.name}`);
  const inTopic = codec.topic(spec.inTopic);
  const outTopic = codec.topic(spec.outTopic);
  const outType = topicSchema(spec.outTopic).type;
  const stats = emptySimulatorStats();
  const offsets = new PendingOffsets();
  const planned = new Set<string>();
  const chains = new Set<Promise<void>>();
  const abort = new AbortController();
  // Not idempotent, like the gateway stub: a re-send is harmless (same messageId, the adapter deduplicates).
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${config.kafka.groupId}-${spec.name}` });

  async function commit(partition: number, offset: string): Promise<void> {
    const next = offsets.done(partition, offset);
    if (next === null) return;
    try {
      await consumer.commitOffsets([{ topic: inTopic, partition, offset: next }]);
    } catch (err) {
      // A rebalance or a stop in between: the messages are read again and answered with the same ids.
      offsets.forget(partition);
      log.warn({ topic: inTopic, partition, offset: next, err: errorText(err) }, `${spec.name}: offset commit failed`);
    }
  }

  async function publish(
    step: PlannedStep<MessageByTopic[O]>,
    ids: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<void> {
    const value = step.value;
    // A value the schema refuses is a bug of the planner, not a transient failure: never retried.
    const problems: string[] = [];
    outType.isValid(value, { errorHook: (path) => problems.push(path.join('.') || '(root)') });
    if (problems.length > 0)
      throw new Error(`planned ${step.label} does not match the schema at ${problems.join(', ')}`);
    checkKindFields(spec.outTopic, value as unknown as Record<string, unknown>);
    for (let attempt = 0; ; attempt += 1) {
      abort.signal.throwIfAborted();
      try {
        await producer.send({
          topic: outTopic,
          messages: [{ key: messageKey(spec.outTopic, value), value: await codec.encode(outTopic, value), headers }],
        });
        return;
      } catch (err) {
        stats.publishRetries += 1;
        const waitMs = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.min(attempt, 10));
        log.warn({ ...ids, kind: step.label, attempt, err: errorText(err) }, `${spec.name}: send failed; retrying`);
        await sleep(waitMs, undefined, { signal: abort.signal });
      }
    }
  }

  async function run(
    plan: Extract<Plan<MessageByTopic[O]>, { kind: 'PLAN' }>,
    partition: number,
    offset: string,
    headers: Record<string, string>,
  ): Promise<void> {
    try {
      for (const step of plan.steps) {
        await waitUntil(spec.clock, step.at, abort.signal);
        await publish(step, plan.logIds, headers);
        countIn(stats.published, step.label);
        log.debug({ ...plan.logIds, kind: step.label, at: millisToInstant(step.at) }, `${spec.name}: published`);
      }
      await commit(partition, offset);
      stats.pending -= 1;
    } catch (err) {
      if (abort.signal.aborted) return;
      stats.pending -= 1;
      stats.invalid += 1;
      log.error({ ...plan.logIds, err: errorText(err) }, `${spec.name}: plan abandoned (a bug of the simulator)`);
      await commit(partition, offset);
    }
  }

  async function handle(partition: number, message: KafkaMessage): Promise<void> {
    // Stopping: left uncommitted, read again after the next start.
    if (abort.signal.aborted) return;
    const at = { topic: inTopic, partition, offset: message.offset };
    stats.received += 1;
    offsets.begin(partition, message.offset);
    let value: MessageByTopic[I];
    try {
      if (!message.value) throw new Error('the message has no value (tombstone)');
      value = await codec.decode<MessageByTopic[I]>(message.value);
    } catch (err) {
      stats.undecodable += 1;
      log.warn({ ...at, err: errorText(err) }, `${spec.name}: message cannot be decoded; skipped`);
      return commit(partition, message.offset);
    }
    let plan: Plan<MessageByTopic[O]>;
    try {
      plan = spec.plan(value);
    } catch (err) {
      stats.invalid += 1;
      log.warn({ ...at, err: errorText(err) }, `${spec.name}: message cannot be answered; skipped`);
      return commit(partition, message.offset);
    }
    if (plan.kind === 'NOTE') {
      stats.noted += 1;
      log.debug({ ...at, ...plan.logIds, reason: plan.reason }, `${spec.name}: noted; nothing to answer`);
      return commit(partition, message.offset);
    }
    if (plan.kind === 'SKIP') {
      stats.invalid += 1;
      log.warn({ ...at, ...plan.logIds, reason: plan.reason }, `${spec.name}: message skipped`);
      return commit(partition, message.offset);
    }
    if (planned.has(plan.caseId)) {
      stats.redelivered += 1;
      log.debug({ ...at, ...plan.logIds }, `${spec.name}: already planned in this run; not planned again`);
      return commit(partition, message.offset);
    }
    planned.add(plan.caseId);
    stats.planned += 1;
    stats.pending += 1;
    countIn(stats.paths, plan.path);
    log.debug(
      { ...at, ...plan.logIds, path: plan.path, steps: plan.steps.map((s) => s.label) },
      `${spec.name}: planned`,
    );
    const chain = run(plan, partition, message.offset, copyTraceHeaders(message.headers));
    chains.add(chain);
    void chain.finally(() => chains.delete(chain));
  }

  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: inTopic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => handle(partition, message),
  });

  let stopping: Promise<void> | undefined;
  return {
    inTopic,
    outTopic,
    stats: () => copySimulatorStats(stats),
    stop: () => {
      stopping ??= (async () => {
        // Waiting plans end at once; a send in flight completes, and a finished plan commits its offset,
        // while the consumer is still a member of the group.
        abort.abort(new Error(`${spec.name} stopped`));
        await Promise.allSettled([...chains]);
        await consumer.disconnect();
        await producer.disconnect();
      })();
      return stopping;
    },
  };
}
