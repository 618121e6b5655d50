import { describe, expect, it } from 'vitest';
import { inOutage, parseOutages } from '../../../../src/local/gateway-stub/outages.js';

describe('outage windows', () => {
  it('parses "from-to" windows', () => {
    expect(parseOutages(['0-30000', ' 60000-90000 ', '5-5'])).toEqual([
      { fromMs: 0, toMs: 30000 },
      { fromMs: 60000, toMs: 90000 },
      { fromMs: 5, toMs: 5 },
    ]);
    expect(parseOutages([])).toEqual([]);
  });

  it.each(['30000-0', '1-', 'a-b', '-1-5', '1-2-3'])('rejects %s with a typed error', (w) => {
    expect(() => parseOutages([w])).toThrow(expect.objectContaining({ code: 'GATEWAY_STUB_INVALID_OUTAGE' }));
  });

  it('covers from (inclusive) up to to (exclusive)', () => {
    const windows = parseOutages(['1000-2000', '5000-6000']);
    expect(inOutage(windows, 999)).toBe(false);
    expect(inOutage(windows, 1000)).toBe(true);
    expect(inOutage(windows, 1999)).toBe(true);
    expect(inOutage(windows, 2000)).toBe(false);
    expect(inOutage(windows, 5500)).toBe(true);
    expect(inOutage([], 0)).toBe(false);
    expect(inOutage(parseOutages(['5-5']), 5)).toBe(false);
  });
});
