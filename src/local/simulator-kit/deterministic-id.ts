/**
 * Deterministic message ids: a UUID version 5 (RFC 9562: SHA-1 of a namespace and a name) of a
 * name such as "<applicationId>:REGISTERED". A simulator that sends a step again (a redelivered
 * order, a restart) sends it with the same messageId, and the adapter's inbox, which deduplicates
 * by messageId, takes it for the duplicate it is.
 */
import { createHash } from 'node:crypto';

/** Namespace of the simulators' ids (a fixed random UUID; changing it changes every id). */
export const SIMULATOR_NAMESPACE = '5b0e3c7a-1d2f-4e8b-9a6c-3f1d2e4b5c6d';

function bytesOf(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** UUID v5 of `name` in `namespace` (default: the simulators' namespace). */
export function uuidV5(name: string, namespace: string = SIMULATOR_NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
