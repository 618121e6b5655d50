/**
 * The id of the n-th courier order of an application's result to the PSC (1: after the decision;
 * 2, 3, ...: back from the college after each storage there, item 62; `result.dispatchSequence`
 * counts them). It is the order's message id, and the courier's events name it (orderMessageId),
 * so the core knows which shipment they are about.
 */
export function resultDispatchId(applicationId: string, n: number): string {
  return `rd-${applicationId}-${n}`;
}
