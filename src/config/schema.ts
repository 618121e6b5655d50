import { z } from 'zod';

/** The validated shape of the configuration (config/default.json + per-environment file + env vars). */
export const configSchema = z.object({
  serviceName: z.string().min(1),
  kafka: z.object({
    /** host:port pairs; empty means "start or find infrastructure" (see infra.mode). */
    brokers: z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'a host:port pair such as 127.0.0.1:9092')),
    clientId: z.string().min(1),
    groupId: z.string().min(1),
    /** Prefix put before every topic name; tests use it to isolate themselves. */
    topicPrefix: z.string().regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, underscore or dash'),
    partitions: z.number().int().min(1).max(1000),
    replicationFactor: z.number().int().min(1).max(10),
    retentionMs: z.number().int().min(60_000),
    dlqRetentionMs: z.number().int().min(60_000),
  }),
  schemaRegistry: z.object({
    /** Confluent-compatible API base, e.g. http://host:8080/apis/ccompat/v7 for Apicurio. */
    url: z.union([z.literal(''), z.string().url('an http(s) URL')]),
  }),
  database: z.object({
    /** Connection string of the owner (migration) role; empty means "start or find infrastructure". */
    url: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string')]),
    schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier'),
    runtimeRole: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier'),
    runtimePassword: z.string().min(1),
    poolMax: z.number().int().min(1).max(200),
  }),
  infra: z.object({
    mode: z.enum(['auto', 'external', 'docker', 'local']),
    kafkaVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'a Kafka version such as 3.9.1'),
    apicurioVersion: z.string().regex(/^\d+\.\d+\.\d+/, 'an Apicurio Registry version such as 3.3.3'),
    apicurioMinJava: z.number().int().min(11),
    cacheDir: z.string(),
    startTimeoutMs: z.number().int().min(1000),
  }),
  log: z.object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  }),
});

export type AppConfig = z.infer<typeof configSchema>;

type Kind = 'string' | 'int' | 'list';

/** Environment variables that override configuration keys. One table, used by the loader, the README and the compose test. */
export const envOverrides: ReadonlyArray<{ env: string; path: string; kind: Kind }> = [
  { env: 'KAFKA_BROKERS', path: 'kafka.brokers', kind: 'list' },
  { env: 'KAFKA_CLIENT_ID', path: 'kafka.clientId', kind: 'string' },
  { env: 'KAFKA_GROUP_ID', path: 'kafka.groupId', kind: 'string' },
  { env: 'KAFKA_TOPIC_PREFIX', path: 'kafka.topicPrefix', kind: 'string' },
  { env: 'KAFKA_PARTITIONS', path: 'kafka.partitions', kind: 'int' },
  { env: 'KAFKA_REPLICATION_FACTOR', path: 'kafka.replicationFactor', kind: 'int' },
  { env: 'KAFKA_RETENTION_MS', path: 'kafka.retentionMs', kind: 'int' },
  { env: 'KAFKA_DLQ_RETENTION_MS', path: 'kafka.dlqRetentionMs', kind: 'int' },
  { env: 'SCHEMA_REGISTRY_URL', path: 'schemaRegistry.url', kind: 'string' },
  { env: 'DATABASE_URL', path: 'database.url', kind: 'string' },
  { env: 'DATABASE_SCHEMA', path: 'database.schema', kind: 'string' },
  { env: 'DATABASE_RUNTIME_ROLE', path: 'database.runtimeRole', kind: 'string' },
  { env: 'DATABASE_RUNTIME_PASSWORD', path: 'database.runtimePassword', kind: 'string' },
  { env: 'DATABASE_POOL_MAX', path: 'database.poolMax', kind: 'int' },
  { env: 'INFRA_MODE', path: 'infra.mode', kind: 'string' },
  { env: 'KAFKA_VERSION', path: 'infra.kafkaVersion', kind: 'string' },
  { env: 'APICURIO_VERSION', path: 'infra.apicurioVersion', kind: 'string' },
  { env: 'TVET_CACHE_DIR', path: 'infra.cacheDir', kind: 'string' },
  { env: 'INFRA_START_TIMEOUT_MS', path: 'infra.startTimeoutMs', kind: 'int' },
  { env: 'LOG_LEVEL', path: 'log.level', kind: 'string' },
];
