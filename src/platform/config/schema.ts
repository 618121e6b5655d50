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
    /**
     * A dead letter's record stays within this many bytes (keep it below the broker's max message
     * size): above it, the original key and value are kept in PostgreSQL (dead_letter_payloads).
     */
    dlqMaxInlineBytes: z.number().int().min(10_000).max(100_000_000),
    /**
     * The largest record the outbox relay sends, and the bytes of one of its batches per topic
     * (keep it at or below the topics' max.message.bytes): a larger outbox row is set aside.
     */
    maxMessageBytes: z.number().int().min(10_000).max(100_000_000),
    /** Consumer group session timeout: how long a killed instance's partitions stall (6 s - 5 min). */
    sessionTimeoutMs: z.number().int().min(6_000).max(300_000),
    /** TLS to the brokers (the system's CA store; NODE_EXTRA_CA_CERTS adds a private CA). */
    ssl: z.boolean(),
    /**
     * A PEM file of the CA certificate(s) that signed the brokers' certificates, trusted instead of
     * the system's CA store (read at start; needs ssl). Empty: the system's store.
     */
    sslCaFile: z.string(),
    /** SASL authentication to the brokers; mechanism empty means none (local runs only). */
    sasl: z.object({
      mechanism: z.enum(['', 'plain', 'scram-sha-256', 'scram-sha-512']),
      username: z.string(),
      password: z.string(),
    }),
  }),
  schemaRegistry: z.object({
    /** Confluent-compatible API base, e.g. http://host:8080/apis/ccompat/v7 for Apicurio. */
    url: z.union([z.literal(''), z.string().url('an http(s) URL')]),
  }),
  database: z.object({
    /** Connection string of the owner (migration) role; empty means "start or find infrastructure". */
    url: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string')]),
    // At most 50: `<schema>_timers` and the relay's channel `tvet_outbox_<schema>` stay within
    // PostgreSQL's 63-byte names.
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')
      .max(50, 'at most 50 characters (PostgreSQL names are 63 bytes; the adapter appends to it)'),
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
  /** The working-day calendar: a directory of statute.json and <year>.json, reloaded while running. */
  calendar: z.object({
    /** Directory of the calendar files; empty means the shipped config/calendar. */
    dir: z.string(),
    /** Reload when a file in the directory changes (also on SIGHUP). */
    watch: z.boolean(),
    /** Days ahead the start-up outlook looks for provisional years. */
    outlookDays: z.number().int().min(1).max(400),
  }),
  /**
   * The adapter's clock. For tests and simulations only: production leaves both unset and reads
   * the real time. `startAt` shifts the clock so that "now" begins at that instant; `speed`
   * makes it run faster (2 = two seconds of service per real second).
   */
  clock: z.object({
    startAt: z.union([
      z.literal(''),
      z.string().datetime({ offset: true, message: 'an ISO-8601 instant with offset' }),
    ]),
    /** The real instant at which the clock reads startAt; set it for every process of one run so they agree. */
    anchorAt: z.union([
      z.literal(''),
      z.string().datetime({ offset: true, message: 'an ISO-8601 instant with offset' }),
    ]),
    speed: z.number().min(0.001).max(1_000_000),
  }),
  /** Operator endpoints: /health, /ready, /metrics (Prometheus). */
  http: z.object({
    enabled: z.boolean(),
    /** 127.0.0.1 by default: expose it through the orchestrator, not on every interface. */
    host: z.string().min(1),
    /** 0: a free port (tests); the bound address is logged. */
    port: z.number().int().min(0).max(65535),
  }),
  /**
   * Traces (OpenTelemetry). none: no SDK, nothing recorded; an inbound `traceparent` is still
   * carried to the messages it causes. otlp: spans of message handling and its pg queries, sent by
   * OTLP over HTTP.
   */
  tracing: z.object({
    exporter: z.enum(['none', 'otlp']),
    /** The collector's traces URL (http://host:4318/v1/traces); empty: OTEL_EXPORTER_OTLP_ENDPOINT or localhost. */
    endpoint: z.union([z.literal(''), z.string().url('an http(s) URL')]),
  }),
  log: z.object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    /** pretty: coloured lines for a person; json: one object a line; auto: pretty on a terminal only. */
    format: z.enum(['pretty', 'json', 'auto']),
  }),
  /** Identity enrichment through the e-government gateway (R5, item 49). */
  identity: z.object({
    /** Our sender id in the gateway's messages. */
    senderId: z.string().min(1),
    /** The gateway service asked for identity data. */
    serviceId: z.string().min(1),
    /** How long to wait for a response before asking again. */
    responseTimeoutMs: z.number().int().min(100),
    /** Requests per application before IDENTITY_FAILED (the first one included). */
    maxAttempts: z.number().int().min(1).max(50),
    /** Exponential backoff between attempts, with jitter (p-retry). */
    minBackoffMs: z.number().int().min(1),
    maxBackoffMs: z.number().int().min(1),
  }),
  /**
   * Durable timers: graphile-worker's job queue in a schema of its own, installed by the owner
   * role with the migrations and worked by the runtime role.
   */
  timers: z.object({
    /** Schema of the job queue; empty means `<database.schema>_timers` (so tests isolate with the database schema). */
    schema: z.union([z.literal(''), z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')]),
    /** Timer tasks run at once per process. */
    concurrency: z.number().int().min(1).max(100),
    /** How often the worker looks for due timers (new ones due now are announced by NOTIFY at once). */
    pollIntervalMs: z.number().int().min(50).max(600_000),
  }),
  /** How long processed rows are kept (days, real time): personal data does not stay in the outbox for ever. */
  retention: z.object({
    /** Consumed message ids; keep longer than any redelivery (Kafka retention) so the dedupe holds. */
    inboxDays: z.number().int().min(1).max(3650),
    /** Published outbox rows (they hold the messages, personal data included); unpublished rows are never pruned. */
    outboxDays: z.number().int().min(1).max(3650),
    /** The relay's batch records; the newest batch is always kept (the relay's recovery reads it). */
    batchesDays: z.number().int().min(1).max(3650),
    /**
     * The originals of the dead letters too large for their .dlq topic (personal data): keep them
     * as long as the DLQ topics keep the dead letters that refer to them (KAFKA_DLQ_RETENTION_MS).
     */
    deadLetterPayloadsDays: z.number().int().min(1).max(3650),
  }),
  /** The e-government gateway stub (tests, demo): answers identity requests from a generated population. */
  gatewayStub: z.object({
    latencyMs: z.number().int().min(0),
    /** Share of known persons answered NOT_FOUND anyway (0..1). */
    notFoundRate: z.number().min(0).max(1),
    /** Share of requests answered with status ERROR (0..1). */
    errorRate: z.number().min(0).max(1),
    /** Windows, in ms since the stub started, during which requests go unanswered: "from-to". */
    outages: z.array(z.string().regex(/^\d+-\d+$/, 'a window such as 0-30000 (ms since start)')),
    populationSize: z.number().int().min(1).max(1_000_000),
    populationSeed: z.number().int().min(0),
  }),
  /**
   * The college simulator (tests, demo): answers college.applications.v1 with the college's decisions on
   * college.decisions.v1, delays counted in working hours of the college office on the working-day calendar.
   */
  collegeSimulator: z.object({
    /** Seed of the draws (path, ground, objection, numbers); the same seed and application give the same answers. */
    seed: z.number().int().min(0),
    /** Shares of the paths (weights, normalised by their sum, which must be above 0). */
    mix: z
      .object({
        /** DUPLICATE_ISSUED after the review. */
        issue: z.number().min(0),
        /** PRELIMINARY_REFUSAL, HEARING_HELD, then DUPLICATE_ISSUED. */
        hearingThenIssue: z.number().min(0),
        /** PRELIMINARY_REFUSAL, HEARING_HELD, then REFUSED (motivated, kk and ru). */
        hearingThenRefuse: z.number().min(0),
        /** REGISTERED only, no decision ever (for SLA tests). */
        silent: z.number().min(0),
      })
      .refine((m) => m.issue + m.hearingThenIssue + m.hearingThenRefuse + m.silent > 0, {
        message: 'at least one share must be above 0',
      }),
    /** Share of hearings at which the applicant had objected (0..1). */
    objectionRate: z.number().min(0).max(1),
    /** Working hours from the first office moment after arrival to REGISTERED (never past that day's closing). */
    registrationDelayHours: z.number().min(0).max(100),
    /** Working hours from REGISTERED to the decision or the preliminary refusal. */
    reviewHours: z.number().min(0).max(1000),
    /** Working hours from the notice to the hearing (kept within 2 working days of the notice, item 58). */
    hearingAfterNoticeHours: z.number().min(0).max(1000),
    /** Working hours from HEARING_HELD to the decision. */
    decisionAfterHearingHours: z.number().min(0).max(1000),
    /**
     * Working hours from DUPLICATE_ISSUED to its hand-over at the college office (item 61), for a
     * result the applicant collects there (place PORTAL or COLLEGE_OFFICE); a result for a PSC
     * travels by courier and is handed over there.
     */
    collectionHours: z.number().min(0).max(10000),
  }),
  /** The courier simulator (tests, demo): answers courier.orders.v1 with PICKED_UP, DELIVERED on courier.events.v1. */
  courierSimulator: z.object({
    /** Seed of the draws (lost, delayed, tracking number, who signed). */
    seed: z.number().int().min(0),
    /** Clock minutes from the start of the pick-up slot (or the order, if later) to PICKED_UP. */
    pickupDelayMinutes: z.number().min(0).max(100_000),
    /** Clock minutes from PICKED_UP to DELIVERED. */
    transitMinutes: z.number().min(0).max(100_000),
    /** Share of orders picked up and never delivered (0..1). */
    lostRate: z.number().min(0).max(1),
    /** Share of the other orders delivered `delayMinutes` late (0..1). */
    delayedRate: z.number().min(0).max(1),
    delayMinutes: z.number().min(0).max(1_000_000),
    /** Deliver only while the receiving office is open (college office for registers, PSC for results). */
    officeHours: z.boolean(),
  }),
});

