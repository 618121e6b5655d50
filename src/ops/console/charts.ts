/**
 * The console's charts, drawn by Chart.js in the browser: a canvas and, next to it, the chart's
 * configuration as JSON in a `<script type="application/json">` element (data the page's script
 * parses, never code run). Counts, phases and channels only: no personal data.
 */
import type { PhaseCount, SlaCounts } from '../../pipeline/status-queries.js';
import { Html, html } from './html.js';

export interface ChartConfig {
  type: 'bar';
  data: { labels: string[]; datasets: Array<{ label: string; data: number[]; backgroundColor?: string[] }> };
  options: Record<string, unknown>;
}

/**
 * JSON safe inside a script element: `<`, `>` and `&` as \u escapes (no `</script>` or `<!--` can
 * end or change the element), and the two line separators JavaScript once refused. JSON.parse reads
 * it back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A chart: its canvas (named for screen readers) and its configuration; the page loads the scripts. */
export function chart(id: string, label: string, config: ChartConfig): Html {
  return html`<div class="chart"><canvas id="${id}" role="img" aria-label="${label}"></canvas></div>
    <script type="application/json" data-chart="${id}">
      ${new Html(scriptJson(config))}
    </script>`;
}

const counts = { precision: 0 };

/** Open applications per phase (a bar each, in the table's order) and channel (stacked in it). */
export function phasesChart(rows: PhaseCount[]): ChartConfig {
  const phases = [...new Set(rows.map((r) => r.phase))].sort();
  const channels = [...new Set(rows.map((r) => r.channel))].sort();
  const count = (phase: string, channel: string) =>
    rows.find((r) => r.phase === phase && r.channel === channel)?.count ?? 0;
  return {
    type: 'bar',
    data: {
      labels: phases,
      datasets: channels.map((ch) => ({ label: ch, data: phases.map((p) => count(p, ch)) })),
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, ticks: counts }, y: { stacked: true } },
    },
  };
}

/** The open applications reported at risk (not breached) and breached. */
export function slaChart(c: Pick<SlaCounts, 'atRisk' | 'breached'>): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: ['at risk', 'breached'],
      datasets: [{ label: 'open applications', data: [c.atRisk, c.breached], backgroundColor: ['#d08c00', '#a00'] }],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: counts } },
    },
  };
}
