import { describe, expect, it } from 'vitest';
import { parsePopulationArgs, runGatewayStubPopulation } from '../../../../src/cli/gateway-stub-population.js';
import {
  eligibilityOn,
  formatJsonLines,
  formatTable,
  listPopulation,
} from '../../../../src/local/gateway-stub/population-listing.js';
import { personAt, populationIndex } from '../../../../src/local/gateway-stub/population.js';
import { loadConfig } from '../../../../src/platform/config/load.js';

const SEED = 20231018;

describe('the population listing', () => {
  it('lists the persons the stub knows, by index, exactly as the stub answers them', () => {
    const rows = listPopulation({ seed: SEED, size: 1000, limit: 5 });
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    const known = populationIndex(SEED, 1000);
    for (const r of rows) {
      const { index: _index, sex: _sex, ...person } = r;
      expect(known.get(r.iin)).toEqual(person);
      expect(person).toEqual(personAt(SEED, r.index));
    }
  });

  it('with a date, lists only persons alive, of age and with a valid ID card or passport that day', () => {
    const rows = listPopulation({ seed: SEED, size: 1000, limit: 50, eligibleOn: '2026-06-01' });
    expect(rows).toHaveLength(50);
    for (const r of rows) {
      expect(r.eligibility).toMatchObject({ onDate: '2026-06-01', eligible: true, reasons: [] });
      expect(r.deceased).toBe(false);
      expect(r.documents.some((d) => d.validUntil === null || d.validUntil >= '2026-06-01')).toBe(true);
    }
    const skipped = listPopulation({ seed: SEED, size: 1000, from: 0, limit: rows.at(-1)!.index + 1 }).filter(
      (r) => !rows.some((e) => e.index === r.index),
    );
    expect(skipped.length).toBeGreaterThan(0);
    for (const r of skipped) expect(eligibilityOn(r, '2026-06-01').eligible).toBe(false);
  });

  it('names why a person is not eligible', () => {
    const p = personAt(SEED, 0);
    expect(eligibilityOn({ ...p, deceased: true }, '2026-06-01').reasons).toEqual(['DECEASED']);
    expect(eligibilityOn({ ...p, birthDate: '2010-01-01' }, '2026-06-01').reasons).toContain('MINOR');
    expect(eligibilityOn({ ...p, documents: [] }, '2026-06-01').reasons).toEqual(['NO_VALID_DOCUMENT']);
  });

  it('lists chosen indices, and refuses one outside the population', () => {
    expect(listPopulation({ seed: SEED, size: 10, indices: [7, 2] }).map((r) => r.index)).toEqual([7, 2]);
    expect(() => listPopulation({ seed: SEED, size: 10, indices: [10] })).toThrow(/outside the population of 10/);
  });

  it('prints JSON lines that parse back, and a table with a header and one line per person', () => {
    const rows = listPopulation({ seed: SEED, size: 100, limit: 3, eligibleOn: '2026-06-01' });
    const lines = formatJsonLines(rows).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(JSON.parse(JSON.stringify(rows)));
    const table = formatTable(rows).trimEnd().split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^index\s+iin\s+surname\s+name\s+patronymic\s+sex\s+birthDate\s+deceased\s+documents/);
    expect(table[1]).toContain(rows[0]!.iin);
    expect(table[1]).toMatch(/ID_CARD \d+ \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}/);
  });
});

describe('gateway-stub-population arguments', () => {
  it('reads the flags', () => {
    expect(parsePopulationArgs([])).toEqual({ format: 'table' });
    expect(
      parsePopulationArgs(['--limit', '5', '--from', '10', '--eligible-on', '2026-03-02', '--format', 'jsonl']),
    ).toEqual({ limit: 5, from: 10, eligibleOn: '2026-03-02', format: 'jsonl' });
    expect(parsePopulationArgs(['--index', '1,2', '--index', '9', '--json'])).toEqual({
      indices: [1, 2, 9],
      format: 'jsonl',
    });
  });

  it('refuses what it does not understand, with the usage', () => {
    expect(() => parsePopulationArgs(['--limit', 'ten'])).toThrow(/whole number[\s\S]*usage/);
    expect(() => parsePopulationArgs(['--eligible-on', '2026-02-30'])).toThrow(/YYYY-MM-DD/);
    expect(() => parsePopulationArgs(['--format', 'csv'])).toThrow(/table or jsonl/);
    expect(() => parsePopulationArgs(['--everyone'])).toThrow(/unknown argument --everyone/);
  });

  it('uses the stub seed and size of the configuration', async () => {
    const config = loadConfig({ GATEWAY_STUB_POPULATION_SEED: '7', GATEWAY_STUB_POPULATION_SIZE: '3' });
    let out = '';
    await runGatewayStubPopulation(config, ['--json', '--limit', '100'], (t) => (out += t));
    const rows = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; iin: string });
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(rows[1]!.iin).toBe(personAt(7, 1).iin);
  });
});
