/**
 * Delay before the next identity request after `attempt` requests went unanswered (or were
 * answered ERROR): exponential from `minBackoffMs` (factor 2), capped at `maxBackoffMs`, with
 * jitter x[1, 2) so that many applications waiting on one gateway outage do not re-ask in
 * lock-step. The jitter is drawn from the request id and the attempt (a hash), not from a random
 * source: the core stays pure and a replay decides the same delay.
 */
import type { IdentityPolicy } from './context.js';

/** FNV-1a of a string, as a fraction in [0, 1). */
function fraction(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

export function identityBackoffMs(requestId: string, attempt: number, policy: IdentityPolicy): number {
  const a = Math.max(1, attempt);
  const exp = policy.minBackoffMs * 2 ** (a - 1);
  return Math.round(Math.min(policy.maxBackoffMs, exp * (1 + fraction(`${requestId}#${a}`))));
}
