import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config/load.js';
import { ALL_TOPICS, INBOUND_TOPICS } from '../../../src/contract/topics.js';
import { parseJavaMajor } from '../../../src/local/infra/java.js';
import { kafkaServerProperties } from '../../../src/local/infra/kafka.js';
import { OUTBOX_CURSOR_TOPIC, topicPlan } from '../../../src/platform/messaging/topics.js';
import { resolveTopic } from '../../../src/pipeline/outbox/relay.js';

describe('infrastructure details', () => {
  it('reads the Java major version from `java -version` of old and new JDKs', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "25.0.3" 2026-04-21 LTS')).toBe(25);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('command not found')).toBeNull();
  });

  it('configures a single-node KRaft broker with replication 1 everywhere and no auto-created topics', () => {
    const p = kafkaServerProperties({ brokerPort: 19092, controllerPort: 19093, logDir: '/tmp/x' });
    const props = Object.fromEntries(
      p
        .trim()
        .split('\n')
        .map((l) => l.split('=') as [string, string]),
    );
    expect(props['process.roles']).toBe('broker,controller');
    expect(props['controller.quorum.voters']).toBe('1@127.0.0.1:19093');
    expect(props['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:19092');
    for (const k of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'min.insync.replicas',
    ])
      expect(props[k]).toBe('1');
    expect(props['group.initial.rebalance.delay.ms']).toBe('0');
    expect(props['auto.create.topics.enable']).toBe('false');
  });

  it('plans every contract topic, a .dlq beside each inbound one, and the relay cursor, with config partitions and retention', () => {
    const config = loadConfig({ KAFKA_TOPIC_PREFIX: 'p1', KAFKA_PARTITIONS: '4', KAFKA_RETENTION_MS: '3600000' });
    const plan = topicPlan(config);
    expect(plan).toHaveLength(ALL_TOPICS.length + INBOUND_TOPICS.length + 1);
    const monitoring = plan.find((t) => t.topic === 'p1.egov.monitoring.stages.v1')!;
    expect(monitoring.numPartitions).toBe(4);
    expect(monitoring.configEntries).toEqual([{ name: 'retention.ms', value: '3600000' }]);
    expect(plan.find((t) => t.topic === 'p1.egov.portal.applications.v1.dlq')!.configEntries![0]!.value).toBe(
      String(config.kafka.dlqRetentionMs),
    );
    expect(plan.some((t) => t.topic === `p1.${OUTBOX_CURSOR_TOPIC}`)).toBe(true);
  });

  it('resolves an outbox row to its full topic, dead letters included', () => {
    expect(resolveTopic('egov.monitoring.stages.v1', '')).toBe('egov.monitoring.stages.v1');
    expect(resolveTopic('egov.monitoring.stages.v1', 'it-1')).toBe('it-1.egov.monitoring.stages.v1');
    expect(resolveTopic('egov.portal.applications.v1.dlq', 'it-1')).toBe('it-1.egov.portal.applications.v1.dlq');
    expect(() => resolveTopic('no.such.topic', '')).toThrow(/not a topic of the contract/);
  });
});
