import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { createProducerConnection, QueueRegistry } from '@provisio/events';

/**
 * Logs at start which queues of the QueueRegistry this process serves (and warns about any it does not), and
 * whether Redis answers (workers wait for it if not). Runs after the consumers started (they note what they serve
 * in onApplicationBootstrap; @nestjs/bullmq processors are found by discovery).
 */
@Injectable()
export class WorkerStatusReporter implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly registry: QueueRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker?.name)
      .filter(Boolean);
    const queues = [...new Set([...this.registry.servedNames(), ...(processors as string[])])].sort();
    this.logger.log({ queues, prefix: this.config.queuePrefix }, `serving ${queues.length} queue(s)`);
    const unserved = this.registry.names().filter((name) => !queues.includes(name));
    if (unserved.length) this.logger.warn({ unserved }, 'declared queues without a consumer in this worker');
    const redis = createProducerConnection(this.config.redisUrl, 'provisio-worker-status');
    try {
      await new Promise<void>((resolve, reject) => {
        redis.once('ready', resolve);
        redis.once('error', reject);
      });
      this.logger.log(`connected to Redis at ${redactedRedisUrl(this.config.redisUrl)}`);
    } catch (error) {
      this.logger.warn(`Redis at ${redactedRedisUrl(this.config.redisUrl)} is unreachable (${(error as Error).message}); queues wait for it, events wait in the outbox`);
    } finally {
      redis.disconnect();
    }
  }
}

function redactedRedisUrl(redisUrl: string): string {
  const url = new URL(redisUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
