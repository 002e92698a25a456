import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AuditWriter } from '@provisio/audit';
import { ConfigError, loadConfig } from '@provisio/config';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../../apps/api/api.module';
import { AllExceptionsFilter } from '../../apps/api/errors/all-exceptions.filter';
import { bodyParsers } from '../../apps/api/http/body-parsers';
import { requestContextMiddleware } from '../../apps/api/http/request-context.middleware';

/**
 * MEASUREMENT ONLY, never a way to run Provisio: the API's own modules with AuditWriter replaced by a
 * no-op, so `npm run bench -- sync` against it and against the real API gives the throughput that audit
 * recording costs (issue #5 "Speed"). Audit is mandatory in the product and has no switch; this harness
 * lives in bench/, swaps the provider the way the e2e tests swap one (@nestjs/testing), and is not started
 * by any npm script. Setup mirrors apps/api/create-api-app.ts (without Swagger, which serves no SCIM request).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_noaudit PORT=3201 node dist/bench/audit/api-without-audit.js
 */
const NO_AUDIT: Pick<AuditWriter, 'record' | 'recordFailure' | 'recordTenantDeletion'> = {
  record: () => Promise.resolve(),
  recordFailure: () => Promise.resolve(),
  recordTenantDeletion: () => undefined,
};

async function main(): Promise<void> {
  const config = loadConfig();
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(AuditWriter)
    .useValue(NO_AUDIT)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestContextMiddleware);
  for (const [path, handler] of bodyParsers(config.scimMaxBodyBytes)) {
    if (path) app.use(path, handler);
    else app.use(handler);
  }
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(config.port);
  console.log(`API WITHOUT AUDIT (bench measurement only) on port ${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
