import { Kafka, logLevel, type KafkaConfig, type LogEntry, type SASLOptions, type logCreator } from 'kafkajs';
// Before any client exists: no TimeoutNegativeWarning from kafkajs on Node 24.
import './kafkajs-timeouts.js';
import type { AppConfig } from '../config/schema.js';
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

/** TLS and SASL as configured (kafka.ssl, kafka.sasl): none for a local run, both in production. */
export function kafkaSecurity(config: AppConfig): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const { mechanism, username, password } = config.kafka.sasl;
  const sasl: SASLOptions | undefined = mechanism === '' ? undefined : { mechanism, username, password };
  return { ...(config.kafka.ssl ? { ssl: true } : {}), ...(sasl ? { sasl } : {}) };
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
