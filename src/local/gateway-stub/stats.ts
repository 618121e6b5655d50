import type { IdentityStatus } from '../../contract/messages.js';

/** What the stub did with the requests it consumed since it started. */
export interface GatewayStubStats {
  received: number;
  /** Answers produced, by status. */
  answered: Record<IdentityStatus, number>;
  /** Requests received during an outage window, left unanswered. */
  silent: number;
  /** Requests whose replyTopic is not this prefix's identity responses topic. */
  wrongReplyTopic: number;
  /** Messages that could not be decoded. */
  undecodable: number;
}

export function emptyStats(): GatewayStubStats {
  return { received: 0, answered: { FOUND: 0, NOT_FOUND: 0, ERROR: 0 }, silent: 0, wrongReplyTopic: 0, undecodable: 0 };
}

export function copyStats(s: GatewayStubStats): GatewayStubStats {
  return { ...s, answered: { ...s.answered } };
}
