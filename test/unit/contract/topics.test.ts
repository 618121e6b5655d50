import { describe, expect, it } from 'vitest';
import {
  ALL_TOPICS,
  INBOUND_TOPICS,
  OUTBOUND_TOPICS,
  TOPIC_SPECS,
  Topics,
  baseTopicOf,
  dlqTopic,
  isTopicName,
  topicName,
  valueSubject,
  type TopicName,
} from '../../../src/contract/topics.js';

describe('topic names', () => {
  it('splits the topics by direction as SPEC section 3 does', () => {
    expect([...INBOUND_TOPICS].sort()).toEqual([
      'college.decisions.v1',
      'courier.events.v1',
      'egov.gateway.identity.responses.v1',
      'egov.portal.applications.v1',
      'gov4c.corporation.applications.v1',
    ]);
    expect(OUTBOUND_TOPICS).toHaveLength(7);
    expect(new Set([...INBOUND_TOPICS, ...OUTBOUND_TOPICS]).size).toBe(ALL_TOPICS.length);
  });

  it('keys every topic by the application id except college.applications.v1 (college BIN) and the courier topics', () => {
    const rules = Object.fromEntries(ALL_TOPICS.map((t) => [t, TOPIC_SPECS[t].keyRule]));
    expect(rules[Topics.collegeApplications]).toBe('collegeBin');
    expect(rules[Topics.courierOrders]).toBe('registerOrApplicationId');
    expect(rules[Topics.courierEvents]).toBe('registerOrApplicationId');
    expect(ALL_TOPICS.filter((t) => rules[t] === 'applicationId')).toHaveLength(9);
  });

  it('prefixes a topic with "<prefix>." and leaves it alone without a prefix', () => {
    expect(topicName(Topics.collegeDecisions)).toBe('college.decisions.v1');
    expect(topicName(Topics.collegeDecisions, '')).toBe('college.decisions.v1');
    expect(topicName(Topics.collegeDecisions, 'it-7f3a')).toBe('it-7f3a.college.decisions.v1');
  });

  it.each(['bad prefix', 'ы', 'x/y', 'p'.repeat(240)])('refuses the unusable prefix %j', (prefix) => {
    expect(() => topicName(Topics.collegeDecisions, prefix)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_INVALID_TOPIC_PREFIX' }),
    );
  });

  it('refuses a base name outside the contract', () => {
    expect(() => topicName('college.decisions.v2' as TopicName)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_UNKNOWN_TOPIC' }),
    );
    expect(isTopicName('college.decisions.v1')).toBe(true);
    expect(isTopicName('college.decisions')).toBe(false);
  });

  it('derives DLQ names and registry subjects from the full name', () => {
    const full = topicName(Topics.portalApplications, 'it-1');
    expect(dlqTopic(full)).toBe('it-1.egov.portal.applications.v1.dlq');
    expect(dlqTopic(dlqTopic(full))).toBe('it-1.egov.portal.applications.v1.dlq');
    expect(valueSubject(full)).toBe('it-1.egov.portal.applications.v1-value');
    expect(valueSubject(dlqTopic(full))).toBe('it-1.egov.portal.applications.v1.dlq-value');
  });

  it('finds the base topic of a full or DLQ name, and refuses foreign names', () => {
    expect(baseTopicOf('it-1.courier.events.v1', 'it-1')).toBe(Topics.courierEvents);
    expect(baseTopicOf('it-1.courier.events.v1.dlq', 'it-1')).toBe(Topics.courierEvents);
    expect(baseTopicOf('courier.events.v1')).toBe(Topics.courierEvents);
    expect(() => baseTopicOf('courier.events.v1', 'it-1')).toThrow(
      expect.objectContaining({ code: 'CONTRACT_UNKNOWN_TOPIC' }),
    );
    expect(() => baseTopicOf('it-1.courier.events.v9', 'it-1')).toThrow(
      expect.objectContaining({ code: 'CONTRACT_UNKNOWN_TOPIC' }),
    );
  });
});
