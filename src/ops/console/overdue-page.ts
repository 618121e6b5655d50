/**
 * `/console/overdue`: open applications past their term end or a step's deadline, or at risk, and a
 * chart of how many open applications were reported at risk and breached (the metrics' counts).
 */
import type { FastifyInstance } from 'fastify';
import { countSlaAndIdentity, selectOverdueApplications } from '../../pipeline/status-queries.js';
import { chart, slaChart } from './charts.js';
import type { ConsoleDeps } from './deps.js';
import { html, page } from './html.js';

export function overdueRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/api/overdue', async () => {
    const { atRisk, breached } = await countSlaAndIdentity(deps.db);
    return { applications: await selectOverdueApplications(deps.db, deps.now()), sla: { atRisk, breached } };
  });
  app.get('/console/overdue', async (_req, reply) => {
    const now = deps.now();
    const rows = await selectOverdueApplications(deps.db, now);
    const sla = await countSlaAndIdentity(deps.db);
    const body = html` <p>
        SLA signals of the open applications: at risk <strong id="at-risk">${sla.atRisk}</strong>, breached
        <strong id="breached">${sla.breached}</strong>.
      </p>
      ${chart('sla-chart', 'Open applications reported at risk and breached', slaChart(sla))}
      <p>
        As of ${now}: ${rows.length} application(s) whose term ended with the result not at its place, whose step
        deadline passed undone, or reported at risk (at most 200, oldest term first).
      </p>
      <table id="overdue">
        <thead>
          <tr>
            <th>Application</th>
            <th>Phase</th>
            <th>Channel</th>
            <th>Term ends</th>
            <th>Term passed</th>
            <th>Steps overdue</th>
            <th>At risk reported</th>
            <th>Breach reported</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td><a href="/console/applications/${encodeURIComponent(r.applicationId)}">${r.applicationId}</a></td>
                <td>${r.phase}</td>
                <td>${r.channel}</td>
                <td>${r.termEndsAt ?? '-'}</td>
                <td class="${r.termPassed ? 'bad' : ''}">${r.termPassed ? 'yes' : 'no'}</td>
                <td>${r.overdueSteps.join(', ') || '-'}</td>
                <td>${r.atRiskReportedAt ?? '-'}</td>
                <td>${r.breachedReportedAt ?? '-'}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
    return reply.type('text/html; charset=utf-8').send(page('Stuck and overdue applications', body, { charts: true }));
  });
}
