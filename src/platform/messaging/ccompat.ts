import { AppError } from '../errors/app-error.js';

export class RegistryError extends AppError {}

/** An answer of the registry other than 2xx; `status` and the registry's own message kept. */
export class RegistryHttpError extends RegistryError {
  constructor(
    readonly status: number,
    message: string,
    details: Record<string, unknown>,
  ) {
    super('REGISTRY_HTTP_ERROR', message, { ...details, status });
  }
}

const JSON_TYPE = 'application/vnd.schemaregistry.v1+json';

/** Per request: a registry that accepts the connection and never answers must not hang a start. */
export const REGISTRY_REQUEST_TIMEOUT_MS = 15_000;

/**
 * One call of the Confluent-compatible API. `null` for 404 when `allow404`. Credentials in the
 * URL (http://user:secret@host/...) are sent as basic auth: fetch refuses them in the URL.
 */
async function call<T>(
  base: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  allow404 = false,
): Promise<T | null> {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  const headers: Record<string, string> = { accept: JSON_TYPE, 'content-type': JSON_TYPE };
  if (url.username) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const where = `${method} ${url.pathname}`;
  let res: Response;
  try {
    const signal = AbortSignal.timeout(REGISTRY_REQUEST_TIMEOUT_MS);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    res = await fetch(url, { method, headers, body: payload, signal });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    const what = timedOut ? `did not answer within ${REGISTRY_REQUEST_TIMEOUT_MS} ms` : 'cannot be reached';
    throw new RegistryError(
      timedOut ? 'REGISTRY_TIMEOUT' : 'REGISTRY_UNREACHABLE',
      `${where}: the schema registry ${what} (${(err as Error).message}). Check SCHEMA_REGISTRY_URL and that it is up.`,
      { where },
      { cause: err },
    );
  }
  if (res.status === 404 && allow404) return null;
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // Not JSON: the text as it is.
    }
    throw new RegistryHttpError(res.status, `${where}: HTTP ${res.status}: ${message}`, { where });
  }
  return JSON.parse(text) as T;
}

/** The subject's own compatibility level; null when the subject is unknown to the registry. */
export async function getSubjectCompatibility(base: string, subject: string): Promise<string | null> {
  const path = `/config/${encodeURIComponent(subject)}`;
  const r = await call<{ compatibilityLevel: string }>(base, 'GET', path, undefined, true);
  return r?.compatibilityLevel.toUpperCase() ?? null;
}

/** Sets the subject's compatibility level (allowed before the subject has a version). */
export async function setSubjectCompatibility(base: string, subject: string, level: string): Promise<void> {
  await call(base, 'PUT', `/config/${encodeURIComponent(subject)}`, { compatibility: level });
}

/** Registers an Avro schema under the subject; the same schema again answers its existing id. */
export async function registerSchemaVersion(base: string, subject: string, schema: string): Promise<number> {
  const r = await call<{ id: number }>(base, 'POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schema });
  return r!.id;
}

/**
 * The subjects (and versions) a schema id is registered under; null when the registry has no such
 * id. The consumer checks with it that a record's schema belongs to the topic it was read from.
 */
export async function getSubjectsOfSchemaId(base: string, id: number): Promise<string[] | null> {
  const r = await call<Array<{ subject: string; version: number }>>(
    base,
    'GET',
    `/schemas/ids/${id}/versions`,
    undefined,
    true,
  );
  return r === null ? null : [...new Set(r.map((v) => v.subject))];
}
