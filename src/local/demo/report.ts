/**
 * The demo's report: a pure function from the monitoring stages the demo collected to one HTML
 * page (counts per stage and channel, the time to each stage in working days against its legal
 * deadline, SLA outcomes, throughput and latency in real seconds), with Chart.js inlined (its UMD
 * build, passed in as text) for the charts. No personal data: monitoring messages carry none.
 */
import escapeHtml from 'escape-html';
import { almatyDate } from '../../core/calendar/index.js';

/** One monitoring message as the demo received it. */
export interface StageRecord {
  applicationId: string;
  stage: string;
  channel: string;
  /** Instant on the service's clock. */
  occurredAt: string;
  stageDeadline: string | null;
  slaStatus: string;
  /** Real epoch ms when the demo read it. */
  receivedAtMs: number;
}

export interface ReportInput {
  records: readonly StageRecord[];
  /** How many applications the demo filed. */
  size: number;
  speed: number;
  /** Real epoch ms: the first application sent, the end of the run. */
  startedAtMs: number;
  endedAtMs: number;
  /** True when every application reached its final stage (false: the run timed out). */
  complete: boolean;
  /** Working days d with from < d <= to (dates YYYY-MM-DD): the calendar's workingDaysBetween. */
  workingDaysBetween(from: string, to: string): number;
  /** Chart.js UMD source, inlined in a script element. */
  chartJs: string;
}

export interface StageTiming {
  stage: string;
  /** Applications reaching the stage (first time), by working days since the application's first stage. */
  distribution: Record<number, number>;
  /** Working days from the first stage to the stage's deadline (median over applications), null: none. */
  deadlineDays: number | null;
  late: number;
}

export interface ReportSummary {
  size: number;
  applications: number;
  /** Distinct applications reaching each stage, by channel. */
  counts: Record<string, Record<string, number>>;
  /** Applications by their last stage (SLA signals aside). */
  finalStages: Record<string, number>;
  timings: StageTiming[];
  /** SLA signals (SLA_AT_RISK, SLA_BREACHED) by count, and last slaStatus of each application. */
  slaSignals: Record<string, number>;
  slaStatus: Record<string, number>;
  stagesPerSecond: number;
  realSeconds: number;
  /** Real seconds from an application's first stage read to its last. */
  latency: { min: number; median: number; p90: number; max: number };
  complete: boolean;
}

const inc = (o: Record<string, number>, k: string | number, by = 1) => {
  o[k] = (o[k] ?? 0) + by;
};

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function summarize(input: Omit<ReportInput, 'chartJs'>): ReportSummary {
  const byApp = new Map<string, StageRecord[]>();
  for (const r of input.records) {
    const list = byApp.get(r.applicationId) ?? [];
    list.push(r);
    byApp.set(r.applicationId, list);
  }
  const counts: Record<string, Record<string, number>> = {};
  const finalStages: Record<string, number> = {};
  const slaSignals: Record<string, number> = {};
  const slaStatus: Record<string, number> = {};
  const timing = new Map<string, { distribution: Record<number, number>; deadlines: number[]; late: number }>();
  const latencies: number[] = [];
  for (const list of byApp.values()) {
    list.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    const first = list[0]!;
    const start = almatyDate(first.occurredAt);
    const seen = new Set<string>();
    for (const r of list) {
      if (r.stage.startsWith('SLA_')) {
        inc(slaSignals, r.stage);
        continue;
      }
      if (seen.has(r.stage)) continue;
      seen.add(r.stage);
      (counts[r.stage] ??= {})[r.channel] = (counts[r.stage]![r.channel] ?? 0) + 1;
      const t = timing.get(r.stage) ?? { distribution: {}, deadlines: [], late: 0 };
      inc(t.distribution, input.workingDaysBetween(start, almatyDate(r.occurredAt)));
      if (r.stageDeadline) {
        t.deadlines.push(input.workingDaysBetween(start, almatyDate(r.stageDeadline)));
        if (Date.parse(r.occurredAt) > Date.parse(r.stageDeadline)) t.late += 1;
      }
      timing.set(r.stage, t);
    }
    const last = list.filter((r) => !r.stage.startsWith('SLA_')).at(-1);
    if (last) {
      inc(finalStages, last.stage);
      inc(slaStatus, last.slaStatus);
    }
    const real = list.map((r) => r.receivedAtMs);
    latencies.push((Math.max(...real) - Math.min(...real)) / 1000);
  }
  latencies.sort((a, b) => a - b);
  const realSeconds = Math.max(0.001, (input.endedAtMs - input.startedAtMs) / 1000);
  return {
    size: input.size,
    applications: byApp.size,
    counts,
    finalStages,
    timings: [...timing].map(([stage, t]) => {
      const d = [...t.deadlines].sort((a, b) => a - b);
      return { stage, distribution: t.distribution, deadlineDays: d.length ? quantile(d, 0.5) : null, late: t.late };
    }),
    slaSignals,
    slaStatus,
    stagesPerSecond: input.records.length / realSeconds,
    realSeconds,
    latency: {
      min: latencies[0] ?? 0,
      median: quantile(latencies, 0.5),
      p90: quantile(latencies, 0.9),
      max: latencies.at(-1) ?? 0,
    },
    complete: input.complete,
  };
}

