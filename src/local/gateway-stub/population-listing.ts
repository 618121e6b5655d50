/**
 * The stub's population for integrators (`npm run cli -- gateway-stub-population`): who the stub
 * knows, with IIN, names, birth date, documents and their validity, and the deceased flag, so a
 * test can pick a person the gateway answers FOUND without reading code. The same persons as the
 * stub's (personAt with the stub's seed and size, reference date POPULATION_REFERENCE_DATE).
 * Everyone listed is generated: no real person's data.
 */
import type { IdentityPerson, IsoDate } from '../../contract/messages.js';
import { ageOn, AGE_OF_MAJORITY } from '../../core/checks/age.js';
import { sexFromIin, type Sex } from '../../core/identity-numbers/index.js';
import { GatewayStubError, GatewayStubErrorCode } from './errors.js';
import { personAt } from './population.js';

/** Why a person is not a clean applicant on a date (the adapter's intake or identity check would flag it). */
export type IneligibleReason = 'DECEASED' | 'MINOR' | 'NO_VALID_DOCUMENT';

export interface Eligibility {
  readonly onDate: IsoDate;
  /** Alive, of age, with an ID card or passport valid on the date: applies alone and is verified. */
  readonly eligible: boolean;
  readonly age: number;
  readonly reasons: IneligibleReason[];
}

export interface PopulationRow extends IdentityPerson {
  readonly index: number;
  readonly sex: Sex;
  /** Present when asked for a date (--eligible-on). */
  readonly eligibility?: Eligibility;
}

export interface ListingOptions {
  readonly seed: number;
  readonly size: number;
  /** Persons by index (each below size); when given, from/limit are not used. */
  readonly indices?: readonly number[];
  /** First index to look at (default 0). */
  readonly from?: number;
  /** How many rows at most (default 20). */
  readonly limit?: number;
  /** Only persons eligible on this date, with their eligibility. */
  readonly eligibleOn?: IsoDate;
}

export const DEFAULT_LIMIT = 20;

export function eligibilityOn(person: IdentityPerson, onDate: IsoDate): Eligibility {
  const age = ageOn(person.birthDate, onDate);
  const reasons: IneligibleReason[] = [];
  if (person.deceased) reasons.push('DECEASED');
  if (age < AGE_OF_MAJORITY) reasons.push('MINOR');
  const valid = person.documents.some(
    (d) =>
      (d.type === 'ID_CARD' || d.type === 'PASSPORT') &&
      (d.issuedOn === null || d.issuedOn <= onDate) &&
      (d.validUntil === null || d.validUntil >= onDate),
  );
  if (!valid) reasons.push('NO_VALID_DOCUMENT');
  return { onDate, eligible: reasons.length === 0, age, reasons };
}

function invalid(message: string, details: Record<string, unknown>): GatewayStubError {
  return new GatewayStubError(GatewayStubErrorCode.INVALID_POPULATION, message, details);
}

function row(seed: number, index: number, eligibleOn: IsoDate | undefined): PopulationRow {
  const p = personAt(seed, index);
  const base = { index, ...p, sex: sexFromIin(p.iin) };
  return eligibleOn ? { ...base, eligibility: eligibilityOn(p, eligibleOn) } : base;
}

/** The rows asked for; with eligibleOn, only eligible persons, scanning on until `limit` are found or size ends. */
export function listPopulation(opts: ListingOptions): PopulationRow[] {
  const { seed, size } = opts;
  if (opts.indices) {
    for (const i of opts.indices) {
      if (!Number.isInteger(i) || i < 0 || i >= size) {
        throw invalid(`Person index ${i} is outside the population of ${size} (0-${size - 1}).`, { index: i, size });
      }
    }
    return opts.indices.map((i) => row(seed, i, opts.eligibleOn));
  }
  const from = opts.from ?? 0;
  const limit = opts.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(from) || from < 0) throw invalid(`--from ${from} must be a whole number >= 0.`, { from });
  if (!Number.isInteger(limit) || limit < 1) throw invalid(`--limit ${limit} must be a whole number >= 1.`, { limit });
  const out: PopulationRow[] = [];
  for (let i = from; i < size && out.length < limit; i += 1) {
    const r = row(seed, i, opts.eligibleOn);
    if (!r.eligibility || r.eligibility.eligible) out.push(r);
  }
  return out;
}

/** One JSON object per line (the person as the gateway returns it, with index, sex and eligibility). */
export function formatJsonLines(rows: readonly PopulationRow[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

function documentsText(p: IdentityPerson): string {
  return p.documents.map((d) => `${d.type} ${d.number} ${d.issuedOn ?? '?'}..${d.validUntil ?? '-'}`).join('; ');
}

/** A plain-text table, one person per line. */
export function formatTable(rows: readonly PopulationRow[]): string {
  const header = ['index', 'iin', 'surname', 'name', 'patronymic', 'sex', 'birthDate', 'deceased', 'documents'];
  const withEligibility = rows.some((r) => r.eligibility);
  if (withEligibility) header.push('eligible');
  const cells = rows.map((r) => {
    const c = [
      String(r.index),
      r.iin,
      r.surname,
      r.name,
      r.patronymic ?? '-',
      r.sex,
      r.birthDate,
      r.deceased ? 'yes' : 'no',
      documentsText(r),
    ];
    if (withEligibility) {
      const e = r.eligibility;
      c.push(e ? (e.eligible ? `yes (${e.onDate})` : `no: ${e.reasons.join(',')}`) : '');
    }
    return c;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}
