import { describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { loadConfig } from '../../../src/platform/config/load.js';
import { withDeadline } from '../../../src/platform/messaging/deadline.js';
import { provisionTopicsWithin } from '../../../src/platform/messaging/topics.js';

const config = loadConfig({ KAFKA_BROKERS: 'k1:9092,k2:9092', KAFKA_REPLICATION_FACTOR: '3' });

/** An admin client that does what it is told, and says whether it was disconnected. */
function fakeKafka(admin: Partial<Admin>) {
  const state = { disconnected: false };
  const full = { listTopics: async () => [], createTopics: async () => true, ...admin };
  full.disconnect = async () => void (state.disconnected = true);
  return { kafka: { admin: () => full as unknown as Admin }, state };
}

describe('start-up steps with a deadline', () => {
  it('withDeadline gives the result in time, the typed error after', async () => {
    await expect(withDeadline(Promise.resolve(5), 50, () => new Error('late'))).resolves.toBe(5);
    await expect(withDeadline(new Promise(() => undefined), 20, () => new Error('late'))).rejects.toThrow('late');
  });

  it('stops provisioning that hangs with TOPIC_PROVISIONING_TIMEOUT and closes its admin client', async () => {
    const { kafka, state } = fakeKafka({ connect: () => new Promise<void>(() => undefined) });
    await expect(provisionTopicsWithin(kafka, config, 30)).rejects.toMatchObject({
      code: 'TOPIC_PROVISIONING_TIMEOUT',
      message: expect.stringMatching(/not provisioned on k1:9092,k2:9092 within 30 ms\. Check KAFKA_BROKERS/),
    });
    expect(state.disconnected).toBe(true);
  });

  it('names what to check when the brokers refuse the topics', async () => {
    const { kafka } = fakeKafka({
      connect: async () => undefined,
      createTopics: async () => {
        throw new Error('Replication factor: 3 larger than available brokers: 1');
      },
    });
    await expect(provisionTopicsWithin(kafka, config, 1000)).rejects.toMatchObject({
      code: 'TOPIC_PROVISIONING_FAILED',
      message: expect.stringMatching(/available brokers: 1\. .*KAFKA_REPLICATION_FACTOR \(3\) is not above/),
    });
  });
});
