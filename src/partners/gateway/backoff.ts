/**
 * Delay before the next identity request after `attempt` requests went unanswered: exponential
 * (factor 2 from `minMs`), capped at `maxMs`, with full-range jitter x[1, 2) so that many
 * applications waiting on one gateway outage do not re-ask in lock-step. Same formula as p-retry's
 * `randomize` (which paces in-process retries elsewhere); this one is computed, not slept, because
 * the schedule must survive a restart (identity_requests.next_attempt_at).
 */
export function identityBackoffMs(attempt: number, opts: { minMs: number; maxMs: number }, random: () => number = Math.random): number {
  const exp = opts.minMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(Math.min(opts.maxMs, exp * (1 + random())));
}
