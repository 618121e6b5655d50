/**
 * Outbox values are stored as jsonb; dead letters carry raw bytes. Buffers travel as
 * `{ "$bytes": "<base64>" }` and are revived before encoding.
 */
export function toStorable(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $bytes: value.toString('base64') };
  if (Array.isArray(value)) return value.map(toStorable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStorable(v)]));
  }
  return value;
}

export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === '$bytes' && typeof o.$bytes === 'string')
      return Buffer.from(o.$bytes, 'base64');
    return Object.fromEntries(keys.map((k) => [k, revive(o[k])]));
  }
  return value;
}
