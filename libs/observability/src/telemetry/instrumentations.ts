import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** Scrapes and probes would drown the request metrics and traces of the work the service does. */
const UNMEASURED_PATHS = /^\/(metrics|health)(\/|\?|$)/;

/**
 * http + express always: they produce http.server.request.duration with its route label. pg, ioredis and
 * undici only add spans, so they are left unpatched (zero cost) unless traces are exported.
 * None of them records bodies or headers: the defaults capture no header, pg records the statement text with
 * its $n placeholders but never the parameter values, ioredis only command names and keys.
 */
export function instrumentationsFor(tracing: boolean): Instrumentation[] {
  const always: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => UNMEASURED_PATHS.test(req.url ?? ''),
    }),
    // Only the route handler's span: middleware (body parsers, request context) and router layers would add
    // a span each to every request. The route label comes from the layers all the same.
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
  ];
  if (!tracing) return always;
  return [
    ...always,
    // Queries outside a traced request or job (the relay's polls) would each be a trace of their own.
    new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true, ignoreConnectSpans: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
    // Outgoing webhook and connector requests: a client span, and the traceparent header the receiver sees.
    new UndiciInstrumentation(),
  ];
}