const e = (v: unknown) => escapeHtml(String(v));
/** JSON inside a script element: no "</script>" can close it early. */
const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

function table(head: string[], rows: (string | number)[][]): string {
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** The report page. */
export function buildReport(input: ReportInput): string {
  const s = summarize(input);
  const channels = [...new Set(Object.values(s.counts).flatMap((c) => Object.keys(c)))].sort();
  const countRows = Object.entries(s.counts).map(([stage, c]) => [
    stage,
    ...channels.map((ch) => c[ch] ?? 0),
    Object.values(c).reduce((a, b) => a + b, 0),
  ]);
  const timingRows = s.timings.map((t) => {
    const days = Object.entries(t.distribution).flatMap(([d, n]) => Array<number>(n).fill(Number(d)));
    days.sort((a, b) => a - b);
    return [t.stage, quantile(days, 0.5), quantile(days, 0.9), days.at(-1) ?? 0, t.deadlineDays ?? '—', t.late];
  });
  const maxDays = Math.max(0, ...s.timings.flatMap((t) => Object.keys(t.distribution).map(Number)));
  const dayLabels = Array.from({ length: maxDays + 1 }, (_, i) => i);
  const charts = {
    counts: {
      type: 'bar',
      data: {
        labels: Object.keys(s.counts),
        datasets: channels.map((ch) => ({ label: ch, data: Object.values(s.counts).map((c) => c[ch] ?? 0) })),
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } },
    },
    timings: {
      type: 'bar',
      data: {
        labels: s.timings.map((t) => t.stage),
        datasets: [
          { label: 'median working days', data: timingRows.map((r) => r[1]) },
          { label: 'max working days', data: timingRows.map((r) => r[3]) },
          { label: 'legal deadline (working days)', data: s.timings.map((t) => t.deadlineDays) },
        ],
      },
      options: { indexAxis: 'y' },
    },
    distribution: {
      type: 'line',
      data: {
        labels: dayLabels,
        datasets: s.timings.map((t) => ({ label: t.stage, data: dayLabels.map((d) => t.distribution[d] ?? 0) })),
      },
      options: { scales: { x: { title: { display: true, text: 'working days since the application' } } } },
    },
  };
  const kv = (o: Record<string, number>) => table(['', 'count'], Object.entries(o));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TVET duplicates: demo report</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}td:first-child,th:first-child{text-align:left}
.chart{height:28em}</style>
<script>${input.chartJs.replace(/<\/script/gi, '<\\/script')}</script></head><body>
<h1>Demo report</h1>
<p id="summary">Applications: <b>${s.size}</b> filed, <b>${s.applications}</b> seen on the monitoring topic,
${s.complete ? 'every one at its final stage' : '<b>timed out</b> before every one reached its final stage'};
clock ${e(input.speed)} times faster; ${s.realSeconds.toFixed(1)} real seconds.</p>
<h2>Applications by final stage</h2>${kv(s.finalStages)}
<h2>Stages by channel</h2>${table(['stage', ...channels, 'total'], countRows)}
<div class="chart"><canvas id="counts"></canvas></div>
<h2>Time to each stage, in working days from the application, against its legal deadline</h2>
${table(['stage', 'median', 'p90', 'max', 'deadline (median)', 'late'], timingRows)}
<div class="chart"><canvas id="timings"></canvas></div>
<div class="chart"><canvas id="distribution"></canvas></div>
<h2>SLA</h2><h3>Signals</h3>${kv(s.slaSignals)}<h3>Status at the last stage</h3>${kv(s.slaStatus)}
<h2>Throughput and latency (real time)</h2>
${table(
  ['measure', 'value'],
  [
    ['stages per second', s.stagesPerSecond.toFixed(2)],
    ['latency min (s)', s.latency.min.toFixed(1)],
    ['latency median (s)', s.latency.median.toFixed(1)],
    ['latency p90 (s)', s.latency.p90.toFixed(1)],
    ['latency max (s)', s.latency.max.toFixed(1)],
  ],
)}
<script>const charts=${json(charts)};
for (const [id, c] of Object.entries(charts)) new Chart(document.getElementById(id), {...c, options: {...c.options, maintainAspectRatio: false}});</script>
</body></html>
`;
}
