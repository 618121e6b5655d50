/**
 * The adapter's metrics in the Prometheus format (prom-client): what the pipeline counts as it
 * works (batches, messages handled and parked, relay batches, stages published) and what is read
 * when scraped (consumer lag, outbox backlog, open applications, SLA signals, pending timers).
 * One registry per adapter, so several adapters in one process (tests) do not share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface PipelineMetrics {
  readonly registry: Registry;
  /** Inbound batches: size and time from decode to offset commit, per topic. */
  batchSize: Histogram<'topic'>;
  batchSeconds: Histogram<'topic'>;
  /** Inbound batch runs that committed: all at once, or message by message after one failed. */
  batchRuns: Counter<'topic' | 'mode'>;
  /** Messages applied, per topic; parked on the DLQ, per topic and error code. */
  handled: Counter<'topic'>;
  parked: Counter<'topic' | 'code'>;
  /** Relay batches: duration; records published per topic; stages per code. */
  relayBatchSeconds: Histogram;
  published: Counter<'topic'>;
  stages: Counter<'stage'>;
}

const BATCH_SIZES = [1, 5, 10, 25, 50, 100, 250, 500, 1000];
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(prefix = 'tvet_'): PipelineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];
  return {
    registry,
    batchSize: new Histogram({
      name: `${prefix}inbound_batch_size`,
      help: 'Messages per inbound batch',
      labelNames: ['topic'],
      buckets: BATCH_SIZES,
      registers,
    }),
    batchSeconds: new Histogram({
      name: `${prefix}inbound_batch_duration_seconds`,
      help: 'Inbound batch from decoding to the offset commit',
      labelNames: ['topic'],
      buckets: SECONDS,
      registers,
    }),
    batchRuns: new Counter({
      name: `${prefix}inbound_batch_runs_total`,
      help: 'Inbound batches committed, by mode: at-once (set-based) or isolated (message by message after a failure)',
      labelNames: ['topic', 'mode'],
      registers,
    }),
    handled: new Counter({
      name: `${prefix}inbound_messages_handled_total`,
      help: 'Inbound messages applied (a redelivered duplicate, a no-op for the inbox, is not counted)',
      labelNames: ['topic'],
      registers,
    }),
    parked: new Counter({
      name: `${prefix}inbound_messages_parked_total`,
      help: 'Inbound messages parked on the dead-letter topic, by error code',
      labelNames: ['topic', 'code'],
      registers,
    }),
    relayBatchSeconds: new Histogram({
      name: `${prefix}relay_batch_duration_seconds`,
      help: 'Outbox relay batch from the select to marking it published',
      buckets: SECONDS,
      registers,
    }),
    published: new Counter({
      name: `${prefix}relay_records_published_total`,
      help: 'Records the outbox relay published, per topic',
      labelNames: ['topic'],
      registers,
    }),
    stages: new Counter({
      name: `${prefix}stages_published_total`,
      help: 'Monitoring stages published, per stage code',
      labelNames: ['stage'],
      registers,
    }),
  };
}

/** A gauge whose values are read when scraped (a query, the broker); a failed read leaves it empty. */
export function scrapedGauge<L extends string>(
  metrics: PipelineMetrics,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => Promise<Array<{ labels: Partial<Record<L, string | number>>; value: number }>>,
  onError: (err: unknown) => void,
): Gauge<L> {
  return new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      try {
        for (const { labels, value } of await read()) this.set(labels, value);
      } catch (err) {
        onError(err);
      }
    },
  });
}
