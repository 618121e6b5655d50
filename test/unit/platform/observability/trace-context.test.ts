/**
 * The trace-context helpers with tracing off (propagation only, no SDK): an inbound `traceparent`
 * is carried through unchanged, nothing is invented without one (issue 10 item 4).
 */
import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contextFromHeaders,
  copyTraceHeaders,
  inMessageSpan,
  traceHeaders,
} from '../../../../src/platform/observability/trace-context.js';
import { startTracing } from '../../../../src/platform/observability/tracing.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const at = { topic: 'portal.applications.v1', partition: 0, offset: '7' };

beforeAll(() => {
  const t = startTracing({ serviceName: 'unit', tracing: { exporter: 'none', endpoint: '' } });
  expect(t.recording).toBe(false);
});

describe('trace context in Kafka headers', () => {
  it('reads traceparent and tracestate from Buffer or string headers, in any case of the key', () => {
    const ctx = contextFromHeaders({ TraceParent: Buffer.from(TRACEPARENT), tracestate: 'vendor=1' });
    const sc = trace.getSpanContext(ctx)!;
    expect(sc.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(sc.spanId).toBe('00f067aa0ba902b7');
    expect(sc.isRemote).toBe(true);
    expect(traceHeaders(ctx)).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=1' });
  });

  it('gives no headers without a valid context: none, or a malformed traceparent', () => {
    expect(traceHeaders(ROOT_CONTEXT)).toEqual({});
    expect(traceHeaders(contextFromHeaders(undefined))).toEqual({});
    expect(traceHeaders(contextFromHeaders({ traceparent: 'not-a-trace' }))).toEqual({});
    expect(traceHeaders()).toEqual({});
  });

  it("copies a record's traceparent and tracestate for its answer, and nothing it does not have", () => {
    const headers = { TraceParent: Buffer.from(TRACEPARENT), tracestate: ['vendor=1'], 'outbox-id': '7' };
    expect(copyTraceHeaders(headers)).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=1' });
    expect(copyTraceHeaders({ traceparent: TRACEPARENT })).toEqual({ traceparent: TRACEPARENT });
    expect(copyTraceHeaders({ 'outbox-id': '7' })).toEqual({});
    expect(copyTraceHeaders(undefined)).toEqual({});
  });

  it('keeps the inbound context active through awaits while a message is handled (tracing off)', async () => {
    const seen = await inMessageSpan({ ...at, headers: { traceparent: Buffer.from(TRACEPARENT) } }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      return traceHeaders();
    });
    expect(seen).toEqual({ traceparent: TRACEPARENT });
    expect(traceHeaders()).toEqual({});
  });

  it('invents nothing for a message without a trace context', async () => {
    expect(await inMessageSpan({ ...at, headers: {} }, async () => traceHeaders())).toEqual({});
  });

  it('throws the handler error on, leaving no context behind', async () => {
    const run = inMessageSpan({ ...at, headers: { traceparent: TRACEPARENT } }, async () => {
      throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(trace.getSpanContext(context.active())).toBeUndefined();
  });

  it('starts once per process: a second call returns the first handle', () => {
    const a = startTracing({ serviceName: 'unit', tracing: { exporter: 'otlp', endpoint: '' } });
    expect(a.recording).toBe(false);
  });
});
