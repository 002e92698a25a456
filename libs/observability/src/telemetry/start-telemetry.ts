import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationType, MeterProvider } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { instrumentationsFor } from './instrumentations';
import { TelemetrySettings, telemetrySettings } from './telemetry-settings';

export interface Telemetry {
  settings: TelemetrySettings;
  /** Renders the Prometheus text format on request; served by GET /metrics (API) and the worker's metrics port. */
  prometheus: PrometheusExporter;
  /** Present only when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT set). */
  tracerProvider?: TracerProvider;
}

let started: Telemetry | undefined;

/**
 * Starts the OpenTelemetry SDK. Must run before express, pg, ioredis and undici are first required, because the
 * instrumentations patch those modules as they load: apps/api and apps/worker import their `instrumentation.ts`
 * as the first line of main.ts. Returns undefined when OTEL_SDK_DISABLED=true (nothing is patched or measured).
 */
export function startTelemetry(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): Telemetry | undefined {
  if (started) return started;
  const settings = telemetrySettings(env, defaultServiceName);
  if (!settings.enabled) return undefined;

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // W3C Trace Context (traceparent) in and out: an IdP or gateway that sends one keeps its trace.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName });

  const prometheus = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true });
  const meterProvider = new MeterProvider({
    resource,
    readers: [prometheus],
    views: [
      // The Prometheus exporter does not append units; the semantic-conventions histogram is in seconds.
      { instrumentName: 'http.server.request.duration', name: 'http_server_request_duration_seconds' },
      // Client-side durations of outbound calls would add a series per webhook host; deliveries have their own metrics.
      { instrumentName: 'http.client.request.duration', aggregation: { type: AggregationType.DROP } },
    ],
  });
  metrics.setGlobalMeterProvider(meterProvider);

  let tracerProvider: TracerProvider | undefined;
  if (settings.tracing) {
    tracerProvider = new TracerProvider({
      resource,
      spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: settings.spanExportDelayMs })],
    });
    trace.setGlobalTracerProvider(tracerProvider);
  }
  registerInstrumentations({ instrumentations: instrumentationsFor(settings.tracing), meterProvider, tracerProvider });
  started = { settings, prometheus, tracerProvider };
  return started;
}

/** The running SDK, if startTelemetry ran in this process (not in Jest's in-process apps, nor with OTEL_SDK_DISABLED). */
export function currentTelemetry(): Telemetry | undefined {
  return started;
}

/** Exports the spans still buffered; called as the process shuts down. */
export async function flushTelemetry(): Promise<void> {
  await started?.tracerProvider?.forceFlush();
}
