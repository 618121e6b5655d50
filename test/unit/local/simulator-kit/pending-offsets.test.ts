import { describe, expect, it } from 'vitest';
import { PendingOffsets } from '../../../../src/local/simulator-kit/pending-offsets.js';

describe('PendingOffsets', () => {
  it('commits past a message only when it and every earlier one of its partition are done', () => {
    const p = new PendingOffsets();
    p.begin(0, '10');
    p.begin(0, '11');
    p.begin(0, '12');
    expect(p.done(0, '11')).toBeNull();
    expect(p.done(0, '10')).toBe('12');
    expect(p.size()).toBe(1);
    expect(p.done(0, '12')).toBe('13');
    expect(p.size()).toBe(0);
  });

  it('keeps partitions apart and never commits backwards', () => {
    const p = new PendingOffsets();
    p.begin(0, '5');
    p.begin(1, '7');
    expect(p.done(1, '7')).toBe('8');
    expect(p.done(1, '7')).toBeNull();
    expect(p.done(0, '5')).toBe('6');
  });

  it('offers the same offset again after forget (a failed commit)', () => {
    const p = new PendingOffsets();
    p.begin(2, '0');
    expect(p.done(2, '0')).toBe('1');
    p.forget(2);
    p.begin(2, '1');
    p.begin(2, '2');
    expect(p.done(2, '2')).toBe('1');
  });
});
