/**
 * Calendar-date arithmetic on days since 1970-01-01 (UTC, no zone: a date is a day of the
 * Kazakhstan calendar). Plain numbers, because the stub generates up to a million persons at start.
 */
const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' -> days since 1970-01-01, or null when not a real date. */
export function toDays(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = Date.UTC(y, mo - 1, d) / MS_PER_DAY;
  return fromDays(days) === iso ? days : null;
}

/** Days since 1970-01-01 -> 'YYYY-MM-DD'. */
export function fromDays(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day `years` later (earlier when negative); 29 February becomes 28 February in a common year. */
export function addYears(days: number, years: number): number {
  const d = new Date(days * MS_PER_DAY);
  const y = d.getUTCFullYear() + years;
  const month = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return Date.UTC(y, month, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

export function yearOf(days: number): number {
  return new Date(days * MS_PER_DAY).getUTCFullYear();
}
