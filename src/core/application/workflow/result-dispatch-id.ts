/**
 * The id of the n-th courier order of an application's result to the PSC (1: after the decision,
 * 2: back from the college after storage, item 62). It is the order's message id, and the
 * courier's events name it (orderMessageId), so the core knows which shipment they are about.
 */
export function resultDispatchId(applicationId: string, n: number): string {
  return `rd-${applicationId}-${n}`;
}
