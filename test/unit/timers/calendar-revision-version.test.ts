/**
 * Which version a calendar revision job runs on (src/timers/calendar-revision.ts): the job key is
 * per version, and a job runs on the version loaded by the instance that takes it, never on an
 * older one. Two instances with different versions of one day, or a stale instance that restarted
 * with old files, agree on the newer one.
 */
import { describe, expect, it } from 'vitest';
import { versionToRevise } from '../../../src/timers/calendar-revision.js';

const MORNING = '2026-12-01T09:00:00/aaaaaaaaaaaa';
const EVENING = '2026-12-01T17:00:00/bbbbbbbbbbbb';
const SAME_INSTANT = '2026-12-01T17:00:00/cccccccccccc';

describe('versionToRevise(requested, loaded)', () => {
  it('runs on the loaded version when it is the requested one', () => {
    expect(versionToRevise(EVENING, EVENING)).toBe(EVENING);
  });

  it('runs a request for an older version of the same day on the newer one loaded here (no endless NOT_LOADED)', () => {
    expect(versionToRevise(MORNING, EVENING)).toBe(EVENING);
    // Published at the same instant: the hash orders them, the same way on every instance.
    expect(versionToRevise(EVENING, SAME_INSTANT)).toBe(SAME_INSTANT);
    // A request queued before the id carried the time (the date only) is older than the ids of its day.
    expect(versionToRevise('2026-12-01/ffffffffffff', MORNING)).toBe(MORNING);
  });

  it('retries a request for a newer version than the loaded one: an instance that has it takes it', () => {
    expect(() => versionToRevise(EVENING, MORNING)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_VERSION_NOT_LOADED' }),
    );
    expect(() => versionToRevise(SAME_INSTANT, EVENING)).toThrow(/not loaded here/);
  });
});
