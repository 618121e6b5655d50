import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { freePort } from './ports.js';
import { kafkaAnswers } from './kafka.js';
import { createOwner } from './postgres.js';
import { setGlobalCompatibility } from './registry.js';

/** Images used in docker mode; docker-compose.yml uses the same ones (a test checks it). */
export const IMAGES = {
  kafka: (v: string) => `apache/kafka:${v}`,
  registry: (v: string) => `apicurio/apicurio-registry:${v}`,
  postgres: 'postgres:17',
} as const;

/** True when a Docker engine answers on its socket (DOCKER_HOST over tcp is trusted as given). */
export async function dockerEngineAnswers(): Promise<boolean> {
  if (process.env.DOCKER_HOST?.startsWith('tcp://')) return true;
  const socketPath = process.env.DOCKER_HOST?.replace(/^unix:\/\//, '') || '/var/run/docker.sock';
  if (!existsSync(socketPath)) return false;
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

export interface Started {
  url: string;
  stop(): Promise<void>;
}

function stopper(c: StartedTestContainer): () => Promise<void> {
  return async () => {
    await c.stop();
  };
}

export async function startKafkaContainer(version: string): Promise<Started> {
  const hostPort = await freePort();
  const c = await new GenericContainer(IMAGES.kafka(version))
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_MIN_INSYNC_REPLICAS: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .start();
  const brokers = [`127.0.0.1:${hostPort}`];
  for (let i = 0; i < 120 && !(await kafkaAnswers(brokers)); i++) await new Promise((r) => setTimeout(r, 500));
  return { url: brokers.join(','), stop: stopper(c) };
}

export async function startRegistryContainer(version: string): Promise<Started> {
  const c = await new GenericContainer(IMAGES.registry(version))
    .withExposedPorts(8080)
    .withWaitStrategy(Wait.forHttp('/apis/ccompat/v7/subjects', 8080))
    .start();
  const url = `http://${c.getHost()}:${c.getMappedPort(8080)}/apis/ccompat/v7`;
  await setGlobalCompatibility(url, 'BACKWARD');
  return { url, stop: stopper(c) };
}

export async function startPostgresContainer(): Promise<Started> {
  const password = randomBytes(18).toString('base64url');
  const c = await new GenericContainer(IMAGES.postgres)
    .withExposedPorts(5432)
    .withEnvironment({ POSTGRES_PASSWORD: password })
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const superuser = `postgres://postgres:${password}@${c.getHost()}:${c.getMappedPort(5432)}/postgres`;
  return { url: await createOwner(superuser), stop: stopper(c) };
}
