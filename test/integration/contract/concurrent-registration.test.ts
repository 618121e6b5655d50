import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { registerContractSchemas, type RegisteredSchema } from '../../../src/platform/messaging/registry.js';
import { provisionTopics, topicPlan } from '../../../src/platform/messaging/topics.js';
import { isolatedConfig } from '../../support/isolation.js';

const config = isolatedConfig('concurrent');
const url = config.schemaRegistry.url;

function failures(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
}

function ids(m: Map<string, RegisteredSchema>): Record<string, number> {
  return Object.fromEntries([...m].map(([topic, s]) => [topic, s.id]));
}

// The adapter and the gateway stub start together and both register the contract: on a fresh
// registry one of them used to stop with SCHEMA_REGISTRATION_FAILED ("A rule named
// 'COMPATIBILITY' already exists"), having lost the race to create the subject's rule.
describe('start-up from several processes at once', () => {
  it('registers the contract from every client on fresh subjects, same ids, BACKWARD on each', async () => {
    const starts = Array.from({ length: 4 }, () => registerContractSchemas(url, config.kafka.topicPrefix));
    const results = await Promise.allSettled(starts);
    expect(failures(results)).toEqual([]);

    const [first, ...others] = results.map((r) => (r as PromiseFulfilledResult<Map<string, RegisteredSchema>>).value);
    for (const other of others) expect(ids(other!)).toEqual(ids(first!));
    for (const s of first!.values()) {
      const res = await fetch(`${url}/config/${encodeURIComponent(s.subject)}`);
      expect(res.status, s.subject).toBe(200);
      expect(((await res.json()) as { compatibilityLevel: string }).compatibilityLevel).toBe('BACKWARD');
      const versions = (await (await fetch(`${url}/subjects/${s.subject}/versions`)).json()) as number[];
      expect(versions, s.subject).toEqual([1]);
    }
  });

  it('provisions the topics from every client at once', async () => {
    const { clientId, brokers } = config.kafka;
    const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
    const admins = Array.from({ length: 4 }, () => kafka.admin());
    await Promise.all(admins.map((a) => a.connect()));
    try {
      const results = await Promise.allSettled(admins.map((a) => provisionTopics(a, config)));
      expect(failures(results)).toEqual([]);
      const topics = new Set(await admins[0]!.listTopics());
      for (const t of topicPlan(config)) expect(topics.has(t.topic), t.topic).toBe(true);
    } finally {
      await Promise.all(admins.map((a) => a.disconnect()));
    }
  });
});
