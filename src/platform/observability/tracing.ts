import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { AppConfig } from '../config/schema.js';

export interface Tracing {
  /** Spans are recorded and exported (an exporter is configured); false: propagation only. */
  readonly recording: boolean;
  /** Sends the spans still buffered. */
  forceFlush(): Promise<void>;
  /** Flushes and stops the exporter; the process is about to end. */
  shutdown(): Promise<void>;
}

let installed: Tracing | null = null;

/**
 * Traces, once per process (later calls return the first one's handle).
 *
 * Always, and cheap: the W3C trace-context propagator and an AsyncLocalStorage context manager,
 * so a `traceparent` (and `tracestate`) header of an inbound record is carried to the outbox rows
 * written while it is handled, and on to the records they become, even with tracing off.
 *
 * With `tracing.exporter` = otlp (or `spanExporter`, tests): the tracer provider of the
 * OpenTelemetry Node SDK, spans sent in batches by OTLP over HTTP, and the pg instrumentation
 * (queries made under a span: the handling of a message). pg is patched as it is loaded: call
 * this before anything imports pg (the CLI does it first for `start` and `adapter`).
 */
export function startTracing(
  config: Pick<AppConfig, 'serviceName' | 'tracing'>,
  o: { spanExporter?: SpanExporter } = {},
): Tracing {
  if (installed) return installed;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (config.tracing.exporter === 'none' && !o.spanExporter) {
    installed = { recording: false, forceFlush: async () => undefined, shutdown: async () => undefined };
    return installed;
  }
  const processor = o.spanExporter
    ? new SimpleSpanProcessor(o.spanExporter)
    : new BatchSpanProcessor(
        // An empty endpoint: the exporter's own (OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, else localhost:4318).
        new OTLPTraceExporter(config.tracing.endpoint ? { url: config.tracing.endpoint } : {}),
      );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [processor],
  });
  trace.setGlobalTracerProvider(provider);
  // Only queries under a span: the relay's and the timers' polling would be a root span each.
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PgInstrumentation({ requireParentSpan: true })],
  });
  installed = {
    recording: true,
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
  return installed;
}
