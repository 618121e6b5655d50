import { describe, expect, it } from 'vitest';
import type { IdentityRequest } from '../../../../src/contract/messages.js';
import { Topics } from '../../../../src/contract/topics.js';
import { generateIin } from '../../../../src/core/identity-numbers/index.js';
import {
  decideAnswer,
  drawsFor,
  StubErrorCode,
  type AnswerInput,
  type AnswerSettings,
} from '../../../../src/local/gateway-stub/answer.js';
import { parseOutages } from '../../../../src/local/gateway-stub/outages.js';
import { personAt, populationIndex } from '../../../../src/local/gateway-stub/population.js';

const SEED = 11;
const population = populationIndex(SEED, 200);
const known = personAt(SEED, 3);
const NOW = '2026-03-03T11:40:03.215+05:00';
const settings: AnswerSettings = { serviceId: 'GBDFL_PERSON_BY_IIN', errorRate: 0, notFoundRate: 0, outages: [] };

function request(over: Partial<IdentityRequest> = {}): IdentityRequest {
  return {
    messageId: 'a8d3e5f1-7b2c-4e9a-9c6d-4f1b3a5e7c20',
    correlationId: 'APP-CHAIN-1',
    occurredAt: '2026-03-03T11:40:02.000+05:00',
    serviceId: 'GBDFL_PERSON_BY_IIN',
    messageDate: '2026-03-03T11:40:02.000+05:00',
    requestId: 'IDR-1',
    senderId: 'TVET_DUPLICATE_ADAPTER',
    applicationId: 'APP-1',
    iin: known.iin,
    replyTopic: Topics.identityResponses,
    ...over,
  };
}

function decide(over: Partial<AnswerInput> = {}) {
  return decideAnswer({
    request: request(),
    population,
    settings,
    elapsedMs: 0,
    now: NOW,
    messageId: 'new-id',
    ...over,
  });
}

function response(over: Partial<AnswerInput> = {}) {
  const a = decide(over);
  if (a.kind !== 'RESPOND') throw new Error(`expected an answer, got ${a.kind}`);
  return a.response;
}

describe('decideAnswer', () => {
  it('answers FOUND with the person, echoing the gateway fields of the request', () => {
    expect(response()).toEqual({
      messageId: 'new-id',
      correlationId: 'APP-CHAIN-1',
      occurredAt: NOW,
      serviceId: 'GBDFL_PERSON_BY_IIN',
      messageDate: NOW,
      requestId: 'IDR-1',
      applicationId: 'APP-1',
      status: 'FOUND',
      deliveryStatus: 'DELIVERED',
      person: known,
      errorCode: null,
      errorMessage: null,
      errorDate: null,
    });
  });

  it('answers NOT_FOUND for a valid IIN outside the population', () => {
    const stranger = generateIin('1931-01-01', 'MALE', 4242);
    expect(population.has(stranger)).toBe(false);
    const r = response({ request: request({ iin: stranger }) });
    expect(r).toMatchObject({
      status: 'NOT_FOUND',
      deliveryStatus: 'DELIVERED',
      person: null,
      errorCode: null,
      requestId: 'IDR-1',
    });
  });

  it('answers NOT_FOUND for every known person when notFoundRate is 1, and never when it is 0', () => {
    for (let i = 0; i < 50; i += 1) {
      const req = request({ requestId: `R-${i}`, iin: personAt(SEED, i).iin });
      expect(response({ request: req, settings: { ...settings, notFoundRate: 1 } }).status).toBe('NOT_FOUND');
      expect(response({ request: req }).status).toBe('FOUND');
    }
  });

  it('answers ERROR with code, message and date, NOT_DELIVERED, when the error draw hits', () => {
    const r = response({ settings: { ...settings, errorRate: 1 } });
    expect(r).toMatchObject({
      status: 'ERROR',
      deliveryStatus: 'NOT_DELIVERED',
      person: null,
      errorCode: StubErrorCode.SOURCE_UNAVAILABLE,
      errorDate: NOW,
      requestId: 'IDR-1',
      correlationId: 'APP-CHAIN-1',
    });
    expect(r.errorMessage).toMatch(/repeat the request later/);
  });

  it('answers ERROR for a service it does not serve, and for a malformed IIN', () => {
    expect(response({ request: request({ serviceId: 'OTHER_SERVICE' }) })).toMatchObject({
      status: 'ERROR',
      serviceId: 'OTHER_SERVICE',
      errorCode: StubErrorCode.SERVICE_UNKNOWN,
    });
    expect(response({ request: request({ iin: '123456789012' }) })).toMatchObject({
      status: 'ERROR',
      errorCode: StubErrorCode.INVALID_IIN,
    });
  });

  it('stays silent inside an outage window and answers outside it', () => {
    const outages = parseOutages(['1000-2000']);
    expect(decide({ settings: { ...settings, outages }, elapsedMs: 1500 })).toEqual({
      kind: 'SILENT',
      reason: 'OUTAGE',
    });
    expect(decide({ settings: { ...settings, outages }, elapsedMs: 1000 }).kind).toBe('SILENT');
    expect(decide({ settings: { ...settings, outages }, elapsedMs: 999 }).kind).toBe('RESPOND');
    expect(decide({ settings: { ...settings, outages }, elapsedMs: 2000 }).kind).toBe('RESPOND');
  });

  it('draws deterministically: a redelivered message gets the same answer, a re-request draws its error anew', () => {
    const half = { ...settings, errorRate: 0.5, notFoundRate: 0 };
    let differs = 0;
    for (let i = 0; i < 100; i += 1) {
      const req = request({ requestId: `IDR-${i}`, messageId: `m-${i}` });
      expect(response({ request: req, settings: half }).status).toBe(
        response({ request: { ...req }, settings: half }).status,
      );
      if (
        response({ request: req, settings: half }).status !==
        response({ request: { ...req, messageId: `again-${i}` }, settings: half }).status
      )
        differs += 1;
      expect(drawsFor(`IDR-${i}`)).toEqual(drawsFor(`IDR-${i}`));
    }
    // About half of the re-requests change outcome with a 50 % error rate.
    expect(differs).toBeGreaterThan(25);
    expect(differs).toBeLessThan(75);
  });

  it('keeps NOT_FOUND stable across re-requests of one request id', () => {
    const nf = { ...settings, errorRate: 0, notFoundRate: 0.5 };
    for (let i = 0; i < 50; i += 1) {
      const req = request({ requestId: `IDR-${i}`, messageId: `m-${i}` });
      expect(response({ request: req, settings: nf }).status).toBe(
        response({ request: { ...req, messageId: `again-${i}` }, settings: nf }).status,
      );
    }
  });

  it('answers ERROR for about errorRate of the requests, and NOT_FOUND for about notFoundRate of the rest', () => {
    const mixed = { ...settings, errorRate: 0.2, notFoundRate: 0.25 };
    const counts = { FOUND: 0, NOT_FOUND: 0, ERROR: 0 };
    for (let i = 0; i < 4000; i += 1)
      counts[response({ request: request({ requestId: `IDR-${i}` }), settings: mixed }).status] += 1;
    expect(counts.ERROR / 4000).toBeCloseTo(0.2, 1);
    expect(counts.NOT_FOUND / (4000 - counts.ERROR)).toBeCloseTo(0.25, 1);
    const draws = Array.from({ length: 4000 }, (_, i) => drawsFor(`IDR-${i}`).error);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
