/**
 * `/console/calendar[/:year]`: a year of the calendar in use, as `calendar show <year>` prints it
 * (status, sources, pending decisions, every day off with its reason and source).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { almatyDate, CalendarError } from '../../core/calendar/index.js';
import { showCalendarYear } from '../calendar-commands.js';
import type { ConsoleDeps } from './deps.js';
import { html, page } from './html.js';

function yearOf(deps: ConsoleDeps, param: string | undefined): number | null {
  if (param === undefined) return Number(almatyDate(deps.now().toISOString()).slice(0, 4));
  return /^\d{4}$/.test(param) ? Number(param) : null;
}

function calendarPage(deps: ConsoleDeps, reply: FastifyReply, param: string | undefined) {
  const year = yearOf(deps, param);
  const send = (code: number, title: string, body: ReturnType<typeof html>) =>
    reply.code(code).type('text/html; charset=utf-8').send(page(title, body));
  if (year === null) return send(400, 'Calendar', html`<p>A year is four digits: /console/calendar/2027.</p>`);
  const cal = deps.calendar();
  const nav = html`<p>
    <a href="/console/calendar/${year - 1}">${year - 1}</a> | <a href="/console/calendar/${year + 1}">${year + 1}</a>
  </p>`;
  try {
    const info = cal.yearInfo(year);
    return send(
      200,
      `Calendar ${year}`,
      html`${nav}
        <p>Status <strong id="status">${info.status}</strong>; source ${info.source}.</p>
        <pre id="calendar">${showCalendarYear(cal, year)}</pre>`,
    );
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    return send(
      404,
      `Calendar ${year}`,
      html`${nav}
        <p class="bad">${err.code}: ${err.message}</p>`,
    );
  }
}

export function calendarRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get<{ Params: { year: string } }>('/console/api/calendar/:year', async (req, reply) => {
    const year = yearOf(deps, req.params.year);
    if (year === null) return reply.code(400).send({ error: 'a year is four digits' });
    const cal = deps.calendar();
    try {
      return { year, version: cal.version, info: cal.yearInfo(year), daysOff: cal.daysOff(year) };
    } catch (err) {
      if (!(err instanceof CalendarError)) throw err;
      return reply.code(404).send({ error: err.code, message: err.message });
    }
  });
  app.get('/console/calendar', async (_req, reply) => calendarPage(deps, reply, undefined));
  app.get<{ Params: { year: string } }>('/console/calendar/:year', async (req, reply) =>
    calendarPage(deps, reply, req.params.year),
  );
}
