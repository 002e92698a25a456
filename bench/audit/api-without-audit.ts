import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AuditWriter } from '@provisio/audit';
import { ConfigError, loadConfig } from '@provisio/config';
import { ApiModule } from '../../apps/api/api.module';
import { configureHttp } from '../../apps/api/create-api-app';

/**
 * MEASUREMENT ONLY, never a way to run Provisio: the API's own modules with AuditWriter replaced by a
 * no-op, so `npm run bench -- sync` against it and against the real API gives the throughput that audit
 * recording costs (issue #5 "Speed"). Audit is mandatory in the product and has no switch; this harness
 * lives in bench/, swaps the provider the way the e2e tests swap one (@nestjs/testing), and is not started
 * by any npm script. HTTP setup is the API's own configureHttp (without Swagger, which serves no SCIM request).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_noaudit PORT=3201 node dist/bench/audit/api-without-audit.js
 */
const NO_AUDIT: Pick<AuditWriter, 'record' | 'statement' | 'recordFailure' | 'recordTenantDeletion'> = {
  record: () => Promise.resolve(),
  // A read-only CTE nothing reads: Postgres never runs it, so a composed write carries no audit INSERT.
  statement: () => ({ sql: 'SELECT 1', params: [] }),
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
  configureHttp(app, config);
  await app.listen(config.port);
  console.log(`API WITHOUT AUDIT (bench measurement only) on port ${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
