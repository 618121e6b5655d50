import type { AppConfig } from '../platform/config/schema.js';
import type { Infrastructure } from '../local/infra/launcher.js';

/** The configuration with the connection strings of the infrastructure actually in use. */
export function withInfrastructure(config: AppConfig, infra: Infrastructure): AppConfig {
  return {
    ...config,
    kafka: { ...config.kafka, brokers: infra.kafkaBrokers },
    schemaRegistry: { url: infra.registryUrl },
    database: { ...config.database, url: infra.databaseUrl },
  };
}

/** The same as environment variables, for a child process (the gateway stub). */
export function infrastructureEnv(infra: Infrastructure): Record<string, string> {
  return {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: infra.registryUrl,
    DATABASE_URL: infra.databaseUrl,
    INFRA_MODE: 'external',
  };
}
