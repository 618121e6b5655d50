/**
 * Cost of pending timers on this machine: N timers scheduled in the future (none due), then
 *   - countPendingTimers, timed 20 times;
 *   - the worker's poll for a due job (graphile-worker's get_job statement), timed on every poll
 *     of a worker that runs for a few seconds with a 100 ms poll interval.
 * Only PostgreSQL is started (embedded). Usage: npx tsx test/bench/timer-poll.ts [N] (default 100000).
 * Results go to docs/benchmarks.md by hand.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { run } from 'graphile-worker';
import { createClock } from '../../src/platform/clock/clock.js';
import { connect, runtimeUrl } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { startPostgres } from '../../src/local/infra/postgres.js';
import { countPendingTimers, scheduleTimers, type TimerRequest } from '../../src/timers/timer-queue.js';

const N = Number(process.argv[2] ?? 100_000);
const schema = `bench_${randomBytes(3).toString('hex')}`;
const ctx = { schema, runtimeRole: 'tvet_runtime_bench', runtimePassword: 'bench', timersSchema: `${schema}_timers` };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const postgres = await startPostgres();
const owner = connect({ url: postgres.url, schema });
await migrateToLatest(owner, ctx);
const url = runtimeUrl(postgres.url, ctx.runtimeRole, ctx.runtimePassword);
const db = connect({ url, schema });
const clock = createClock({ startAt: '', anchorAt: '', speed: 1 });

const t0 = performance.now();
for (let i = 0; i < N; i += 1000) {
  const batch: TimerRequest[] = [];
  for (let j = i; j < Math.min(N, i + 1000); j++) {
    // Spread over the next 30 days, as SLA and deadline timers would be.
    const runAt = new Date(clock.now().getTime() + 3_600_000 + (j % 30) * 86_400_000 + j);
    batch.push({ task: 'sla-check', key: `sla:APP-${j}`, runAt, payload: { applicationId: `APP-${j}` } });
  }
  await db.transaction((tx) => scheduleTimers(tx, ctx.timersSchema, clock, batch));
}
const scheduleMs = performance.now() - t0;
await owner.raw(`ANALYZE ${ctx.timersSchema}._private_jobs`);

const counts: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  const n = await countPendingTimers(db, ctx.timersSchema);
  counts.push(performance.now() - t);
  if (n !== N) throw new Error(`expected ${N} pending, counted ${n}`);
}

// The worker's own poll: time every get_job statement its pool runs.
const polls: number[] = [];
const pool = new pg.Pool({ connectionString: url, max: 4 });
pool.on('error', () => undefined);
pool.on('connect', (client) => {
  client.on('error', () => undefined);
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
    const cfg = args[0] as { name?: string } | string;
    const timed = typeof cfg === 'object' && cfg?.name?.startsWith('get_job');
    const t = performance.now();
    try {
      return await query(...args);
    } finally {
      if (timed) polls.push(performance.now() - t);
    }
  };
});
const runner = await run({
  pgPool: pool,
  schema: ctx.timersSchema,
  concurrency: 1,
  pollInterval: 100,
  noHandleSignals: true,
  taskList: { 'sla-check': async () => undefined },
  parsedCronItems: [],
  logger: new (await import('graphile-worker')).Logger(() => () => undefined),
});
await sleep(5_000);
await runner.stop();
await pool.end();

console.log(`pending timers: ${N}`);
console.log(
  `scheduleTimers, lists of 1000 in one transaction each: ${(scheduleMs / 1000).toFixed(1)} s ` +
    `(${Math.round(N / (scheduleMs / 1000))} timers/s)`,
);
console.log(`countPendingTimers: median ${ms(median(counts))}, p95 ${ms(p95(counts))} (20 runs)`);
console.log(
  `worker poll (get_job, nothing due): median ${ms(median(polls))}, p95 ${ms(p95(polls))} (${polls.length} polls)`,
);

await db.destroy();
await owner.destroy();
await postgres.stop();
