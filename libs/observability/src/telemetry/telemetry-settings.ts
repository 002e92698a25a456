export interface TelemetrySettings {
  /** false with OTEL_SDK_DISABLED=true: no metrics, no traces, no patched modules (the bench's baseline). */
  enabled: boolean;
  /** Traces are exported over OTLP/HTTP only when an endpoint is configured; otherwise no span is ever recorded. */
  tracing: boolean;
  serviceName: string;
  spanExportDelayMs: number;
}

/**
 * The standard OpenTelemetry variables this process honours (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
 * Read before the application's own configuration, because the SDK must start before the instrumented modules load.
 */
export function telemetrySettings(env: NodeJS.ProcessEnv, defaultServiceName: string): TelemetrySettings {
  const delay = Number(env.OTEL_BSP_SCHEDULE_DELAY);
  return {
    enabled: env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true',
    tracing: Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
    serviceName: env.OTEL_SERVICE_NAME || defaultServiceName,
    spanExportDelayMs: Number.isInteger(delay) && delay > 0 ? delay : 5000,
  };
}
