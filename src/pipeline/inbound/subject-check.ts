/**
 * Whether a record's schema id is a version of its topic's subject (`<topic>-value`). A record
 * framed with any id the registry knows would otherwise be decoded with that writer schema (an
 * identity response read as a portal application, a value whose schema is "null") and reach a
 * handler that cannot map it. Answers are cached per (subject, schema id): a yes for good (a
 * version of a subject is never taken back), a no for `negativeTtlMs` (the same schema may be
 * registered under the topic's subject later).
 */
export type SubjectsOf = (schemaId: number) => Promise<string[] | null>;

export type SubjectVerdict = { belongs: true } | { belongs: false; subjects: string[] | null };

export class SubjectCheck {
  private readonly yes = new Set<string>();
  private readonly no = new Map<string, { until: number; subjects: string[] | null }>();

  constructor(
    private readonly subjectsOf: SubjectsOf,
    private readonly negativeTtlMs = 30_000,
  ) {}

  /** Registry errors (unreachable, 5xx) are thrown: they are an outage, not bad input. */
  async check(subject: string, schemaId: number): Promise<SubjectVerdict> {
    const k = `${subject}\u0000${schemaId}`;
    if (this.yes.has(k)) return { belongs: true };
    const cached = this.no.get(k);
    if (cached && cached.until > Date.now()) return { belongs: false, subjects: cached.subjects };
    const subjects = await this.subjectsOf(schemaId);
    if (subjects?.includes(subject)) {
      this.no.delete(k);
      this.yes.add(k);
      return { belongs: true };
    }
    this.no.set(k, { until: Date.now() + this.negativeTtlMs, subjects });
    return { belongs: false, subjects };
  }
}
