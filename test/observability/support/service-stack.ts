import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { FAST_DELIVERY_ENV } from '../../webhooks/support/webhook-helpers';
import { freePort, ServiceProcess, startService } from './service-process';

/** The API and a worker as separate processes on a database and queue prefix of their own. */
export interface ServiceStack {
  http: ReturnType<typeof request>;
  adminToken: string;
  apiUrl: string;
  workerMetricsUrl: string;
  api: ServiceProcess;
  worker: ServiceProcess;
  db: TestDatabase;
  stop(): Promise<void>;
}

export async function startServiceStack(env: { api?: Record<string, string>; worker?: Record<string, string>; both?: Record<string, string> } = {}): Promise<ServiceStack> {
  const db = await createTestDatabase();
  const [apiPort, workerMetricsPort] = [await freePort(), await freePort()];
  const adminToken = `test-admin-${randomBytes(16).toString('hex')}`;
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `provisio-test-${randomBytes(4).toString('hex')}`,
    ADMIN_TOKEN: adminToken,
    ...FAST_DELIVERY_ENV,
    ...env.both,
  };
  const api = startService('api', { ...common, PORT: String(apiPort), ...env.api });
  const worker = startService('worker', { ...common, WORKER_METRICS_PORT: String(workerMetricsPort), ...env.worker });
  const stop = async () => {
    await Promise.all([api.stop(), worker.stop()]);
    await db.drop();
  };
  try {
    await api.waitForLog((line) => line.msg === 'Nest application successfully started', 'start-up');
    await worker.waitForLog((line) => String(line.msg).startsWith('metrics at'), 'metrics endpoint');
  } catch (error) {
    await stop();
    throw error;
  }
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  return { http: request(apiUrl), adminToken, apiUrl, workerMetricsUrl: `http://127.0.0.1:${workerMetricsPort}/metrics`, api, worker, db, stop };
}
