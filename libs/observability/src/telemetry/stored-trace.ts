import { Attributes, context, propagation, ROOT_CONTEXT, SpanContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * The W3C traceparent of the span in progress (the SCIM request's), to be stored with the outbox event it
 * writes, so work done later by the worker joins the same trace. null when nothing is traced or propagated.
 */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The span context a stored traceparent names, for a span link. */
export function spanContextOf(traceparent: string | null | undefined): SpanContext | undefined {
  if (!traceparent) return undefined;
  return trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
}

/**
 * Runs `work` in a span that continues the trace stored with an event: a webhook delivery or connector call
 * becomes a child of the SCIM request that caused it, and the outgoing request it makes carries a traceparent
 * of that trace. Without tracing the span is a no-op. Errors end the span with an error status and are rethrown.
 */
export function inStoredTrace<T>(name: string, traceparent: string | null | undefined, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  const parent = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  return trace.getTracer('provisio').startActiveSpan(name, { kind: SpanKind.INTERNAL, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}
