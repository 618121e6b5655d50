import { Kafka, logLevel, type KafkaConfig, type LogEntry, type SASLOptions, type logCreator } from 'kafkajs';
// Before any client exists: no TimeoutNegativeWarning from kafkajs on Node 24.
import './kafkajs-timeouts.js';
import { readKafkaCaFile } from '../config/load.js';
import type { AppConfig } from '../config/schema.js';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../logging/logger.js';

/** kafkajs logs through our pino logger (so its output is redacted and JSON like ours). */
function pinoLogCreator(log: Logger): logCreator {
  return () =>
    ({ level, log: entry }: LogEntry) => {
      const { message, ...rest } = entry;
      const fields = { kafkajs: entry.namespace, ...rest };
      // kafkajs logs protocol errors it retries itself (leader moves, coordinator loading) at ERROR;
      // what it cannot retry reaches us as a thrown error, logged by us at error level.
      if (level === logLevel.ERROR || level === logLevel.WARN) log.warn(fields, message);
      else if (level === logLevel.INFO) log.debug(fields, message);
      else log.trace(fields, message);
    };
}

// Our producers key every message; the v2 default partitioner is the one we want, so its notice is noise.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

/**
 * TLS and SASL as configured (kafka.ssl, kafka.sslCaFile, kafka.sasl): none for a local run, both
 * in production. With a CA file, the brokers' certificates must chain to its certificates (read
 * here, at each client's creation) instead of the system's CA store; host names are checked either way.
 */
export function kafkaSecurity(config: AppConfig): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const { mechanism, username, password } = config.kafka.sasl;
  const sasl: SASLOptions | undefined = mechanism === '' ? undefined : { mechanism, username, password };
  const { ssl, sslCaFile } = config.kafka;
  const tls = ssl ? { ssl: sslCaFile === '' ? true : { ca: [readKafkaCaFile(sslCaFile)] } } : {};
  return { ...tls, ...(sasl ? { sasl } : {}) };
}

/** The brokers refused this client's SASL login (wrong user, password or mechanism). */
export class KafkaAuthenticationError extends AppError {}

/** kafkajs' error, or one it wraps (its retrier wraps what it gives up on), of the given name. */
function kafkajsErrorNamed(err: unknown, name: string): Error | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === name) return e;
  }
  return null;
}

/**
 * `err` as a KafkaAuthenticationError when the brokers refused the SASL login, else null. It names
 * the settings to check, the mechanism and the user, never the password.
 */
export function asKafkaAuthenticationError(err: unknown, config: AppConfig): KafkaAuthenticationError | null {
  const refused = kafkajsErrorNamed(err, 'KafkaJSSASLAuthenticationError');
  if (!refused) return null;
  const brokers = config.kafka.brokers.join(',');
  const { mechanism, username } = config.kafka.sasl;
  return new KafkaAuthenticationError(
    'KAFKA_AUTHENTICATION_FAILED',
    `The brokers ${brokers} refused the SASL ${mechanism} login of user "${username}" (${refused.message}). ` +
      'Check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD against the credentials the cluster holds for this client, ' +
      'and KAFKA_SASL_MECHANISM against the mechanisms its listener enables.',
    { brokers, mechanism, username },
    { cause: err },
  );
}

/**
 * What to check when a connection with TLS failed on the certificate (not trusted, or not naming
 * the host): '' for any other error.
 */
export function kafkaTlsHint(err: unknown, config: AppConfig): string {
  if (!config.kafka.ssl) return '';
  const messages: string[] = [];
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) messages.push(e.message);
  if (!/certificate|self[- ]signed|altnames|TLS|SSL/i.test(messages.join(' '))) return '';
  return (
    " Check KAFKA_SSL_CA_FILE (the CA that signed the brokers' certificates; empty: the system's CA store) " +
    'and that KAFKA_BROKERS names the hosts their certificates name.'
  );
}

export function createKafka(config: AppConfig, log: Logger, clientSuffix = ''): Kafka {
  return new Kafka({
    clientId: `${config.kafka.clientId}${clientSuffix}`,
    brokers: config.kafka.brokers,
    ...kafkaSecurity(config),
    logLevel: logLevel.INFO,
    logCreator: pinoLogCreator(log),
    // kafkajs backs off between attempts (and before restarting a crashed consumer) up to
    // maxRetryTime: at 30 s the consumer of the fault suite, after Kafka was away 40 s, stood
    // still 12 s more once it was back. 5 s bounds what an outage costs after it ends.
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 5_000 },
  });
}