export type AppConfig = z.infer<typeof configSchema>;

type Kind = 'string' | 'int' | 'number' | 'list' | 'bool';

/**
 * Environment variables that override configuration keys. One table, used by the loader, the README and the
 * compose test.
 */
export const envOverrides: ReadonlyArray<{ env: string; path: string; kind: Kind }> = [
  { env: 'KAFKA_BROKERS', path: 'kafka.brokers', kind: 'list' },
  { env: 'KAFKA_CLIENT_ID', path: 'kafka.clientId', kind: 'string' },
  { env: 'KAFKA_GROUP_ID', path: 'kafka.groupId', kind: 'string' },
  { env: 'KAFKA_TOPIC_PREFIX', path: 'kafka.topicPrefix', kind: 'string' },
  { env: 'KAFKA_PARTITIONS', path: 'kafka.partitions', kind: 'int' },
  { env: 'KAFKA_REPLICATION_FACTOR', path: 'kafka.replicationFactor', kind: 'int' },
  { env: 'KAFKA_RETENTION_MS', path: 'kafka.retentionMs', kind: 'int' },
  { env: 'KAFKA_DLQ_RETENTION_MS', path: 'kafka.dlqRetentionMs', kind: 'int' },
  { env: 'KAFKA_DLQ_MAX_INLINE_BYTES', path: 'kafka.dlqMaxInlineBytes', kind: 'int' },
  { env: 'KAFKA_MAX_MESSAGE_BYTES', path: 'kafka.maxMessageBytes', kind: 'int' },
  { env: 'KAFKA_SESSION_TIMEOUT_MS', path: 'kafka.sessionTimeoutMs', kind: 'int' },
  { env: 'KAFKA_SSL', path: 'kafka.ssl', kind: 'bool' },
  { env: 'KAFKA_SSL_CA_FILE', path: 'kafka.sslCaFile', kind: 'string' },
  { env: 'KAFKA_SASL_MECHANISM', path: 'kafka.sasl.mechanism', kind: 'string' },
  { env: 'KAFKA_SASL_USERNAME', path: 'kafka.sasl.username', kind: 'string' },
  { env: 'KAFKA_SASL_PASSWORD', path: 'kafka.sasl.password', kind: 'string' },
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
  { env: 'HTTP_ENABLED', path: 'http.enabled', kind: 'bool' },
  { env: 'HTTP_HOST', path: 'http.host', kind: 'string' },
  { env: 'HTTP_PORT', path: 'http.port', kind: 'int' },
  { env: 'TRACING_EXPORTER', path: 'tracing.exporter', kind: 'string' },
  { env: 'TRACING_OTLP_ENDPOINT', path: 'tracing.endpoint', kind: 'string' },
  { env: 'LOG_LEVEL', path: 'log.level', kind: 'string' },
  { env: 'LOG_FORMAT', path: 'log.format', kind: 'string' },
  { env: 'CALENDAR_DIR', path: 'calendar.dir', kind: 'string' },
  { env: 'CALENDAR_WATCH', path: 'calendar.watch', kind: 'bool' },
  { env: 'CLOCK_START_AT', path: 'clock.startAt', kind: 'string' },
  { env: 'CLOCK_ANCHOR_AT', path: 'clock.anchorAt', kind: 'string' },
  { env: 'CLOCK_SPEED', path: 'clock.speed', kind: 'number' },
  { env: 'IDENTITY_RESPONSE_TIMEOUT_MS', path: 'identity.responseTimeoutMs', kind: 'int' },
  { env: 'IDENTITY_MAX_ATTEMPTS', path: 'identity.maxAttempts', kind: 'int' },
  { env: 'IDENTITY_MIN_BACKOFF_MS', path: 'identity.minBackoffMs', kind: 'int' },
  { env: 'IDENTITY_MAX_BACKOFF_MS', path: 'identity.maxBackoffMs', kind: 'int' },
  { env: 'TIMERS_SCHEMA', path: 'timers.schema', kind: 'string' },
  { env: 'TIMERS_CONCURRENCY', path: 'timers.concurrency', kind: 'int' },
  { env: 'TIMERS_POLL_INTERVAL_MS', path: 'timers.pollIntervalMs', kind: 'int' },
  { env: 'RETENTION_INBOX_DAYS', path: 'retention.inboxDays', kind: 'int' },
  { env: 'RETENTION_OUTBOX_DAYS', path: 'retention.outboxDays', kind: 'int' },
  { env: 'RETENTION_BATCHES_DAYS', path: 'retention.batchesDays', kind: 'int' },
  { env: 'RETENTION_DEAD_LETTER_PAYLOADS_DAYS', path: 'retention.deadLetterPayloadsDays', kind: 'int' },
  { env: 'GATEWAY_STUB_LATENCY_MS', path: 'gatewayStub.latencyMs', kind: 'int' },
  { env: 'GATEWAY_STUB_NOT_FOUND_RATE', path: 'gatewayStub.notFoundRate', kind: 'number' },
  { env: 'GATEWAY_STUB_ERROR_RATE', path: 'gatewayStub.errorRate', kind: 'number' },
  { env: 'GATEWAY_STUB_OUTAGES', path: 'gatewayStub.outages', kind: 'list' },
  { env: 'GATEWAY_STUB_POPULATION_SIZE', path: 'gatewayStub.populationSize', kind: 'int' },
  { env: 'GATEWAY_STUB_POPULATION_SEED', path: 'gatewayStub.populationSeed', kind: 'int' },
  { env: 'COLLEGE_SIMULATOR_SEED', path: 'collegeSimulator.seed', kind: 'int' },
  { env: 'COLLEGE_SIMULATOR_MIX_ISSUE', path: 'collegeSimulator.mix.issue', kind: 'number' },
  { env: 'COLLEGE_SIMULATOR_MIX_HEARING_ISSUE', path: 'collegeSimulator.mix.hearingThenIssue', kind: 'number' },
  { env: 'COLLEGE_SIMULATOR_MIX_HEARING_REFUSE', path: 'collegeSimulator.mix.hearingThenRefuse', kind: 'number' },
  { env: 'COLLEGE_SIMULATOR_MIX_SILENT', path: 'collegeSimulator.mix.silent', kind: 'number' },
  { env: 'COLLEGE_SIMULATOR_OBJECTION_RATE', path: 'collegeSimulator.objectionRate', kind: 'number' },
  {
    env: 'COLLEGE_SIMULATOR_REGISTRATION_DELAY_HOURS',
    path: 'collegeSimulator.registrationDelayHours',
    kind: 'number',
  },
  { env: 'COLLEGE_SIMULATOR_REVIEW_HOURS', path: 'collegeSimulator.reviewHours', kind: 'number' },
  {
    env: 'COLLEGE_SIMULATOR_HEARING_AFTER_NOTICE_HOURS',
    path: 'collegeSimulator.hearingAfterNoticeHours',
    kind: 'number',
  },
  {
    env: 'COLLEGE_SIMULATOR_DECISION_AFTER_HEARING_HOURS',
    path: 'collegeSimulator.decisionAfterHearingHours',
    kind: 'number',
  },
  { env: 'COLLEGE_SIMULATOR_COLLECTION_HOURS', path: 'collegeSimulator.collectionHours', kind: 'number' },
  { env: 'COURIER_SIMULATOR_SEED', path: 'courierSimulator.seed', kind: 'int' },
  { env: 'COURIER_SIMULATOR_PICKUP_DELAY_MINUTES', path: 'courierSimulator.pickupDelayMinutes', kind: 'number' },
  { env: 'COURIER_SIMULATOR_TRANSIT_MINUTES', path: 'courierSimulator.transitMinutes', kind: 'number' },
  { env: 'COURIER_SIMULATOR_LOST_RATE', path: 'courierSimulator.lostRate', kind: 'number' },
  { env: 'COURIER_SIMULATOR_DELAYED_RATE', path: 'courierSimulator.delayedRate', kind: 'number' },
  { env: 'COURIER_SIMULATOR_DELAY_MINUTES', path: 'courierSimulator.delayMinutes', kind: 'number' },
  { env: 'COURIER_SIMULATOR_OFFICE_HOURS', path: 'courierSimulator.officeHours', kind: 'bool' },
];

/** The timer queue's schema: configured, or `<database schema>_timers` (so tests isolate with the database schema). */
export function timersSchemaOf(config: AppConfig): string {
  return config.timers.schema || `${config.database.schema}_timers`;
}
