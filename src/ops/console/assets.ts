/**
 * `/console/assets/...`: the scripts of the console's charts, served by the console itself (no
 * CDN, so it works on a closed network): the Chart.js UMD bundle from node_modules, read once on
 * the first request, and the few lines that draw each chart of a page from its embedded JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** The Chart.js UMD build, next to the package's CommonJS entry (the package exports no path to it). */
export function readChartJsBundle(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}

/**
 * Runs in the browser after Chart.js: every `<script type="application/json" data-chart="id">`
 * holds a chart's configuration (data, never code), drawn on the canvas of that id.
 */
const DRAW_CHARTS = `'use strict';
for (const el of document.querySelectorAll('script[type="application/json"][data-chart]')) {
  new Chart(document.getElementById(el.dataset.chart), JSON.parse(el.textContent));
}
`;

const CACHE = 'public, max-age=3600';

export function assetRoutes(app: FastifyInstance): void {
  let chartJs: string | undefined;
  app.get('/console/assets/chart.js', async (_req, reply) => {
    chartJs ??= readChartJsBundle();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', CACHE).send(chartJs);
  });
  app.get('/console/assets/charts.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', CACHE).send(DRAW_CHARTS),
  );
}
