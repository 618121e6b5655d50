import { describe, expect, it } from 'vitest';
import { uuidV5 } from '../../../../src/local/simulator-kit/deterministic-id.js';

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector (DNS namespace, "www.example.com")', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is the same for the same name, different for another, and a version 5 RFC variant UUID', () => {
    const a = uuidV5('APP-1:REGISTERED');
    expect(uuidV5('APP-1:REGISTERED')).toBe(a);
    expect(uuidV5('APP-1:DUPLICATE_ISSUED')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
