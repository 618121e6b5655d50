import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envOverrides } from '../../../src/platform/config/schema.js';
import { loadConfig } from '../../../src/platform/config/load.js';
import { IMAGES } from '../../../src/local/infra/docker.js';

interface Service {
  image: string;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
}
const compose = parse(readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, Service>;
};
const defaults = loadConfig({});

describe('docker-compose.yml (cannot run here: checked against the code instead)', () => {
  it('has Kafka, a registry, PostgreSQL and the adapter, with the images docker mode uses', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['adapter', 'kafka', 'postgres', 'registry']);
    expect(compose.services.kafka!.image).toBe(IMAGES.kafka(defaults.infra.kafkaVersion));
    expect(compose.services.registry!.image).toBe(IMAGES.registry(defaults.infra.apicurioVersion));
    expect(compose.services.postgres!.image).toBe(IMAGES.postgres);
  });

  it('publishes the usual ports on 127.0.0.1 only, unless BIND_ADDRESS says otherwise', () => {
    expect(compose.services.kafka!.ports).toEqual(['${BIND_ADDRESS:-127.0.0.1}:9092:9092']);
    expect(compose.services.registry!.ports).toEqual(['${BIND_ADDRESS:-127.0.0.1}:8080:8080']);
    expect(compose.services.postgres!.ports).toEqual(['${BIND_ADDRESS:-127.0.0.1}:5432:5432']);
  });

  it('configures the adapter only through environment variables the config loader knows, and they validate', () => {
    const env = compose.services.adapter!.environment!;
    const known = new Set(envOverrides.map((o) => o.env));
    for (const name of Object.keys(env)) expect(known, `unknown env ${name}`).toContain(name);
    const cfg = loadConfig(env);
    expect(cfg.infra.mode).toBe('external');
    expect(cfg.kafka.brokers).toEqual(['kafka:29092']);
    expect(cfg.schemaRegistry.url).toMatch(/^http:\/\/registry:8080\/apis\/ccompat\/v7$/);
    expect(cfg.database.url).toContain('@postgres:5432/');
  });

  it('points the adapter at the compose services by their names and waits for them', () => {
    const env = compose.services.adapter!.environment!;
    expect(env.KAFKA_BROKERS).toMatch(/^kafka:/);
    expect(Object.keys(compose.services.adapter!.depends_on ?? {}).sort()).toEqual(['kafka', 'postgres', 'registry']);
  });
});
