import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../src/platform/logging/logger.js';
import { personAt } from '../../../../src/local/gateway-stub/population.js';
import { isolatedConfig } from '../../../support/isolation.js';
import { eventually, gatewayTestClient, type GatewayTestClient } from './client.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const config = isolatedConfig('gwstubproc');
const log = createLogger({ level: config.log.level, name: 'gwstubproc' });
let client: GatewayTestClient;
let child: ChildProcess | undefined;
let stdout = '';

/** The environment the stub process reads its configuration from (same prefix and services as this file). */
function childEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    KAFKA_BROKERS: config.kafka.brokers.join(','),
    SCHEMA_REGISTRY_URL: config.schemaRegistry.url,
    KAFKA_TOPIC_PREFIX: config.kafka.topicPrefix,
    KAFKA_GROUP_ID: config.kafka.groupId,
    KAFKA_CLIENT_ID: `${config.kafka.clientId}-child`,
    GATEWAY_STUB_LATENCY_MS: '10',
    GATEWAY_STUB_POPULATION_SIZE: '500',
  };
}

beforeAll(async () => {
  client = await gatewayTestClient(config, log);
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await client?.stop();
});

describe('gateway stub as a separate process', () => {
  it('answers a request made before it started, logs no personal data, and stops cleanly on SIGTERM', async () => {
    const person = personAt(config.gatewayStub.populationSeed, 42);
    const early = client.request({ iin: person.iin });
    await client.send(early);

    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/gateway-stub.ts'], {
      cwd: ROOT,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    expect(
      await eventually(() => stdout.includes('"msg":"gateway stub ready"'), 60_000),
      `stdout:\n${stdout}\nstderr:\n${stderr}`,
    ).toBe(true);
    const got = await client.waitFor(early.requestId, 30_000);
    expect(got?.value).toMatchObject({
      status: 'FOUND',
      requestId: early.requestId,
      person: { iin: person.iin, surname: person.surname },
    });

    const late = client.request({ iin: personAt(config.gatewayStub.populationSeed, 43).iin });
    await client.send(late);
    expect((await client.waitFor(late.requestId, 30_000))?.value.status).toBe('FOUND');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"gateway stub stopped"');
    expect(stdout).toContain(early.requestId);
    expect(stdout).not.toContain(person.iin);
    expect(stdout).not.toContain(person.surname);
    expect(stderr).toBe('');
  });
});
