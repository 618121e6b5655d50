import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { millisToInstant } from '../../../../src/contract/logical-types.js';
import type { CollegeApplicationRegistered, CollegeDecisionMessage } from '../../../../src/contract/messages.js';
import { Topics } from '../../../../src/contract/topics.js';
import { drawCollege, type CollegePath } from '../../../../src/local/college-simulator/draws.js';
import { decisionMessageId } from '../../../../src/local/college-simulator/plan.js';
import { startCollegeSimulator, type CollegeSimulator } from '../../../../src/local/college-simulator/simulator.js';
import { createClock } from '../../../../src/platform/clock/clock.js';
import type { AppConfig } from '../../../../src/platform/config/schema.js';
import { createLogger } from '../../../../src/platform/logging/logger.js';
import { isolatedConfig } from '../../../support/isolation.js';
import { samples } from '../../../support/samples.js';
import { pause, simulatorTestClient, type Received, type SimulatorTestClient } from './client.js';

type Client = SimulatorTestClient<typeof Topics.collegeApplications, typeof Topics.collegeDecisions>;

/** Monday 9 February 2026, 9:00 in Almaty (2026 is an official year of the calendar). */
const START = '2026-02-09T09:00:00+05:00';

/** The configuration with a clock that reads START now and runs `speed` times faster (processes given it agree). */
function withClock(config: AppConfig, speed: number): AppConfig {
  return { ...config, clock: { startAt: START, anchorAt: new Date().toISOString(), speed } };
}
const WAIT_MS = 30_000;

/** Its own prefix and group, and the simulators' delays for these tests. */
function testConfig(label: string, env: Record<string, string> = {}): AppConfig {
  return isolatedConfig(label, {
    COLLEGE_SIMULATOR_REGISTRATION_DELAY_HOURS: '0.25',
    COLLEGE_SIMULATOR_REVIEW_HOURS: '2',
    COLLEGE_SIMULATOR_HEARING_AFTER_NOTICE_HOURS: '2',
    COLLEGE_SIMULATOR_DECISION_AFTER_HEARING_HOURS: '1',
    ...env,
  });
}

/** An application id whose draw takes `path` under the configuration's seed and mix. */
function idFor(config: AppConfig, path: CollegePath, consent = true): string {
  const s = config.collegeSimulator;
  for (let i = 0; ; i++) {
    const id = `EGOV-IT-${randomUUID().slice(0, 8)}-${i}`;
    if (drawCollege(s.seed, id, s.mix, s.objectionRate, consent).path === path) return id;
  }
}

/** A valid college.applications.v1 message (the portal sample) for `applicationId`, occurring now on the clock. */
function application(config: AppConfig, applicationId: string): CollegeApplicationRegistered {
  const sample = samples[Topics.collegeApplications][1]!;
  return {
    ...sample,
    messageId: randomUUID(),
    correlationId: applicationId,
    applicationId,
    occurredAt: millisToInstant(createClock(config.clock).now().getTime()),
  };
}

const of = (client: Client, applicationId: string) =>
  client.all().filter((r) => r.value.applicationId === applicationId);
const kinds = (rs: Received<CollegeDecisionMessage>[]) => rs.map((r) => r.value.kind);

