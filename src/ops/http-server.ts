/**
 * The adapter's HTTP endpoints for operators and orchestrators, on fastify, bound to 127.0.0.1 by
 * default: `/health` (the process answers), `/ready` (consumers running, relay leading or standing
 * by, database reachable; 503 with what is not), `/metrics` (Prometheus text format), and the
 * read-only operator console under `/console` when its sources are given.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { AppError } from '../platform/errors/app-error.js';
import { registerConsole, type ConsoleDeps } from './console/routes.js';

export interface ReadinessCheck {
  name: string;
  /** True when this part is ready; throws or returns false when not. */
  check(): Promise<boolean> | boolean;
}

export interface HttpServerOptions {
  host: string;
  /** 0: a free port (tests); the bound one is in `address`. */
  port: number;
  registry: Registry;
  readiness: ReadinessCheck[];
  /** What the operator console reads; no console without it. */
  console?: ConsoleDeps;
}

export interface RunningHttpServer {
  /** e.g. http://127.0.0.1:9464 */
  address: string;
  close(): Promise<void>;
}

async function readiness(checks: ReadinessCheck[]): Promise<Record<string, boolean>> {
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        return [c.name, (await c.check()) === true] as const;
      } catch {
        return [c.name, false] as const;
      }
    }),
  );
  return Object.fromEntries(results);
}

export function buildHttpServer(o: Omit<HttpServerOptions, 'host' | 'port'>): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    const parts = await readiness(o.readiness);
    const ready = Object.values(parts).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', parts });
  });
  app.get('/metrics', async (_req, reply) => {
    const body = await o.registry.metrics();
    return reply.type(o.registry.contentType).send(body);
  });
  if (o.console) registerConsole(app, o.console);
  return app;
}

export class HttpServerError extends AppError {}

export async function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const app = buildHttpServer(o);
  try {
    const address = await app.listen({ host: o.host, port: o.port });
    return { address, close: () => app.close() };
  } catch (err) {
    await app.close().catch(() => undefined);
    throw new HttpServerError(
      'HTTP_LISTEN_FAILED',
      `The operator endpoints could not listen on ${o.host}:${o.port}: ${(err as Error).message}. ` +
        'Set HTTP_PORT to a free port (0 picks one), or HTTP_ENABLED=false.',
      { host: o.host, port: o.port },
      { cause: err },
    );
  }
}
