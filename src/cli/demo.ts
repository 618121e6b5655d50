/**
 * `demo [--size N] [--speed X] [--timeout S] [--uncollected]`: the whole system as `start` runs
 * it, on a clock X times faster (default 3000: a working week in about a minute), and N
 * applications (default 200) on every channel filed at 9:00 of the next working morning, with
 * the PSC counter played here. A progress line while they run; at the end (every application at
 * its final stage, or the timeout) a report in demo-report/index.html, then the ordered stop.
 * `--uncollected` leaves some PSC results uncollected for a month (returned to the college, then
 * requested back): a month of the clock more.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  finalStage,
  clockNow,
  nextWorkingMorning,
  plannedApplications,
  startFeeder,
  untilClock,
  type Planned,
} from '../local/demo/generator.js';
import { progressLine, startStageMonitor } from '../local/demo/progress.js';
import { buildReport } from '../local/demo/report.js';
import { readChartJsBundle } from '../ops/console/assets.js';
import type { AppConfig } from '../platform/config/schema.js';
import { createLogger, type Logger } from '../platform/logging/logger.js';
import { orderedStopSignals } from './signals.js';
import { startSystem, type RunningSystem } from './start.js';

export const DEMO_USAGE = 'demo [--size N] [--speed X] [--timeout seconds] [--uncollected] [--out dir]';

export interface DemoOptions {
  size: number;
  speed: number;
  timeoutS: number;
  uncollected: boolean;
  /** Where index.html goes (default demo-report). */
  out: string;
}

export function demoOptions(args: string[]): DemoOptions {
  const o: DemoOptions = { size: 200, speed: 3000, timeoutS: 1800, uncollected: false, out: 'demo-report' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = () => {
      const v = Number(args[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} wants a positive number; usage: ${DEMO_USAGE}`);
      return v;
    };
    if (a === '--size') o.size = Math.floor(num());
    else if (a === '--speed') o.speed = num();
    else if (a === '--timeout') o.timeoutS = num();
    else if (a === '--uncollected') o.uncollected = true;
    else if (a === '--out' && args[i + 1]) o.out = args[++i]!;
    else throw new Error(`unknown argument ${a}; usage: ${DEMO_USAGE}`);
  }
  return o;
}

export async function runDemo(base: AppConfig, _log: Logger, args: string[]): Promise<void> {
  const opts = demoOptions(args);
  // The stand-ins read the clock's speed from the environment; the system's log stays quiet
  // (errors only) so that the progress line can be read.
  process.env.CLOCK_SPEED = String(opts.speed);
  process.env.LOG_LEVEL ??= 'error';
  const log = createLogger({ level: process.env.LOG_LEVEL, format: base.log.format, name: `${base.serviceName}-demo` });
  // The identity policy's waits are on the service clock: scaled so that the gateway stub gets the
  // same real time to answer as at speed 1 (else every request times out and IDENTITY_FAILED first).
  const identity = {
    ...base.identity,
    responseTimeoutMs: base.identity.responseTimeoutMs * opts.speed,
    minBackoffMs: base.identity.minBackoffMs * opts.speed,
    maxBackoffMs: base.identity.maxBackoffMs * opts.speed,
  };
  const config: AppConfig = { ...base, identity, clock: { ...base.clock, speed: opts.speed } };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const signals = orderedStopSignals(() => process.exit(130));
  out(`demo: starting the system (clock ${opts.speed} times faster, ${opts.size} applications)...`);
  const system = await startSystem(config, log, true);
  try {
    await play(system, opts, log, out, signals.first);
  } finally {
    out('demo: stopping the system...');
    await system.stop();
    signals.dispose();
    out('demo: stopped');
  }
}

async function play(
  system: RunningSystem,
  opts: DemoOptions,
  log: Logger,
  out: (line: string) => void,
  stopRequested: Promise<unknown>,
): Promise<void> {
  const effective = system.config;
  let apps: Planned[] = [];
  const monitor = await startStageMonitor(effective, log);
  const feeder = await startFeeder(effective, log, () => apps);
  try {
    const filedAt = nextWorkingMorning(effective, system.adapter.calendars.current());
    out(`demo: system running; filing ${opts.size} applications at ${filedAt} (service clock)`);
    await untilClock(effective, filedAt);
    apps = plannedApplications(effective, opts.size, filedAt, opts.uncollected ? 10 : 0);
    const startedAtMs = Date.now();
    await feeder.file(apps);
    const finals = new Map(apps.map((a) => [a.id, finalStage(a)]));
    const ids = apps.map((a) => a.id);
    const done = () => {
      const at = new Set<string>();
      for (const r of monitor.records) if (finals.get(r.applicationId) === r.stage) at.add(r.applicationId);
      return at.size;
    };
    const tty = process.stdout.isTTY === true;
    const deadline = startedAtMs + opts.timeoutS * 1000;
    let lastCount = 0;
    let lastAt = Date.now();
    let lastLog = 0;
    let stopped = false;
    void stopRequested.then(() => (stopped = true));
    let complete = false;
    while (!stopped && Date.now() < deadline) {
      await sleep(1000);
      const dlq = (await system.adapter.metrics.parked.get()).values.reduce((s, v) => s + v.value, 0);
      const mine = monitor.records.filter((r) => finals.has(r.applicationId));
      const now = Date.now();
      const line = progressLine({
        records: mine,
        ids,
        done: done(),
        clock: clockNow(effective),
        recentPerSecond: ((mine.length - lastCount) * 1000) / (now - lastAt),
        dlq,
      });
      if (tty) process.stdout.write(`\r\x1b[2K${line}`);
      else if (now - lastLog >= 5000) {
        out(line);
        lastLog = now;
      }
      if (tty || now === lastLog) {
        lastCount = mine.length;
        lastAt = now;
      }
      if (done() === apps.length) {
        complete = true;
        break;
      }
    }
    if (tty) out('');
    const endedAtMs = Date.now();
    const calendar = system.adapter.calendars.current();
    const chartJs = readChartJsBundle();
    const html = buildReport({
      records: monitor.records.filter((r) => finals.has(r.applicationId)),
      size: apps.length,
      speed: opts.speed,
      startedAtMs,
      endedAtMs,
      complete,
      workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
      chartJs,
    });
    const dir = resolve(opts.out);
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, 'index.html');
    writeFileSync(file, html);
    out(
      `demo: ${complete ? 'every application at its final stage' : 'stopped before every application finished'}; report: ${file}`,
    );
    if (process.env.DISPLAY) execFile('xdg-open', [file], () => undefined).unref();
  } finally {
    await feeder.stop();
    await monitor.stop();
  }
}
