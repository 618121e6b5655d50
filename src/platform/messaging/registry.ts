import { setTimeout as sleep } from 'node:timers/promises';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { schemaRegistryOptions } from '../../contract/registry-options.js';
import { contractSchemas, type TopicSchema } from '../../contract/schemas.js';
import {
  REGISTRY_REQUEST_TIMEOUT_MS,
  RegistryError,
  RegistryHttpError,
  getSubjectCompatibility,
  registerSchemaVersion,
  setSubjectCompatibility,
} from './ccompat.js';

export { RegistryError };

type Middleware = NonNullable<ConstructorParameters<typeof SchemaRegistry>[0]['middlewares']>[number];

/**
 * A timeout on each request of the registry client (mappersmith sets none): a registry that
 * accepts connections and never answers (a hung process, a proxy) otherwise held the consumer's
 * batch, and with it every partition of the process, for as long as it hung. Timed out, the
 * request fails like an unreachable registry: an outage, the batch is run again.
 */
function requestTimeout(ms: number): Middleware {
  return () => ({
    async prepareRequest(next) {
      const request = await next();
      return request.timeout() ? request : request.enhance({ timeout: ms });
    },
  });
}

/** The registry client, with the contract's logical types. `url` is the Confluent-compatible base. */
export function createRegistry(url: string, opts: { requestTimeoutMs?: number } = {}): SchemaRegistry {
  return new SchemaRegistry(
    { host: url, middlewares: [requestTimeout(opts.requestTimeoutMs ?? REGISTRY_REQUEST_TIMEOUT_MS)] },
    schemaRegistryOptions(),
  );
}

export interface RegisteredSchema extends TopicSchema {
  id: number;
}

/** The level every subject of the contract has (README, Topics). */
export const CONTRACT_COMPATIBILITY = 'BACKWARD';

/** Attempts of one step while it fails for a reason that passes (a conflict, a registry restarting). */
export const REGISTRATION_ATTEMPTS = 6;

/**
 * Worth another attempt: a 409 "... already exists" (another process created the subject's
 * rule between our read and our write; an incompatible schema is a 409 too, but says so), a 5xx,
 * or no answer at all.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof RegistryHttpError) {
    return err.status >= 500 || (err.status === 409 && /already exists/i.test(err.message));
  }
  return err instanceof RegistryError && (err.code === 'REGISTRY_TIMEOUT' || err.code === 'REGISTRY_UNREACHABLE');
}

async function retrying<T>(step: () => Promise<T>, backoffMs: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (!isTransient(err) || attempt >= REGISTRATION_ATTEMPTS) throw err;
      await sleep(backoffMs * 2 ** (attempt - 1) * (1 + Math.random()));
    }
  }
}

/**
 * The subject's rule first, so that every version, the first included, is registered under it.
 * No subject (404) or NONE (how Apicurio answers for a subject without a rule, e.g. one left by
 * a process that died between its two steps) is set to BACKWARD; a level someone chose that is
 * not BACKWARD stops the start. Processes starting together on a fresh registry (the adapter and
 * the gateway stub) all read 404 and all create the rule: the losers get 409 "already exists",
 * which is success once a re-read (the retry) shows BACKWARD.
 */
async function ensureCompatibility(url: string, s: TopicSchema): Promise<void> {
  const level = await getSubjectCompatibility(url, s.subject);
  if (level === CONTRACT_COMPATIBILITY) return;
  if (level !== null && level !== 'NONE') {
    const fix = `Set it (PUT /config/${s.subject}) or remove the subject's own setting.`;
    const message = `Subject ${s.subject} has compatibility ${level}; the contract needs ${CONTRACT_COMPATIBILITY}.`;
    throw new RegistryError('SCHEMA_COMPATIBILITY_MISMATCH', `${message} ${fix}`, { subject: s.subject, level });
  }
  await setSubjectCompatibility(url, s.subject, CONTRACT_COMPATIBILITY);
}

function whatToDo(err: unknown): string {
  if (isTransient(err)) {
    return `It failed ${REGISTRATION_ATTEMPTS} times: check that the registry is up and answers, then start again.`;
  }
  return 'If the change is incompatible (BACKWARD), publish it as a new topic version (.v2) instead.';
}

/**
 * Registers every value schema of the contract (each topic and each `.dlq`) under
 * `<topic>-value`, each subject with compatibility BACKWARD. Idempotent (the same schema answers
 * its id) and safe from several processes at once. A schema the compatibility rule refuses stops
 * the start with a clear error.
 */
export async function registerContractSchemas(
  url: string,
  prefix: string,
  opts: { backoffMs?: number } = {},
): Promise<Map<string, RegisteredSchema>> {
  const backoffMs = opts.backoffMs ?? 100;
  const out = new Map<string, RegisteredSchema>();
  for (const s of contractSchemas({ prefix })) {
    try {
      await retrying(() => ensureCompatibility(url, s), backoffMs);
      const schema = JSON.stringify(s.schema);
      const id = await retrying(() => registerSchemaVersion(url, s.subject, schema), backoffMs);
      out.set(s.topic, { ...s, id });
    } catch (err) {
      if (err instanceof RegistryError && err.code === 'SCHEMA_COMPATIBILITY_MISMATCH') throw err;
      const refused = `The schema registry refused ${s.file} for subject ${s.subject}: ${(err as Error).message}.`;
      const details = { subject: s.subject };
      throw new RegistryError('SCHEMA_REGISTRATION_FAILED', `${refused} ${whatToDo(err)}`, details, { cause: err });
    }
  }
  return out;
}
