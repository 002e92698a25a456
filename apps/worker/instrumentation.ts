// Loaded first by main.ts: the OpenTelemetry SDK must patch pg, ioredis and undici before they load.
import { startTelemetry } from '@provisio/observability';

startTelemetry('provisio-worker');
