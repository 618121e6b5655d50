/**
 * The operator console, read-only, on the adapter's HTTP server: server-rendered pages under
 * `/console` and the JSON they show under `/console/api`, the charts' scripts under
 * `/console/assets`. One file per page.
 */
import type { FastifyInstance } from 'fastify';
import { assetRoutes } from './assets.js';
import { calendarRoutes } from './calendar-page.js';
import type { ConsoleDeps } from './deps.js';
import { dlqRoutes } from './dlq-page.js';
import { overdueRoutes } from './overdue-page.js';
import { phasesRoutes } from './phases-page.js';
import { timelineRoutes } from './timeline-page.js';

export type { ConsoleDeps } from './deps.js';

export function registerConsole(app: FastifyInstance, deps: ConsoleDeps): void {
  phasesRoutes(app, deps);
  overdueRoutes(app, deps);
  timelineRoutes(app, deps);
  dlqRoutes(app, deps);
  calendarRoutes(app, deps);
  assetRoutes(app);
}
