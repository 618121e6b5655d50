/** What `decide` may use besides the state and the command: pure, no I/O, no clock. */
import type { ClassifiedCalendar } from '../../calendar/index.js';

/** How the identity check through the gateway is paced (configuration, identity.*). */
export interface IdentityPolicy {
  /** Requests per check before IDENTITY_FAILED (the first one included). */
  maxAttempts: number;
  /** How long an answer is awaited before the request is repeated. */
  responseTimeoutMs: number;
  /** Backoff between attempts: doubles from min, capped at max, with jitter x[1, 2). */
  minBackoffMs: number;
  maxBackoffMs: number;
}

export interface DecidePolicy {
  identity: IdentityPolicy;
}

export interface DecideContext {
  calendar: ClassifiedCalendar;
  policy: DecidePolicy;
}
