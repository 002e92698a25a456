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
    // Middleware layers (body parsers, request context) would add a span each to every request.
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
  ];
  if (!tracing) return always;
  return [
    ...always,
    new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
    // Outgoing webhook and connector requests: a client span, and the traceparent header the receiver sees.
    new UndiciInstrumentation(),
  ];
}
