/**
 * `/console`: the open applications per phase and channel, in a table and a stacked bar chart of
 * the same counts, and a box to open one's timeline.
 */
import type { FastifyInstance } from 'fastify';
import { countOpenApplicationsByPhase } from '../../pipeline/status-queries.js';
import { chart, phasesChart } from './charts.js';
import type { ConsoleDeps } from './deps.js';
import { html, page } from './html.js';

export function phasesRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/api/phases', async () => ({ phases: await countOpenApplicationsByPhase(deps.db) }));
  app.get('/console', async (_req, reply) => {
    const rows = await countOpenApplicationsByPhase(deps.db);
    rows.sort((a, b) => a.phase.localeCompare(b.phase) || a.channel.localeCompare(b.channel));
    const total = rows.reduce((n, r) => n + r.count, 0);
    const body = html` <p>
        Open applications (neither refused at intake nor handed over): <strong id="total">${total}</strong>
      </p>
      <table id="phases">
        <thead>
          <tr>
            <th>Phase</th>
            <th>Channel</th>
            <th>Applications</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td>${r.phase}</td>
                <td>${r.channel}</td>
                <td>${r.count}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${chart('phases-chart', 'Open applications per phase, stacked by channel', phasesChart(rows))}
      <form method="get" action="/console/applications">
        <label>Application id <input name="id" required /></label> <button type="submit">Timeline</button>
      </form>`;
    return reply
      .type('text/html; charset=utf-8')
      .send(page('Applications by phase and channel', body, { charts: true }));
  });
}
