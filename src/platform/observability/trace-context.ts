import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Link,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';

/** The headers of the W3C trace context that travel with a message. */
export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/** A kafkajs header as text, in any case of its key; values are Buffers or strings (or arrays: the first counts). */
function headerText(carrier: IHeaders, key: string): string | undefined {
  const found = Object.keys(carrier).find((k) => k.toLowerCase() === key);
  const v = found === undefined ? undefined : carrier[found];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

const kafkaHeaderGetter: TextMapGetter<IHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: headerText,
};

/** The trace context a record's headers carry (none: the root context). */
export function contextFromHeaders(headers: IHeaders | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, kafkaHeaderGetter) : ROOT_CONTEXT;
}

/**
 * The trace-context headers of a context (the active one by default): `traceparent` and, when it
 * has one, `tracestate`; empty when there is no valid span in it (nothing to continue).
 */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const out: Record<string, string> = {};
  for (const k of TRACE_HEADERS) if (carrier[k]) out[k] = carrier[k];
  return out;
}

/**
 * The trace-context headers of a record, copied as they are, for the records that answer it: so a
 * partner's answer continues the sender's trace (the local stand-ins do it, with no span of their
 * own). Only the headers the record has, never an invented one.
 */
export function copyTraceHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of TRACE_HEADERS) {
    const v = headers ? headerText(headers, k) : undefined;
    if (v) out[k] = v;
  }
  return out;
}

export interface MessageSpanInput {
  topic: string;
  partition: number;
  offset: string;
  headers: IHeaders | undefined;
}

/**
 * Runs `fn` in a span `handle <topic>`, the child of the trace context of the record's headers,
 * and active while it runs (so pg queries and outbox rows see it). With tracing off the span is
 * not recorded and keeps the inbound context as it is: the caused messages carry the same
 * `traceparent`. An error thrown ends the span with status ERROR and is thrown on.
 */
export async function inMessageSpan<T>(m: MessageSpanInput, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = contextFromHeaders(m.headers);
  // Asked each time, not kept: whatever provider is global now (none: not recorded).
  const span = trace.getTracer('tvet-duplicate-adapter').startSpan(
    `handle ${m.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': m.topic,
        'messaging.destination.partition.id': String(m.partition),
        'messaging.kafka.offset': Number(m.offset),
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}

/** Span links kept per batch span: enough to find the senders, bounded for a large batch. */
const MAX_BATCH_LINKS = 128;

/**
 * Runs `fn` in a span `process <topic>` for a batch handled at once (its database statements are
 * the batch's, not one message's): a new trace, linked to the trace context of each record's
 * headers (OpenTelemetry's batch-processing shape). Each message's own handling still runs in
 * its `handle <topic>` span ({@link inMessageSpan}), the child of its sender.
 */
export async function inBatchSpan<T>(
  topic: string,
  partition: number,
  records: readonly { headers?: IHeaders }[],
  fn: () => Promise<T>,
): Promise<T> {
  const links: Link[] = [];
  for (const r of records) {
    if (links.length >= MAX_BATCH_LINKS) break;
    const sc = trace.getSpanContext(contextFromHeaders(r.headers));
    if (sc) links.push({ context: sc });
  }
  const span = trace.getTracer('tvet-duplicate-adapter').startSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.batch.message_count': records.length,
      },
    },
    ROOT_CONTEXT,
  );
  try {
    return await context.with(trace.setSpan(ROOT_CONTEXT, span), fn);
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}
