/**
 * kafkajs 2.2.4 on Node 24: its request queue schedules a check with `throttledUntil - Date.now()`,
 * which is negative (about -1.8e12 ms) whenever nothing is throttled. Node up to 22 silently ran
 * such a timer after 1 ms; Node 24 still does, but prints a TimeoutNegativeWarning on stderr once
 * per process (kafkajs issue #1751, unfixed upstream): operators see a scary line, and a process
 * whose stderr must stay clean (the gateway stub test) fails.
 *
 * This replaces that one method with the same code, the delay clamped to the 1 ms Node used
 * anyway: behaviour unchanged, no warning. Imported by every module that creates a kafkajs client.
 * Remove it when kafkajs ships the fix.
 */
import { createRequire } from 'node:module';

interface RequestQueueState {
  throttledUntil: number;
  pending: unknown[];
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

/** kafkajs' CHECK_PENDING_REQUESTS_INTERVAL (src/network/requestQueue/index.js). */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;

const require = createRequire(import.meta.url);
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as {
  prototype: { scheduleCheckPendingRequests(this: RequestQueueState): void };
};

export const patchedRequestQueue = RequestQueue.prototype;

RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests() {
  let scheduleAt = this.throttledUntil - Date.now();
  if (!this.throttleCheckTimeoutId) {
    if (this.pending.length > 0) {
      scheduleAt = scheduleAt > 0 ? scheduleAt : CHECK_PENDING_REQUESTS_INTERVAL;
    }
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      Math.max(1, scheduleAt),
    );
  }
};
