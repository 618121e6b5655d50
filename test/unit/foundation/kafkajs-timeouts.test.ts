import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { patchedRequestQueue } from '../../../src/platform/messaging/kafkajs-timeouts.js';

const kafkajs = JSON.parse(
  readFileSync(new URL('../../../node_modules/kafkajs/package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

function queue(throttledUntil: number, pending: unknown[]) {
  return {
    throttledUntil,
    pending,
    throttleCheckTimeoutId: null as NodeJS.Timeout | null,
    checkPendingRequests: vi.fn(),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('kafkajs request queue on Node 24 (no TimeoutNegativeWarning)', () => {
  it('is the kafkajs version the replacement was copied from (re-check the file on an upgrade)', () => {
    expect(kafkajs.version).toBe('2.2.4');
  });

  it('never asks for a negative delay: nothing throttled, nothing pending, 1 ms as Node did before', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const q = queue(-1, []);
    patchedRequestQueue.scheduleCheckPendingRequests.call(q);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toBe(1);
    clearTimeout(q.throttleCheckTimeoutId!);
  });

  it("keeps kafkajs' delays otherwise: the throttle's end, or its 10 ms interval for pending requests", () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const throttled = queue(Date.now() + 5_000, ['request']);
    patchedRequestQueue.scheduleCheckPendingRequests.call(throttled);
    expect(spy.mock.calls[0]![1]).toBeGreaterThan(4_000);
    const pending = queue(-1, ['request']);
    patchedRequestQueue.scheduleCheckPendingRequests.call(pending);
    expect(spy.mock.calls[1]![1]).toBe(10);
    const scheduled = queue(-1, []);
    scheduled.throttleCheckTimeoutId = throttled.throttleCheckTimeoutId;
    patchedRequestQueue.scheduleCheckPendingRequests.call(scheduled);
    expect(spy).toHaveBeenCalledTimes(2);
    clearTimeout(throttled.throttleCheckTimeoutId!);
    clearTimeout(pending.throttleCheckTimeoutId!);
  });

  it("runs the queue's check when the timer fires", async () => {
    const q = queue(-1, []);
    patchedRequestQueue.scheduleCheckPendingRequests.call(q);
    await vi.waitFor(() => expect(q.checkPendingRequests).toHaveBeenCalledTimes(1));
    expect(q.throttleCheckTimeoutId).toBeNull();
  });
});
