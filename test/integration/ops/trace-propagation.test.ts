/**
 * Traces on real Kafka, registry and PostgreSQL (issue 10 item 4): the trace context of an inbound
 * record's `traceparent` header goes through the handling (a consumer span, its pg queries), the
 * outbox rows and the relay to every record it caused. The SDK runs in-process with an in-memory
 * exporter, started before anything loads pg (the pg instrumentation patches pg as it is loaded).
 */
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { startTracing, type Tracing } from '../../../src/platform/observability/tracing.js';
import type { Harness } from '../../support/adapter-harness.js';
import type { Read } from '../../support/topic-reader.js';

const spans = new InMemorySpanExporter();
let tracing: Tracing;
let h: Harness;
let Topics: typeof import('../../../src/contract/topics.js').Topics;
let dlqTopic: typeof import('../../../src/contract/topics.js').dlqTopic;
let demo: typeof import('../../../src/local/demo/applications.js');
let now: () => string;

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`;

beforeAll(async () => {
  tracing = startTracing(
    { serviceName: 'trace-test', tracing: { exporter: 'none', endpoint: '' } },
    {
      spanExporter: spans,
    },
  );
  ({ Topics, dlqTopic } = await import('../../../src/contract/topics.js'));
  demo = await import('../../../src/local/demo/applications.js');
  const { harness } = await import('../../support/adapter-harness.js');
  const { clockNow } = await import('../../support/clock.js');
  h = await harness('traces');
  now = () => clockNow(h.config);
  await h.startStub();
  await h.startAdapter();
});
afterAll(async () => {
  await h?.stop();
  await tracing?.shutdown();
});

/** A portal application sent with the given headers; its id. */
async function sendApplication(n: number, headers: Record<string, string>): Promise<string> {
  const { person } = demo.eligiblePerson(
    h.config.gatewayStub.populationSeed,
    h.config.gatewayStub.populationSize,
    n,
    now().slice(0, 10),
  );
  const app = demo.portalApplication(person, { submittedAt: now() });
  const topic = h.topic(Topics.portalApplications);
  await h.producer.send({
    topic,
    messages: [{ key: app.applicationId, value: await h.messaging.codec.encode(topic, app), headers }],
  });
  return app.applicationId;
}

/** The SUBMITTED stage and the identity request of an application, once both are on their topics. */
async function causedBy(applicationId: string): Promise<{ stage: Read; request: Read }> {
  const stage = () =>
    h.reader.on(h.topic(Topics.monitoringStages)).find((m) => {
      const s = m.value as unknown as MonitoringStage;
      return s.applicationId === applicationId && s.stage === 'SUBMITTED';
    });
  const request = () => h.reader.on(h.topic(Topics.identityRequests)).find((m) => m.key === applicationId);
  await h.reader.until(
    () => !!stage() && !!request(),
    30_000,
    `SUBMITTED and the identity request of ${applicationId}`,
  );
  return { stage: stage()!, request: request()! };
}

const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];
const spanIdOf = (traceparent: string | undefined) => traceparent?.split('-')[2];
/** The consumer spans of a trace that handled records of `topic` (by default the portal's applications). */
const handleSpans = (traceId: string, topic: string = h.topic(Topics.portalApplications)): ReadableSpan[] =>
  spans.getFinishedSpans().filter((s) => s.name === `handle ${topic}` && s.spanContext().traceId === traceId);

describe('trace context from an inbound record to the records it caused', () => {
  it('continues the sender trace: a consumer span, its pg queries, the outbox records', async () => {
    const id = await sendApplication(5, { traceparent: TRACEPARENT, tracestate: 'portal=1' });
    const { stage, request } = await causedBy(id);

    const [handle, ...more] = handleSpans(TRACE_ID);
    expect(more).toEqual([]);
    expect(handle!.kind).toBe(SpanKind.CONSUMER);
    expect(handle!.parentSpanContext?.spanId).toBe(PARENT_SPAN_ID);
    expect(handle!.attributes['messaging.destination.name']).toBe(h.topic(Topics.portalApplications));

    // The batch's queries (inbox, saga state, outbox: one statement each for the whole batch) are
    // the children of the batch span, which links to the sender's span.
    const [batch, ...otherBatches] = spans
      .getFinishedSpans()
      .filter(
        (s) =>
          s.name === `process ${h.topic(Topics.portalApplications)}` &&
          s.links.some((l) => l.context.traceId === TRACE_ID && l.context.spanId === PARENT_SPAN_ID),
      );
    expect(otherBatches).toEqual([]);
    expect(batch!.parentSpanContext).toBeUndefined();
    const pgSpans = spans
      .getFinishedSpans()
      .filter(
        (s) =>
          s.spanContext().traceId === batch!.spanContext().traceId &&
          s.instrumentationScope.name === '@opentelemetry/instrumentation-pg',
      );
    expect(pgSpans.length).toBeGreaterThan(0);
    expect(pgSpans.every((s) => s.parentSpanContext?.spanId === batch!.spanContext().spanId)).toBe(true);

    // Every record it caused carries the trace on, as the child of the consumer span.
    for (const r of [stage, request]) {
      expect(traceIdOf(r.headers.traceparent), r.topic).toBe(TRACE_ID);
      expect(spanIdOf(r.headers.traceparent), r.topic).toBe(handle!.spanContext().spanId);
      expect(r.headers.tracestate, r.topic).toBe('portal=1');
      expect(r.headers['outbox-id'], r.topic).toBeDefined();
    }
  });

  it("goes on through the gateway stub's answer to the records the answer caused", async () => {
    const id = await sendApplication(8, { traceparent: TRACEPARENT, tracestate: 'portal=1' });
    const { request } = await causedBy(id);
    const verified = () =>
      h.reader.on(h.topic(Topics.monitoringStages)).find((m) => {
        const s = m.value as unknown as MonitoringStage;
        return s.applicationId === id && s.stage === 'IDENTITY_VERIFIED';
      });
    await h.reader.until(() => !!verified(), 30_000, `IDENTITY_VERIFIED of ${id}`);
    // The stub answers with the request's trace context, so the adapter handles the answer in the
    // same trace, as the child of the span the request was sent under.
    const [answered, ...more] = handleSpans(TRACE_ID, h.topic(Topics.identityResponses)).filter(
      (s) => s.parentSpanContext?.spanId === spanIdOf(request.headers.traceparent),
    );
    expect(answered, 'the handling of the answer, in the trace').toBeDefined();
    expect(more).toEqual([]);
    expect(answered!.parentSpanContext?.traceState?.get('portal')).toBe('1');
    expect(traceIdOf(verified()!.headers.traceparent)).toBe(TRACE_ID);
    expect(spanIdOf(verified()!.headers.traceparent)).toBe(answered!.spanContext().spanId);
  });

  it('starts a trace for a record without one, and the records it caused belong to it', async () => {
    const id = await sendApplication(6, {});
    const { stage, request } = await causedBy(id);
    const traceId = traceIdOf(stage.headers.traceparent);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdOf(request.headers.traceparent)).toBe(traceId);
    const [handle] = handleSpans(traceId!);
    expect(handle?.parentSpanContext).toBeUndefined();
  });

  it('gives a dead letter the trace of the record it parks', async () => {
    const topic = h.topic(Topics.portalApplications);
    const poisonTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    await h.producer.send({
      topic,
      messages: [
        {
          key: 'poison-trace',
          value: Buffer.from('not avro'),
          headers: { traceparent: `00-${poisonTrace}-00f067aa0ba902b7-01` },
        },
      ],
    });
    const letter = () => h.reader.on(dlqTopic(topic)).find((m) => m.key === 'poison-trace');
    await h.reader.until(() => !!letter(), 30_000, 'the poison parked');
    expect(traceIdOf(letter()!.headers.traceparent)).toBe(poisonTrace);
    const [handle] = handleSpans(poisonTrace);
    expect(handle!.attributes['adapter.parked']).toBe('UNDECODABLE');
  });

  // Last: it turns the recording off for the rest of the file.
  it('with tracing off (no tracer provider), carries the inbound traceparent through unchanged', async () => {
    trace.disable();
    const off = { trace: 'c0ffee0000000000000000000000beef', span: '1234567890abcdef' };
    const traceparent = `00-${off.trace}-${off.span}-01`;
    const id = await sendApplication(7, { traceparent });
    const { stage, request } = await causedBy(id);
    expect(stage.headers.traceparent).toBe(traceparent);
    expect(request.headers.traceparent).toBe(traceparent);
    expect(handleSpans(off.trace)).toEqual([]);
  });
});
