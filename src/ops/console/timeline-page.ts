/**
 * `/console/applications/:id`: one application's timeline: phase, deadlines, SLA signals, its
 * events with their causes, the messages sent (stages with their SLA status, notices, requests).
 * Built by the history command's `applicationTimeline`: personal data masked as in the logs.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { applicationTimeline, type Timeline } from '../history.js';
import type { ConsoleDeps } from './deps.js';
import { html, page } from './html.js';

function timelineBody(t: Timeline) {
  const d = t.deadlines;
  return html` <p>
      Phase <strong id="phase">${t.phase}</strong>, channel ${t.channel ?? '-'}; calendar
      ${t.calendar?.calendarVersion ?? '-'}${t.calendar?.provisional ? ' (provisional)' : ''}.
    </p>
    <p class="${t.consistent ? '' : 'bad'}">
      Stored state:
      ${t.consistent ? 'equal to the fold of its events' : 'DIFFERS from the fold of its events: rebuild it from the log'}
    </p>
    <h2>Deadlines and SLA</h2>
    <table id="deadlines">
      <tbody>
        <tr>
          <th>Registration date</th>
          <td>${d?.registrationDate ?? '-'}</td>
        </tr>
        <tr>
          <th>Term end date</th>
          <td>${d?.termEndDate ?? '-'}</td>
        </tr>
        <tr>
          <th>Term ends at</th>
          <td>${d?.termEndsAt ?? '-'}</td>
        </tr>
        <tr>
          <th>Result at the PSC at the latest</th>
          <td>${d?.resultToPscLatest ?? '-'}</td>
        </tr>
        <tr>
          <th>Hearing notice at the latest</th>
          <td>${d?.hearingNoticeLatest ?? '-'}</td>
        </tr>
        <tr>
          <th>At risk reported</th>
          <td>${t.sla.atRiskReportedAt ?? '-'}</td>
        </tr>
        <tr>
          <th>Breach reported</th>
          <td>${t.sla.breachedReportedAt ?? '-'}</td>
        </tr>
        <tr>
          <th>Steps overdue</th>
          <td>${t.sla.stageBreaches.join(', ') || '-'}</td>
        </tr>
      </tbody>
    </table>
    <h2>Events (${t.events.length})</h2>
    <table id="events">
      <thead>
        <tr>
          <th>#</th>
          <th>At</th>
          <th>Event</th>
          <th>Caused by</th>
          <th>Data (personal data masked)</th>
        </tr>
      </thead>
      <tbody>
        ${t.events.map(
          (e) =>
            html`<tr>
              <td>${e.seq}</td>
              <td>${e.at}</td>
              <td>${e.type}</td>
              <td>${e.cause}</td>
              <td class="data">${JSON.stringify(e.data)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>Messages sent (${t.sent.length})</h2>
    <table id="sent">
      <thead>
        <tr>
          <th>Created</th>
          <th>Topic</th>
          <th>What</th>
          <th>Published</th>
        </tr>
      </thead>
      <tbody>
        ${t.sent.map(
          (m) =>
            html`<tr>
              <td>${m.createdAt}</td>
              <td>${m.topic}</td>
              <td>${m.summary}</td>
              <td>${m.publishedAt ?? 'waiting in the outbox'}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function notKnown(reply: FastifyReply, id: string) {
  return reply
    .code(404)
    .type('text/html; charset=utf-8')
    .send(page(`Application ${id}`, html`<p>Not known here.</p>`));
}

export function timelineRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get<{ Params: { id: string } }>('/console/api/applications/:id', async (req, reply) => {
    const t = await applicationTimeline(deps.db, req.params.id);
    return t ? t : reply.code(404).send({ error: 'not known here', applicationId: req.params.id });
  });
  // The phases page's box: a GET, read-only.
  app.get<{ Querystring: { id?: string } }>('/console/applications', async (req, reply) =>
    reply.redirect(req.query.id ? `/console/applications/${encodeURIComponent(req.query.id)}` : '/console'),
  );
  app.get<{ Params: { id: string } }>('/console/applications/:id', async (req, reply) => {
    const t = await applicationTimeline(deps.db, req.params.id);
    if (!t) return notKnown(reply, req.params.id);
    return reply.type('text/html; charset=utf-8').send(page(`Application ${t.applicationId}`, timelineBody(t)));
  });
}
