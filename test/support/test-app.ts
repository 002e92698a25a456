import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { AppConfig, loadConfig } from '@provisio/config';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { DestinationStream } from 'pino';
import { createApiApp } from '../../apps/api/create-api-app';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  /** supertest agent bound to the in-process HTTP server. */
  http: ReturnType<typeof request>;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * Boots the real API (same bootstrap as main.ts) on a database of its own and a queue prefix of its own,
 * against the machine's Postgres and Redis. Call close() in afterAll.
 */
export async function startTestApp(
  env: Record<string, string> | ((db: TestDatabase) => Record<string, string>) = {},
  logDestination?: DestinationStream,
): Promise<TestApp> {
  const db = await createTestDatabase();
  const adminToken = `test-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `provisio-test-${randomBytes(4).toString('hex')}`,
    ADMIN_TOKEN: adminToken,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(typeof env === 'function' ? env(db) : env),
  });
  const app = await createApiApp(config, logDestination);
  await app.init();
  return {
    app,
    config,
    db,
    dataSource: app.get(DataSource),
    http: request(app.getHttpServer()),
    adminToken,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
