import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { millisToInstant } from '../../../../src/contract/logical-types.js';
import type {
  CollegeApplicationRegistered,
  CourierOrderMessage,
  MessageByTopic,
} from '../../../../src/contract/messages.js';
import { Topics, type TopicName } from '../../../../src/contract/topics.js';
import { createClock } from '../../../../src/platform/clock/clock.js';
import { createLogger } from '../../../../src/platform/logging/logger.js';
import { isolatedConfig } from '../../../support/isolation.js';
import { samples } from '../../../support/samples.js';
import { simulatorTestClient } from './client.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts `npm run cli -- <command>` as the lead's `npm start` would, on this test's prefix and clock. */
function startCommand(command: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', command], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (b: Buffer) => (out.stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out.stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exited };
}

async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** A prefix of its own, a clock started now at a Monday morning 2000 times faster, as variables for a child. */
function setup(label: string, env: Record<string, string>) {
  const clockEnv = {
    CLOCK_START_AT: '2026-02-09T09:00:00+05:00',
    CLOCK_ANCHOR_AT: new Date().toISOString(),
    CLOCK_SPEED: '2000',
  };
  const config = isolatedConfig(label, { ...clockEnv, ...env });
  const childEnv = {
    KAFKA_BROKERS: config.kafka.brokers.join(','),
    SCHEMA_REGISTRY_URL: config.schemaRegistry.url,
    KAFKA_TOPIC_PREFIX: config.kafka.topicPrefix,
    KAFKA_GROUP_ID: config.kafka.groupId,
    KAFKA_CLIENT_ID: `${config.kafka.clientId}-child`,
    ...clockEnv,
    ...env,
  };
  return { config, childEnv, log: createLogger({ level: config.log.level, name: label }) };
}

async function runAndStop<I extends TopicName, O extends TopicName>(
  command: string,
  ready: string,
  stopped: string,
  s: ReturnType<typeof setup>,
  io: { in: I; out: O; message: (now: string) => MessageByTopic[I] },
  expectedKinds: string[],
  secrets: string[],
): Promise<void> {
  const client = await simulatorTestClient(s.config, s.log, io.in, io.out);
  try {
    const { child, out, exited } = startCommand(command, s.childEnv);
    expect(await eventually(() => out.stdout.includes(`"msg":"${ready}"`), 60_000), JSON.stringify(out)).toBe(true);
    await client.send(io.message(millisToInstant(createClock(s.config.clock).now().getTime())));
    await client.until((all) => all.length >= expectedKinds.length, 60_000, expectedKinds.join(', '));
    expect(client.all().map((r) => (r.value as { kind: string }).kind)).toEqual(expectedKinds);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.stdout).toContain(`"msg":"${stopped}"`);
    for (const secret of secrets) expect(out.stdout).not.toContain(secret);
    expect(out.stderr).toBe('');
  } finally {
    await client.stop();
  }
}

describe('the simulators as processes (npm run cli -- ...)', () => {
  it('college-simulator answers an application, logs no personal data, and stops cleanly on SIGTERM', async () => {
    const s = setup('collegesimproc', {
      COLLEGE_SIMULATOR_MIX_ISSUE: '1',
      COLLEGE_SIMULATOR_MIX_HEARING_ISSUE: '0',
      COLLEGE_SIMULATOR_MIX_HEARING_REFUSE: '0',
      COLLEGE_SIMULATOR_REVIEW_HOURS: '1',
    });
    const sample = samples[Topics.collegeApplications][1]!;
    const applicationId = `EGOV-IT-${randomUUID().slice(0, 8)}`;
    await runAndStop(
      'college-simulator',
      'college simulator ready',
      'college simulator stopped',
      s,
      {
        in: Topics.collegeApplications,
        out: Topics.collegeDecisions,
        message: (now): CollegeApplicationRegistered => ({
          ...sample,
          messageId: randomUUID(),
          applicationId,
          correlationId: applicationId,
          occurredAt: now,
        }),
      },
      ['REGISTERED', 'DUPLICATE_ISSUED'],
      [sample.form.applicant.iin, sample.form.applicant.surname],
    );
  });

  it('courier-simulator answers a register dispatch and stops cleanly on SIGTERM', async () => {
    const s = setup('couriersimproc', { COURIER_SIMULATOR_OFFICE_HOURS: 'false' });
    const sample = samples[Topics.courierOrders][0]! as Extract<CourierOrderMessage, { kind: 'REGISTER_DISPATCH' }>;
    await runAndStop(
      'courier-simulator',
      'courier simulator ready',
      'courier simulator stopped',
      s,
      {
        in: Topics.courierOrders,
        out: Topics.courierEvents,
        message: (now): CourierOrderMessage => ({
          ...sample,
          messageId: randomUUID(),
          occurredAt: now,
          registerDispatch: { ...sample.registerDispatch, slot: { from: now, to: now } },
        }),
      },
      ['PICKED_UP', 'DELIVERED'],
      [],
    );
  });
});