describe('college simulator, in process', () => {
  const base = testConfig('collegesim');
  const log = createLogger({ level: base.log.level, name: 'collegesim' });
  let config: AppConfig;
  let client: Client;
  let sim: CollegeSimulator;

  beforeAll(async () => {
    client = await simulatorTestClient(base, log, Topics.collegeApplications, Topics.collegeDecisions);
    config = withClock(base, 20_000);
    sim = await startCollegeSimulator(config, log);
  });
  afterAll(async () => {
    await sim?.stop();
    await client?.stop();
  });

  it('answers each application with its decisions in order, keyed by application id, each at its time', async () => {
    const paths: Array<[CollegePath, string[]]> = [
      ['ISSUE', ['REGISTERED', 'DUPLICATE_ISSUED']],
      ['HEARING_ISSUE', ['REGISTERED', 'PRELIMINARY_REFUSAL', 'HEARING_HELD', 'DUPLICATE_ISSUED']],
      ['HEARING_REFUSE', ['REGISTERED', 'PRELIMINARY_REFUSAL', 'HEARING_HELD', 'REFUSED']],
    ];
    const apps = paths.map(([path]) => application(config, idFor(config, path)));
    for (const a of apps) await client.send(a);
    await client.until(
      () => paths.every(([, expected], i) => of(client, apps[i]!.applicationId).length >= expected.length),
      WAIT_MS,
      'every decision of the three applications',
    );
    await pause(500);
    const clock = createClock(config.clock);
    paths.forEach(([path, expected], i) => {
      const a = apps[i]!;
      const got = of(client, a.applicationId);
      expect(kinds(got), path).toEqual(expected);
      for (const r of got) {
        expect(r.key).toBe(a.applicationId);
        expect(r.value).toMatchObject({ collegeBin: a.collegeBin, correlationId: a.correlationId });
        expect(r.value.messageId).toBe(decisionMessageId(a.applicationId, r.value.kind));
        // Published when the clock reached the decision's instant, not before (50 ms for clock rounding).
        expect(r.timestamp).toBeGreaterThanOrEqual(clock.toReal(new Date(r.value.occurredAt)).getTime() - 50);
      }
      const at = got.map((r) => Date.parse(r.value.occurredAt));
      expect([...at].sort((x, y) => x - y)).toEqual(at);
    });
    expect(sim.stats()).toMatchObject({
      planned: 3,
      pending: 0,
      paths: { ISSUE: 1, HEARING_ISSUE: 1, HEARING_REFUSE: 1 },
      published: { REGISTERED: 3, PRELIMINARY_REFUSAL: 2, HEARING_HELD: 2, DUPLICATE_ISSUED: 2, REFUSED: 1 },
    });
  });

  it('does not plan an application again when it is redelivered or re-sent, and skips what it cannot decode', async () => {
    const a = application(config, idFor(config, 'ISSUE'));
    await client.send(a);
    await client.until(() => of(client, a.applicationId).length >= 2, WAIT_MS, 'the decisions of the application');
    const before = sim.stats();
    await client.sendRaw(Buffer.from('not an avro message'));
    await client.send(a);
    await client.send({ ...a, messageId: randomUUID() });
    await client.until(() => sim.stats().redelivered === before.redelivered + 2, WAIT_MS, 'the two re-sends');
    await pause(1500);
    expect(kinds(of(client, a.applicationId))).toEqual(['REGISTERED', 'DUPLICATE_ISSUED']);
    expect(sim.stats().undecodable).toBe(1);
    expect(sim.stats().planned).toBe(before.planned);
  });

  it('notes the end of an identity check (IDENTITY_CHECKED) and answers nothing to it', async () => {
    const before = sim.stats();
    const update = { ...application(config, idFor(config, 'ISSUE')), purpose: 'IDENTITY_CHECKED' as const };
    await client.send(update);
    await client.until(() => sim.stats().noted === before.noted + 1, WAIT_MS, 'the update noted');
    await pause(1500);
    expect(of(client, update.applicationId)).toEqual([]);
    expect(sim.stats()).toMatchObject({ planned: before.planned, invalid: before.invalid });
  });
});

describe('college simulator restarted in the middle of an application', () => {
  // 2000x: one working hour is 1.8 s, so there is time to stop it between REGISTERED and the notice.
  const base = testConfig('collegesimrst', {
    COLLEGE_SIMULATOR_MIX_ISSUE: '0',
    COLLEGE_SIMULATOR_MIX_HEARING_ISSUE: '0',
    COLLEGE_SIMULATOR_MIX_HEARING_REFUSE: '1',
  });
  const log = createLogger({ level: base.log.level, name: 'collegesimrst' });
  let client: Client;
  const sims: CollegeSimulator[] = [];

  beforeAll(async () => {
    client = await simulatorTestClient(base, log, Topics.collegeApplications, Topics.collegeDecisions);
  });
  afterAll(async () => {
    for (const s of sims) await s.stop();
    await client?.stop();
  });

  it('sends the rest after the restart, what it sends again with the same message ids and content', async () => {
    const config = withClock(base, 2000);
    const first = await startCollegeSimulator(config, log);
    sims.push(first);
    const a = application(config, `EGOV-IT-RESTART-${randomUUID().slice(0, 8)}`);
    await client.send(a);
    await client.until(() => of(client, a.applicationId).length >= 1, WAIT_MS, 'REGISTERED');
    await first.stop();
    expect(first.stats()).toMatchObject({ published: { REGISTERED: 1 } });
    expect(first.stats().published.PRELIMINARY_REFUSAL ?? 0).toBe(0);

    const second = await startCollegeSimulator(config, log);
    sims.push(second);
    const expected = ['REGISTERED', 'PRELIMINARY_REFUSAL', 'HEARING_HELD', 'REFUSED'];
    await client.until(
      () => new Set(kinds(of(client, a.applicationId))).size === 4,
      WAIT_MS * 2,
      'the rest of the decisions after the restart',
    );
    await client.until(() => second.stats().pending === 0, WAIT_MS, 'the plan to finish');
    const got = of(client, a.applicationId);
    // In effect once: every kind has one message id, and a message sent twice is the same message.
    const byId = new Map<string, string>();
    for (const r of got) {
      const text = JSON.stringify(r.value);
      expect(byId.get(r.value.messageId) ?? text).toBe(text);
      byId.set(r.value.messageId, text);
    }
    expect([...byId.keys()].sort()).toEqual(expected.map((k) => decisionMessageId(a.applicationId, k as never)).sort());
    expect([...new Set(kinds(got))]).toEqual(expected);
    await second.stop();

    // Everything was sent and the offset committed: a third start reads only what is new.
    const count = got.length;
    const third = await startCollegeSimulator(config, log);
    sims.push(third);
    const next = application(config, `EGOV-IT-AFTER-${randomUUID().slice(0, 8)}`);
    await client.send(next);
    await client.until(() => of(client, next.applicationId).length >= 1, WAIT_MS, 'REGISTERED of a new application');
    await pause(1000);
    expect(third.stats()).toMatchObject({ received: 1, planned: 1 });
    expect(of(client, a.applicationId)).toHaveLength(count);
  });
});
