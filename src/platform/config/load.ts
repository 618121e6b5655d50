import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// CommonJS: Node's ESM loader gives it as the default export only.
import connectionString from 'pg-connection-string';
import { AppError } from '../errors/app-error.js';
import { configSchema, envOverrides, type AppConfig } from './schema.js';

export const CONFIG_DIR = fileURLToPath(new URL('../../../config/', import.meta.url));

export class ConfigError extends AppError {}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v;
  }
  return out;
}

function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (err) {
    throw new ConfigError(
      'CONFIG_FILE_UNREADABLE',
      `Cannot read configuration file ${file}: ${(err as Error).message}. Fix the JSON or remove the file.`,
      { file },
    );
  }
}

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

function fromEnv(env: NodeJS.ProcessEnv): Json {
  const out: Json = {};
  for (const { env: name, path, kind } of envOverrides) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    let value: unknown = raw;
    if (kind === 'list')
      value = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (kind === 'int') {
      if (!/^-?\d+$/.test(raw.trim())) {
        throw new ConfigError(
          'CONFIG_INVALID',
          `Environment variable ${name} (config key ${path}) must be a whole number, got "${raw}".`,
          { key: path, env: name },
        );
      }
      value = Number(raw);
    }
    if (kind === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) {
        throw new ConfigError(
          'CONFIG_INVALID',
          `Environment variable ${name} (config key ${path}) must be a number such as 0.25, got "${raw}".`,
          { key: path, env: name },
        );
      }
      value = Number(raw);
    }
    if (kind === 'bool') {
      if (!/^(true|false|1|0)$/i.test(raw.trim())) {
        throw new ConfigError(
          'CONFIG_INVALID',
          `Environment variable ${name} (config key ${path}) must be true or false, got "${raw}".`,
          { key: path, env: name },
        );
      }
      value = /^(true|1)$/i.test(raw.trim());
    }
    setPath(out, path, value);
  }
  return out;
}

/**
 * Loads config/default.json, then config/<APP_ENV or NODE_ENV>.json if present, then the env
 * overrides of `envOverrides`, and validates the result. A bad value throws ConfigError naming the
 * key and the expected form.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dir: string = CONFIG_DIR): AppConfig {
  let raw = readJson(join(dir, 'default.json'));
  const envName = env.APP_ENV ?? env.NODE_ENV;
  if (envName) {
    const file = join(dir, `${envName}.json`);
    if (existsSync(file)) raw = merge(raw, readJson(file));
  }
  raw = merge(raw, fromEnv(env));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = i.path.join('.');
      const envName = envOverrides.find((o) => o.path === key || key.startsWith(`${o.path}.`))?.env;
      return `${key}: ${i.message}${envName ? ` (env ${envName})` : ''}`;
    });
    throw new ConfigError(
      'CONFIG_INVALID',
      `Invalid configuration. Fix these keys in config/*.json or their environment variables:\n  ${lines.join('\n  ')}`,
      {
        keys: parsed.error.issues.map((i) => i.path.join('.')),
      },
    );
  }
  const config = withDerivedDefaults(parsed.data);
  checkKafkaSecurity(config);
  if (isProduction(env)) refuseDefaultSecrets(config, env);
  return config;
}

function checkKafkaSecurity(config: AppConfig): void {
  const { mechanism, username, password } = config.kafka.sasl;
  if (mechanism !== '' && (username === '' || password === '')) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `Invalid configuration. kafka.sasl.mechanism is ${mechanism}: set KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD too.`,
      { keys: ['kafka.sasl.username', 'kafka.sasl.password'] },
    );
  }
  if (config.kafka.sslCaFile !== '') {
    if (!config.kafka.ssl) {
      throw new ConfigError(
        'CONFIG_INVALID',
        'Invalid configuration. kafka.sslCaFile (env KAFKA_SSL_CA_FILE) is set but TLS is off: set KAFKA_SSL=true too, ' +
          'or leave KAFKA_SSL_CA_FILE empty.',
        { keys: ['kafka.ssl', 'kafka.sslCaFile'] },
      );
    }
    readKafkaCaFile(config.kafka.sslCaFile);
  }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * The PEM text of kafka.sslCaFile (env KAFKA_SSL_CA_FILE): the CA certificate(s) the brokers'
 * certificates must chain to. A missing, unreadable or non-PEM file is a ConfigError naming the
 * setting and the path.
 */
export function readKafkaCaFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ConfigError(
      'CONFIG_INVALID',
      `Invalid configuration. kafka.sslCaFile (env KAFKA_SSL_CA_FILE): cannot read ${file} (${reason}). ` +
        "Give the path of a PEM file with the CA certificate(s) that signed the brokers' certificates.",
      { keys: ['kafka.sslCaFile'], file },
    );
  }
  if (!PEM_CERTIFICATE.test(text)) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `Invalid configuration. kafka.sslCaFile (env KAFKA_SSL_CA_FILE): ${file} holds no PEM certificate ` +
        '(-----BEGIN CERTIFICATE-----). Give the CA certificate(s) in PEM, not a keystore or a key.',
      { keys: ['kafka.sslCaFile'], file },
    );
  }
  return text;
}

