import { AppError } from '../../platform/errors/app-error.js';

/** Errors of the e-government gateway stub (a test double; never part of the adapter's own flow). */
export class GatewayStubError extends AppError {}

export const GatewayStubErrorCode = {
  /** An outage window in gatewayStub.outages is not "from-to" with from <= to. */
  INVALID_OUTAGE: 'GATEWAY_STUB_INVALID_OUTAGE',
  /** A population argument (seed, index, size, reference date) is out of range. */
  INVALID_POPULATION: 'GATEWAY_STUB_INVALID_POPULATION',
} as const;
