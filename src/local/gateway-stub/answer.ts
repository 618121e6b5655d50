/**
 * What the stub answers to one identity request (R5, item 49), mirroring the e-government
 * gateway's conventions (SPEC section 4): a new messageId, correlationId = the request's chain
 * id, requestId and serviceId echoed, a messageDate, deliveryStatus DELIVERED, or NOT_DELIVERED
 * with errorCode / errorMessage / errorDate on ERROR.
 *
 * Order of the checks: outage window (no answer) -> unknown serviceId (ERROR) -> errorRate draw
 * (ERROR) -> malformed IIN (ERROR) -> IIN not in the population (NOT_FOUND) -> notFoundRate draw
 * (NOT_FOUND) -> FOUND. The draws come from a hash of the requestId: the same request (e.g.
 * redelivered) always gets the same answer, a new attempt with a new requestId draws again.
 */
import type { IdentityPerson, IdentityRequest, IdentityResponse, Instant } from '../../contract/messages.js';
import { isValidIin } from '../../core/identity-numbers/index.js';
import { inOutage, type OutageWindow } from './outages.js';
import { randomFor } from './random.js';

export interface AnswerSettings {
  /** The gateway service this stub implements (identity.serviceId). */
  readonly serviceId: string;
  /** Share of requests answered ERROR (0..1). */
  readonly errorRate: number;
  /** Share of known persons answered NOT_FOUND anyway (0..1). */
  readonly notFoundRate: number;
  readonly outages: readonly OutageWindow[];
}

export interface AnswerInput {
  readonly request: IdentityRequest;
  readonly population: ReadonlyMap<string, IdentityPerson>;
  readonly settings: AnswerSettings;
  /** Ms since the stub started, when the request was received. */
  readonly elapsedMs: number;
  /** The instant of the answer (messageDate, occurredAt, errorDate). */
  readonly now: Instant;
  /** The new message's id (a UUID made by the caller). */
  readonly messageId: string;
}

export type Answer = { kind: 'RESPOND'; response: IdentityResponse } | { kind: 'SILENT'; reason: 'OUTAGE' };

/** Stub error codes, in the gateway's errorCode field. */
export const StubErrorCode = {
  SERVICE_UNKNOWN: 'SERVICE_NOT_FOUND',
  SOURCE_UNAVAILABLE: 'SOURCE_SYSTEM_UNAVAILABLE',
  INVALID_IIN: 'INVALID_REQUEST_IIN',
} as const;

/** The two draws of a request, each in [0, 1). */
export function drawsFor(requestId: string): { error: number; notFound: number } {
  const rnd = randomFor(`request:${requestId}`);
  return { error: rnd(), notFound: rnd() };
}

export function decideAnswer(input: AnswerInput): Answer {
  const { request, settings, now } = input;
  if (inOutage(settings.outages, input.elapsedMs)) return { kind: 'SILENT', reason: 'OUTAGE' };
  const base = {
    messageId: input.messageId,
    correlationId: request.correlationId,
    occurredAt: now,
    serviceId: request.serviceId,
    messageDate: now,
    requestId: request.requestId,
    applicationId: request.applicationId,
  };
  const error = (errorCode: string, errorMessage: string): Answer => ({
    kind: 'RESPOND',
    response: {
      ...base,
      status: 'ERROR',
      deliveryStatus: 'NOT_DELIVERED',
      person: null,
      errorCode,
      errorMessage,
      errorDate: now,
    },
  });
  const answer = (person: IdentityPerson | null): Answer => ({
    kind: 'RESPOND',
    response: {
      ...base,
      status: person ? 'FOUND' : 'NOT_FOUND',
      deliveryStatus: 'DELIVERED',
      person,
      errorCode: null,
      errorMessage: null,
      errorDate: null,
    },
  });

  if (request.serviceId !== settings.serviceId) {
    return error(
      StubErrorCode.SERVICE_UNKNOWN,
      `Service ${request.serviceId} is not served here; this gateway serves ${settings.serviceId}.`,
    );
  }
  // A gateway error is transient: each request message (a re-request has a new messageId) draws
  // anew, while a redelivery of the same message draws the same. Not-found is a fact about the
  // request: it stays the same across re-requests.
  const draws = {
    error: drawsFor(`${request.requestId}:${request.messageId}`).error,
    notFound: drawsFor(request.requestId).notFound,
  };
  if (draws.error < settings.errorRate) {
    return error(
      StubErrorCode.SOURCE_UNAVAILABLE,
      'The state database of individuals did not answer; repeat the request later.',
    );
  }
  if (!isValidIin(request.iin)) return error(StubErrorCode.INVALID_IIN, 'The IIN in the request is not a valid IIN.');
  const person = input.population.get(request.iin);
  if (!person || draws.notFound < settings.notFoundRate) return answer(null);
  return answer(person);
}
