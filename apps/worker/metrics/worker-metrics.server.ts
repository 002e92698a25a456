import { createServer, Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { currentTelemetry, flushTelemetry } from '@provisio/observability';

/**
 * GET /metrics of the worker on WORKER_METRICS_PORT (Prometheus text format). The worker serves no other HTTP;
 * it listens on loopback unless WORKER_METRICS_HOST says otherwise, and the port can be turned off with 0.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerMetrics');
  private server?: Server;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const telemetry = currentTelemetry();
    if (!telemetry || this.config.workerMetricsPort === 0) return;
    const server = createServer((req, res) => {
      if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') return telemetry.prometheus.getMetricsRequestHandler(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at /metrics\n');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.workerMetricsPort, this.config.workerMetricsHost, resolve);
    });
    this.server = server;
    this.logger.log(`metrics at http://${this.config.workerMetricsHost}:${this.config.workerMetricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
    await flushTelemetry().catch(() => undefined);
  }
}
