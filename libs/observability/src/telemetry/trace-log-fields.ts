import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * pino `mixin`: every log line written while a span is active carries its trace id beside the request id,
 * so a log line leads to its trace and back. Nothing is added when no trace is being recorded or propagated.
 */
export function traceLogFields(): { traceId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { traceId: spanContext.traceId } : {};
}
