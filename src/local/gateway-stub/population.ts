/**
 * The stub's fixture population: persons generated deterministically from (seed, index), so the
 * stub, the tests and the demo compute the same persons and their IINs are found (R5, item 49:
 * identity data by IIN from the state databases through the e-government gateway).
 *
 * Every person is 17-60 years old on the reference date, has a valid IIN matching birth date and
 * sex (SPEC section 4), an ID card (about 1 in 10 of those old enough hold only an expired one),
 * sometimes a passport; about 1 in 30 is registered as deceased.
 *
 * Distinct IINs by construction: index = q * 1000 + m. The IIN serial is taken from block m
 * (serials 10m..10m+9; within a block at most one serial is never issued, so the generator stays
 * in the block), and the birth date is base(m) + 15q days (mod the span of ages, longer than
 * 15 * 999 days). Two indices differ in m (serial) or in q (birth date).
 */
import type { IdentityPerson, IsoDate } from '../../contract/messages.js';
import { generateIin, type Sex } from '../../core/identity-numbers/index.js';
import { addYears, fromDays, toDays, yearOf } from './days.js';
import { generateDocuments } from './documents.js';
import { GatewayStubError, GatewayStubErrorCode } from './errors.js';
import { KAZAKH, RUSSIAN } from './names.js';
import { intBelow, pick, randomFor } from './random.js';

/** Reference date of the stub's population: ages and document validity are relative to it. */
export const POPULATION_REFERENCE_DATE: IsoDate = '2026-01-01';
export const MIN_AGE = 17;
export const MAX_AGE = 60;
/** Largest population (gatewayStub.populationSize); keeps the construction above collision-free. */
export const MAX_POPULATION = 1_000_000;

const BLOCKS = 1000;
const DATE_STRIDE = 15;

function invalid(message: string, details: Record<string, unknown>): GatewayStubError {
  return new GatewayStubError(GatewayStubErrorCode.INVALID_POPULATION, message, details);
}

function referenceOf(referenceDate: IsoDate): number {
  const ref = toDays(referenceDate);
  if (ref === null || yearOf(ref) < 1900 + MAX_AGE + 1 || yearOf(ref) > 2099) {
    throw invalid(
      `Population reference date ${referenceDate} must be a real date YYYY-MM-DD in ${1900 + MAX_AGE + 1}-2099.`,
      { referenceDate },
    );
  }
  return ref;
}

function checkIndex(seed: number, index: number): void {
  if (!Number.isInteger(seed) || seed < 0)
    throw invalid(`Population seed ${seed} must be a whole number >= 0.`, { seed });
  if (!Number.isInteger(index) || index < 0 || index >= MAX_POPULATION) {
    throw invalid(`Population index ${index} must be a whole number 0-${MAX_POPULATION - 1}.`, { index });
  }
}

/** Birth date of person `index`: base day of its block plus 15 days per thousand. */
function birthDateAt(seed: number, index: number, ref: number): number {
  const latest = addYears(ref, -MIN_AGE);
  const earliest = addYears(ref, -(MAX_AGE + 1)) + 1;
  const span = latest - earliest + 1;
  const block = index % BLOCKS;
  const base = intBelow(randomFor(`${seed}:block:${block}`), span);
  return earliest + ((base + Math.floor(index / BLOCKS) * DATE_STRIDE) % span);
}

/** Person number `index` of the population of `seed`, ages relative to `referenceDate`. */
export function personAt(
  seed: number,
  index: number,
  referenceDate: IsoDate = POPULATION_REFERENCE_DATE,
): IdentityPerson {
  checkIndex(seed, index);
  const ref = referenceOf(referenceDate);
  const rnd = randomFor(`${seed}:person:${index}`);
  const birth = birthDateAt(seed, index, ref);
  const sex: Sex = rnd() < 0.5 ? 'MALE' : 'FEMALE';
  const male = sex === 'MALE';
  const names = rnd() < 0.7 ? KAZAKH : RUSSIAN;
  const surname = pick(rnd, names.surnames);
  const patronymic = pick(rnd, names.patronymics);
  const hasPatronymic = rnd() >= 0.05;
  const expired = rnd() < 0.1;
  const passport = rnd() < 0.3;
  const deceased = rnd() < 1 / 30;
  const birthDate = fromDays(birth);
  return {
    iin: generateIin(birthDate, sex, (index % BLOCKS) * 10),
    surname: male ? surname : `${surname}а`,
    name: pick(rnd, male ? names.maleNames : names.femaleNames),
    patronymic: hasPatronymic ? patronymic[male ? 0 : 1] : null,
    birthDate,
    deceased,
    documents: generateDocuments(rnd, birth, ref, { expired, passport }),
  };
}

/** The first `size` persons of the population of `seed`, by IIN. */
export function populationIndex(
  seed: number,
  size: number,
  referenceDate: IsoDate = POPULATION_REFERENCE_DATE,
): Map<string, IdentityPerson> {
  if (!Number.isInteger(size) || size < 1 || size > MAX_POPULATION) {
    throw invalid(`Population size ${size} must be a whole number 1-${MAX_POPULATION}.`, { size });
  }
  const out = new Map<string, IdentityPerson>();
  for (let i = 0; i < size; i += 1) {
    const p = personAt(seed, i, referenceDate);
    out.set(p.iin, p);
  }
  return out;
}

/**
 * Index of the first person among the first `size` who satisfies `test` (e.g. alive with a valid
 * ID card), for tests and the demo; -1 when none does.
 */
export function findPersonIndex(
  seed: number,
  size: number,
  test: (p: IdentityPerson) => boolean,
  referenceDate: IsoDate = POPULATION_REFERENCE_DATE,
): number {
  for (let i = 0; i < size; i += 1) if (test(personAt(seed, i, referenceDate))) return i;
  return -1;
}
