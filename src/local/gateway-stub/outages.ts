/**
 * Outage windows of the stub (gatewayStub.outages): "from-to" in ms since the stub became ready.
 * A request received inside a window is never answered (the gateway lost it), so the adapter's
 * retry with backoff is what recovers (SPEC section 5: an outage delays applications, loses none).
 */
import { GatewayStubError, GatewayStubErrorCode } from './errors.js';

export interface OutageWindow {
  /** Inclusive, ms since start. */
  readonly fromMs: number;
  /** Exclusive, ms since start. */
  readonly toMs: number;
}

/** Parses "from-to" windows; throws GatewayStubError when one is malformed or ends before it starts. */
export function parseOutages(windows: readonly string[]): OutageWindow[] {
  return windows.map((w) => {
    const m = /^(\d+)-(\d+)$/.exec(w.trim());
    const fromMs = m ? Number(m[1]) : NaN;
    const toMs = m ? Number(m[2]) : NaN;
    if (!m || !Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs) || toMs < fromMs) {
      throw new GatewayStubError(
        GatewayStubErrorCode.INVALID_OUTAGE,
        `Gateway stub outage window "${w}" is not usable: write "from-to" in ms since the stub started, with from <= to (e.g. 0-30000), in gatewayStub.outages or GATEWAY_STUB_OUTAGES.`,
        { window: w },
      );
    }
    return { fromMs, toMs };
  });
}

/** True when `elapsedMs` falls inside one of the windows. */
export function inOutage(windows: readonly OutageWindow[], elapsedMs: number): boolean {
  return windows.some((w) => elapsedMs >= w.fromMs && elapsedMs < w.toMs);
}