/** Passwords shipped for local runs (and the usual placeholders), which production must not keep. */
const DEFAULT_PASSWORDS = new Set(['', 'postgres', 'tvet_runtime', 'tvet_owner', 'password', 'secret', 'changeme']);

/** The user and password pg will log in with: the URL's, its query parameters, else PGUSER/PGPASSWORD. */
function ownerLogin(url: string, env: NodeJS.ProcessEnv): { user: string; password: string } {
  try {
    const c = connectionString.parse(url);
    return { user: c.user || env.PGUSER || '', password: c.password ?? env.PGPASSWORD ?? '' };
  } catch {
    // Never the value: it holds a password.
    throw new ConfigError(
      'CONFIG_INVALID',
      'Invalid configuration. database.url (env DATABASE_URL) is not a connection string pg can read.',
      {
        keys: ['database.url'],
      },
    );
  }
}

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.APP_ENV === 'production' || env.NODE_ENV === 'production';
}

/**
 * Production (APP_ENV or NODE_ENV `production`) refuses what an auditor would flag: the shipped
 * runtime password, an owner role that is the `postgres` superuser or has a default password
 * (read as pg reads it: URL, query parameters, PGUSER/PGPASSWORD), and Kafka without TLS, without
 * SASL (kafka.ssl has no client certificate: TLS alone authenticates nobody), or with a default SASL
 * password. Each refusal names the setting and what to set instead, never a value.
 */
function refuseDefaultSecrets(config: AppConfig, env: NodeJS.ProcessEnv): void {
  const problems: string[] = [];
  const db = config.database;
  if (DEFAULT_PASSWORDS.has(db.runtimePassword) || db.runtimePassword === db.runtimeRole) {
    problems.push('DATABASE_RUNTIME_PASSWORD is a shipped default: set a secret of its own.');
  }
  if (db.url !== '') {
    const owner = ownerLogin(db.url, env);
    if (owner.user === 'postgres' || owner.user === '') {
      problems.push(
        'DATABASE_URL connects as the postgres superuser (or names no user): use an owner role without ' +
          'SUPERUSER (CREATE ROLE tvet_owner LOGIN CREATEROLE; a database or schema it owns).',
      );
    }
    if (DEFAULT_PASSWORDS.has(owner.password)) {
      problems.push("DATABASE_URL's password is empty or a shipped default: set the owner role's own secret.");
    }
  }
  if (!config.kafka.ssl) {
    problems.push(
      'Kafka without TLS: set KAFKA_SSL=true (personal data and SASL passwords must not cross the network in clear).',
    );
  }
  if (config.kafka.sasl.mechanism === '') {
    problems.push(
      'Kafka without authentication: set KAFKA_SASL_MECHANISM (scram-sha-512 recommended), KAFKA_SASL_USERNAME ' +
        'and KAFKA_SASL_PASSWORD.',
    );
  }
  if (config.kafka.sasl.mechanism !== '' && DEFAULT_PASSWORDS.has(config.kafka.sasl.password)) {
    problems.push("KAFKA_SASL_PASSWORD is a placeholder: set the client's own secret.");
  }
  if (problems.length > 0) {
    throw new ConfigError(
      'CONFIG_DEFAULT_SECRET',
      `Refusing to start in production with local defaults:\n  ${problems.join('\n  ')}`,
      { count: problems.length },
    );
  }
}

/**
 * Defaults that follow other keys. The timer queue's schema follows the database schema, so a
 * deployment (or a test file) with its own schema has its own queue unless TIMERS_SCHEMA says
 * otherwise; it is never the tables' schema itself (graphile-worker's tables would mix with ours).
 */
function withDerivedDefaults(config: AppConfig): AppConfig {
  const timersSchema = config.timers.schema || `${config.database.schema}_timers`;
  if (timersSchema === config.database.schema) {
    throw new ConfigError(
      'CONFIG_INVALID',
      'Invalid configuration. timers.schema (env TIMERS_SCHEMA) must differ from database.schema ' +
        `(env DATABASE_SCHEMA, "${config.database.schema}"): leave it empty for ${config.database.schema}_timers.`,
      { keys: ['timers.schema'] },
    );
  }
  if (timersSchema.length > 63) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `Invalid configuration. timers.schema "${timersSchema}" is longer than PostgreSQL's 63 characters: ` +
        'set TIMERS_SCHEMA or a shorter DATABASE_SCHEMA.',
      { keys: ['timers.schema'] },
    );
  }
  return { ...config, timers: { ...config.timers, schema: timersSchema } };
}
