import { describe, expect, it } from 'vitest';
import { TOPIC_KINDS, checkKindFields, kindField } from '../../../src/contract/kinds.js';
import { messageKey } from '../../../src/contract/message-key.js';
import { Topics } from '../../../src/contract/topics.js';
import { samples } from '../../support/samples.js';

describe('kind fields of multi-kind topics', () => {
  it('names the field after the kind in camelCase', () => {
    expect(kindField('RESULT_HANDED_OVER')).toBe('resultHandedOver');
    expect(kindField('REFUSED')).toBe('refused');
    expect(kindField('RESULT_READY_FOR_HANDOVER')).toBe('resultReadyForHandover');
  });

  it('lists kinds only for the six multi-kind topics', () => {
    expect(Object.keys(TOPIC_KINDS).sort()).toEqual([
      'college.decisions.v1',
      'courier.events.v1',
      'courier.orders.v1',
      'egov.portal.notifications.v1',
      'gov4c.corporation.applications.v1',
      'gov4c.corporation.notifications.v1',
    ]);
  });

  const registered = samples[Topics.collegeDecisions][0];

  it('accepts a message with exactly the named kind field set, and ignores single-kind topics', () => {
    expect(() => checkKindFields(Topics.collegeDecisions, registered)).not.toThrow();
    expect(() => checkKindFields(Topics.monitoringStages, samples[Topics.monitoringStages][0])).not.toThrow();
  });

  it('refuses a kind whose field is null', () => {
    expect(() => checkKindFields(Topics.collegeDecisions, { ...registered, registered: null })).toThrow(
      expect.objectContaining({
        code: 'CONTRACT_KIND_MISMATCH',
        details: expect.objectContaining({ path: 'registered' }),
      }),
    );
  });

  it('refuses a second kind field set', () => {
    const refusedField = { ground: 'G3_NO_CONSENT', motivationKk: 'x', motivationRu: 'x', decidedOn: '2026-03-26' };
    expect(() => checkKindFields(Topics.collegeDecisions, { ...registered, refused: refusedField })).toThrow(
      expect.objectContaining({
        code: 'CONTRACT_KIND_MISMATCH',
        details: expect.objectContaining({ path: 'refused' }),
      }),
    );
  });

  it('refuses an unknown or missing kind', () => {
    expect(() => checkKindFields(Topics.collegeDecisions, { ...registered, kind: 'APPEALED' })).toThrow(
      expect.objectContaining({ code: 'CONTRACT_KIND_MISMATCH' }),
    );
    expect(() => checkKindFields(Topics.collegeDecisions, { ...registered, kind: undefined })).toThrow(
      expect.objectContaining({ code: 'CONTRACT_KIND_MISMATCH' }),
    );
  });
});

describe('messageKey', () => {
  it('keys college.applications.v1 by the college BIN, not the application id', () => {
    const value = samples[Topics.collegeApplications][0];
    expect(messageKey(Topics.collegeApplications, value)).toBe(value.collegeBin);
    expect(messageKey(Topics.collegeApplications, value)).not.toBe(value.applicationId);
  });

  it('refuses a message without a key', () => {
    const value = samples[Topics.monitoringStages][0];
    expect(() => messageKey(Topics.monitoringStages, { ...value, applicationId: '' })).toThrow(
      expect.objectContaining({ code: 'CONTRACT_MISSING_KEY' }),
    );
    const order = samples[Topics.courierOrders][0];
    expect(() => messageKey(Topics.courierOrders, { ...order, registerDispatch: null } as never)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_MISSING_KEY' }),
    );
  });
});
