import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { birthDateFromIin, isValidIin, sexFromIin } from '../../../../src/core/identity-numbers/index.js';
import {
  findPersonIndex,
  personAt,
  populationIndex,
  POPULATION_REFERENCE_DATE,
} from '../../../../src/local/gateway-stub/population.js';

const SEED = 20231018;
const ageOn = (birthDate: string, ref: string): number =>
  Math.floor(DateTime.fromISO(ref).diff(DateTime.fromISO(birthDate), 'years').years);

describe('personAt', () => {
  it('is deterministic in (seed, index, reference date)', () => {
    expect(personAt(SEED, 42)).toEqual(personAt(SEED, 42));
    expect(personAt(SEED, 42, '2030-06-01')).toEqual(personAt(SEED, 42, '2030-06-01'));
    expect(personAt(SEED, 42)).not.toEqual(personAt(SEED + 1, 42));
  });

  it('gives a valid IIN that encodes the birth date, and names of the matching sex', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 999_999 }), (seed, index) => {
        const p = personAt(seed, index);
        expect(isValidIin(p.iin)).toBe(true);
        expect(birthDateFromIin(p.iin)).toBe(p.birthDate);
        const female = sexFromIin(p.iin) === 'FEMALE';
        expect(p.surname.endsWith('а')).toBe(female);
        if (p.patronymic) expect(/(қызы|вна)$/.test(p.patronymic)).toBe(female);
      }),
      { numRuns: 300 },
    );
  });

  it('makes everyone 17-60 years old on the reference date, for any reference date', () => {
    for (const ref of [POPULATION_REFERENCE_DATE, '2024-02-29', '2031-12-31']) {
      for (let i = 0; i < 400; i += 1) {
        const age = ageOn(personAt(SEED, i, ref).birthDate, ref);
        expect(age).toBeGreaterThanOrEqual(17);
        expect(age).toBeLessThanOrEqual(60);
      }
    }
  });

  it('gives everyone an ID card issued after the 16th birthday, valid 10 years; some expired, a few deceased', () => {
    const persons = Array.from({ length: 1000 }, (_, i) => personAt(SEED, i));
    let expired = 0;
    for (const p of persons) {
      const card = p.documents.find((d) => d.type === 'ID_CARD')!;
      expect(card.number).toMatch(/^\d{9}$/);
      expect(card.issuedOn! >= DateTime.fromISO(p.birthDate).plus({ years: 16 }).toISODate()!).toBe(true);
      expect(card.validUntil).toBe(DateTime.fromISO(card.issuedOn!).plus({ years: 10 }).minus({ days: 1 }).toISODate());
      expect(card.issuedOn! < POPULATION_REFERENCE_DATE).toBe(true);
      if (card.validUntil! < POPULATION_REFERENCE_DATE) expired += 1;
    }
    const deceased = persons.filter((p) => p.deceased).length;
    expect(expired).toBeGreaterThan(20);
    expect(expired).toBeLessThan(200);
    expect(deceased).toBeGreaterThan(5);
    expect(deceased).toBeLessThan(80);
    expect(persons.some((p) => p.documents.some((d) => d.type === 'PASSPORT'))).toBe(true);
    expect(persons.some((p) => p.patronymic === null)).toBe(true);
  });

  it('rejects an index, seed or reference date out of range with a typed error', () => {
    expect(() => personAt(SEED, -1)).toThrow(expect.objectContaining({ code: 'GATEWAY_STUB_INVALID_POPULATION' }));
    expect(() => personAt(SEED, 1_000_000)).toThrow(
      expect.objectContaining({ code: 'GATEWAY_STUB_INVALID_POPULATION' }),
    );
    expect(() => personAt(-3, 0)).toThrow(expect.objectContaining({ code: 'GATEWAY_STUB_INVALID_POPULATION' }));
    expect(() => personAt(SEED, 0, '2026-02-30')).toThrow(
      expect.objectContaining({ code: 'GATEWAY_STUB_INVALID_POPULATION' }),
    );
  });
});

describe('populationIndex', () => {
  it('holds `size` distinct IINs, each mapping to personAt of the same index', () => {
    const index = populationIndex(SEED, 1000);
    expect(index.size).toBe(1000);
    for (const i of [0, 1, 499, 999]) {
      const p = personAt(SEED, i);
      expect(index.get(p.iin)).toEqual(p);
    }
  });

  it('has no IIN collisions across thousands (same block, different thousand)', () => {
    const iins = new Set<string>();
    for (let q = 0; q < 1000; q += 1) for (const m of [0, 7, 999]) iins.add(personAt(SEED, q * 1000 + m).iin);
    expect(iins.size).toBe(3000);
    expect(populationIndex(7, 12_000).size).toBe(12_000);
  });

  it('rejects a size out of range', () => {
    expect(() => populationIndex(SEED, 0)).toThrow(
      expect.objectContaining({ code: 'GATEWAY_STUB_INVALID_POPULATION' }),
    );
  });
});

describe('findPersonIndex', () => {
  it('finds the first person matching a test, or -1', () => {
    const i = findPersonIndex(SEED, 1000, (p) => p.deceased);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(personAt(SEED, i).deceased).toBe(true);
    for (let j = 0; j < i; j += 1) expect(personAt(SEED, j).deceased).toBe(false);
    expect(findPersonIndex(SEED, 50, () => false)).toBe(-1);
  });
});
