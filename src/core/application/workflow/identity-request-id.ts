/**
 * The id of the n-th identity check of an application (n from 1): stable across redeliveries and
 * repetitions of the same request, so a late answer is recognised as one of ours.
 */
export function identityRequestId(applicationId: string, n: number): string {
  return `idr-${applicationId}-${n}`;
}

/** The check number of one of this application's request ids, or null when it is not one of them. */
export function identityCheckNumber(applicationId: string, requestId: string): number | null {
  const prefix = `idr-${applicationId}-`;
  if (!requestId.startsWith(prefix)) return null;
  const n = Number(requestId.slice(prefix.length));
  return Number.isInteger(n) && n >= 1 ? n : null;
}
