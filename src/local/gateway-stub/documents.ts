/**
 * Identity documents of a generated person (what the state databases return through the gateway,
 * R3/R5): an ID card for everyone (issued from age 16, valid 10 years), sometimes a passport.
 * `expired` persons hold only an ID card whose validity ended before the reference date.
 * Dates are days since 1970-01-01 (see days.ts).
 */
import type { IdentityDocument } from '../../contract/messages.js';
import { addYears, fromDays } from './days.js';
import { intBelow, type Random } from './random.js';

const VALIDITY_YEARS = 10;
const FIRST_ID_AGE = 16;
const ISSUERS = ['ҚР ІІМ', 'МВД РК'] as const;

function digits(rnd: Random, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += String(intBelow(rnd, 10));
  return out;
}

/** A day in [from, to] (both inclusive); `to` must not be before `from`. */
function dayBetween(rnd: Random, from: number, to: number): number {
  return from + intBelow(rnd, to - from + 1);
}

function document(type: 'ID_CARD' | 'PASSPORT', number: string, issuedOn: number, rnd: Random): IdentityDocument {
  return {
    type,
    number,
    issuedOn: fromDays(issuedOn),
    validUntil: fromDays(addYears(issuedOn, VALIDITY_YEARS) - 1),
    issuer: ISSUERS[intBelow(rnd, ISSUERS.length)]!,
  };
}

/** Issue date of a document still valid on `ref`: within the last 10 years and after the 16th birthday. */
function validIssueDate(rnd: Random, birth: number, ref: number): number {
  const earliest = Math.max(addYears(birth, FIRST_ID_AGE), addYears(ref, -VALIDITY_YEARS) + 1);
  return dayBetween(rnd, earliest, ref - 1);
}

/** Latest issue date of a card that expired before `ref` (its last valid day is before `ref`). */
function latestExpiredIssue(ref: number): number {
  return addYears(ref, -VALIDITY_YEARS) - 1;
}

/** True when a person born on `birth` can hold an ID card that expired before `ref`. */
export function canHoldExpiredCard(birth: number, ref: number): boolean {
  return addYears(birth, FIRST_ID_AGE) <= latestExpiredIssue(ref);
}

export function generateDocuments(
  rnd: Random,
  birth: number,
  ref: number,
  opts: { expired: boolean; passport: boolean },
): IdentityDocument[] {
  if (opts.expired && canHoldExpiredCard(birth, ref)) {
    const latest = latestExpiredIssue(ref);
    const earliest = Math.max(addYears(birth, FIRST_ID_AGE), latest - 730);
    return [document('ID_CARD', `0${digits(rnd, 8)}`, dayBetween(rnd, earliest, latest), rnd)];
  }
  const docs = [document('ID_CARD', `0${digits(rnd, 8)}`, validIssueDate(rnd, birth, ref), rnd)];
  if (opts.passport) docs.push(document('PASSPORT', `N${digits(rnd, 8)}`, validIssueDate(rnd, birth, ref), rnd));
  return docs;
}
