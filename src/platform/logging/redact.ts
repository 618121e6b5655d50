/**
 * Personal data never reaches a log in clear (Law on personal data; DEVELOPERS.md standards).
 * Keys that hold personal data are masked wherever they appear in a logged object, and any
 * 12-digit run (an IIN or a BIN-shaped number) inside any string is masked too.
 */

/** Keys whose values are personal data, in any nesting, compared case-insensitively. */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set(
  [
    'iin',
    'applicantIin',
    'holderIin',
    'representativeIin',
    'surname',
    'name',
    'patronymic',
    'firstName',
    'lastName',
    'middleName',
    'fullName',
    'collegeHeadName',
    'birthDate',
    'phone',
    'mobile',
    'email',
    'address',
    'documentNumber',
    'number',
  ].map((k) => k.toLowerCase()),
);

export const MASK = '[REDACTED]';
const IIN_LIKE = /(?<!\d)\d{12}(?!\d)/g;
const EMAIL_LIKE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE_LIKE = /(?<![\d])\+?7[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g;

export function redactString(s: string): string {
  return s.replace(EMAIL_LIKE, MASK).replace(PHONE_LIKE, MASK).replace(IIN_LIKE, MASK);
}

/** A deep copy of `value` with personal data masked. Cycles are cut, Buffers summarised. */
export function redactDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, seen));
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactString(value.message),
      code: (value as { code?: unknown }).code,
      stack: value.stack ? redactString(value.stack) : undefined,
    };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = PERSONAL_KEYS.has(k.toLowerCase()) && v !== undefined && v !== null ? MASK : redactDeep(v, seen);
  }
  return out;
}
