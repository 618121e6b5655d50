/**
 * A college faster than the gateway, on real Kafka, the registry and PostgreSQL: an application
 * received at the college office is registered and its duplicate issued while the identity check
 * is still waiting (the gateway stub is started only afterwards). The core keeps the decision
 * (DuplicateIssueHeld), reports nothing for it and parks nothing; when the stub answers, the
 * identity is verified and the duplicate issued, its digital form published once. The clock is
 * pinned to Monday 1 March 2027, 10:00.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Topics, dlqTopic, type TopicName } from '../../../src/contract/topics.js';
import { eligiblePerson, officeApplication } from '../../../src/local/demo/applications.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { stageCodesOf, topicValues } from '../../support/topic-values.js';
import { clockNow } from '../../support/clock.js';
import { collegeDecision } from '../../support/college-decision.js';

let h: Harness;
beforeAll(async () => {
  h = await harness('held', {
    CLOCK_START_AT: '2027-03-01T10:00:00+05:00',
    CLOCK_ANCHOR_AT: new Date().toISOString(),
    // One request, waited for long enough: the stub answers it when it starts.
    IDENTITY_RESPONSE_TIMEOUT_MS: '600000',
  });
  await h.startAdapter();
});
afterAll(async () => h?.stop());

const values = (base: TopicName) => topicValues(h, base);
const stagesOf = (id: string) => stageCodesOf(h, id);
const until = (what: string, p: () => boolean) => h.reader.until(p, 30_000, what);

describe('a duplicate issued before the gateway answered', () => {
  it('is kept, then issued when the identity is verified, once, and nothing is parked', async () => {
    const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
    const now = () => clockNow(h.config);
    const msg = officeApplication(eligiblePerson(seed, size, 11, '2027-03-01').person, { receivedAt: now() });
    const id = msg.applicationId;
    await h.send(Topics.collegeDecisions, id, msg);
    await until('the identity request', () => values(Topics.identityRequests).some((r) => r.applicationId === id));
    await h.send(
      Topics.collegeDecisions,
      id,
      collegeDecision(now(), id, 'REGISTERED', { registrationNumber: '№ 5-Т', registeredAt: now() }),
    );
    await h.send(
      Topics.collegeDecisions,
      id,
      collegeDecision(now(), id, 'DUPLICATE_ISSUED', {
        documentKind: 'DIPLOMA_WITH_SUPPLEMENT',
        series: 'ТКБ',
        number: '0000005',
        issuedOn: now().slice(0, 10),
        registrationNumber: '№ 5-Т',
      }),
    );
    await vi.waitFor(async () => expect(await h.eventTypesOf(id)).toContain('DuplicateIssueHeld'), {
      timeout: 30_000,
      interval: 200,
    });
    // Held in the database; the stage of the registration comes through the relay and the reader.
    await until('REGISTERED_AT_COLLEGE', () => stagesOf(id).includes('REGISTERED_AT_COLLEGE'));
    await h.adapter!.relay.drained();
    expect(stagesOf(id)).toEqual(['ACCEPTED', 'REGISTERED_AT_COLLEGE']);
    expect((await h.stateOf(id))?.phase).toBe('UNDER_REVIEW');
    expect(values(Topics.digitalDocuments).filter((d) => d.applicationId === id)).toHaveLength(0);

    await h.startStub();
    // The reader follows each topic on its own: wait for the stage and the digital diploma both.
    await until('RESULT_READY', () => stagesOf(id).includes('RESULT_READY'));
    await until('the digital diploma', () => values(Topics.digitalDocuments).some((d) => d.applicationId === id));
    await until('the identity check to the college', () =>
      values(Topics.collegeApplications).some((a) => a.applicationId === id && a.purpose === 'IDENTITY_CHECKED'),
    );
    await h.adapter!.relay.drained();
    expect(stagesOf(id)).toEqual([
      'ACCEPTED',
      'REGISTERED_AT_COLLEGE',
      'IDENTITY_VERIFIED',
      'DUPLICATE_ISSUED',
      'DIGITAL_PUBLISHED',
      'RESULT_READY',
    ]);
    const digital = values(Topics.digitalDocuments).filter((d) => d.applicationId === id);
    expect(digital).toHaveLength(1);
    expect(await h.eventTypesOf(id)).toEqual(
      expect.arrayContaining(['DuplicateIssueHeld', 'IdentityVerified', 'DuplicateIssued', 'DigitalDiplomaPublished']),
    );
    // The college had the application without identity data; it is told the check is over, once.
    const toCollege = values(Topics.collegeApplications).filter((a) => a.applicationId === id);
    expect(toCollege.map((a) => [a.purpose, a.identity === null])).toEqual([
      ['APPLICATION', true],
      ['IDENTITY_CHECKED', false],
    ]);
    expect(h.reader.on(dlqTopic(h.topic(Topics.collegeDecisions)))).toHaveLength(0);
    expect((await h.stateOf(id))?.heldDecision).toBeNull();
  });
});
