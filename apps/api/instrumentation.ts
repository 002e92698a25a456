// Loaded first by main.ts: the OpenTelemetry SDK must patch http, express, pg and ioredis before they load.
import { startTelemetry } from '@provisio/observability';

startTelemetry('provisio-api');
