import type { Server } from 'node:http';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@provisio/config';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ApiModule } from './api.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { bodyParsers } from './http/body-parsers';
import { serveConsole } from './http/console-static';
import { requestContextMiddleware } from './http/request-context.middleware';
import { setupSwagger } from './swagger';

/** Builds the API exactly as production runs it; main.ts and the e2e tests both call this (tests may capture the log). */
export async function createApiApp(config: AppConfig, logDestination?: DestinationStream): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, logDestination), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttp(app, config);
  serveConsole(app);
  setupSwagger(app, config);
  return app;
}

/**
 * The HTTP behaviour around the modules: logger, body parsers, error rendering, validation. Separate so the
 * bench's audit-cost harness (bench/audit) serves requests exactly as the API does.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.flushLogs(); // listen() would flush; tests only init(), and buffered errors would never reach the log
  app.disable('x-powered-by');
  app.set('etag', false); // SCIM sets its own ETag from meta.version (RFC 7644 §3.14)
  app.set('query parser', 'simple');
  app.set('trust proxy', config.trustProxy); // the client IP in audit events, not the load balancer's
  app.use(requestContextMiddleware);
  for (const [path, handler] of bodyParsers(config.scimMaxBodyBytes)) {
    if (path) app.use(path, handler);
    else app.use(handler);
  }
  app.useGlobalFilters(new AllExceptionsFilter([config.adminToken]));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  setServerTimeouts(app.getHttpServer(), config);
}

/**
 * A slow or stalled client (slowloris) holds a socket only this long, not Node's 60 s header and
 * 300 s request defaults. Node checks both on an interval, set here to a quarter of the header
 * timeout so a stalled client is answered 408 close to the limit; it must be set before listen().
 */
function setServerTimeouts(server: Server, config: AppConfig): void {
  server.headersTimeout = config.httpHeadersTimeoutMs;
  server.requestTimeout = Math.max(config.httpRequestTimeoutMs, config.httpHeadersTimeoutMs);
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(50, Math.floor(config.httpHeadersTimeoutMs / 4));
}
