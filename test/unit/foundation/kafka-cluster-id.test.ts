import { describe, expect, it } from 'vitest';
import { randomClusterId, storageFormatArgs } from '../../../src/local/infra/kafka.js';

// One base64url id in 64 starts with '-': Kafka's storage tool then failed to format
// ("--cluster-id/-t: expected one argument") and the local Kafka did not start.
describe('the Kafka cluster id of a local start', () => {
  it('is 22 base64url characters and never starts with "-", over many draws', () => {
    for (let i = 0; i < 5000; i++) {
      const id = randomClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });

  it('draws again when the bytes would give a leading "-"', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x07)];
    expect(Buffer.alloc(16, 0xf8).toString('base64url')).toMatch(/^-/);
    const id = randomClusterId(() => draws.shift()!);
    expect(id).toBe(Buffer.alloc(16, 0x07).toString('base64url'));
    expect(draws).toHaveLength(0);
  });

  it('is passed glued to its option, so even a leading "-" could not read as an option', () => {
    expect(storageFormatArgs('-AcHBwcHBwcHBwcHBwcHBw', '/tmp/s.properties')).toEqual([
      'format',
      '--cluster-id=-AcHBwcHBwcHBwcHBwcHBw',
      '-c',
      '/tmp/s.properties',
    ]);
  });
});
