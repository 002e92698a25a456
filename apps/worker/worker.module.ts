import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AUDIT_RETENTION_QUEUE, AuditWorkerModule } from '@provisio/audit';
import { AppConfig, ConfigModule } from '@provisio/config';
import { ConnectorsWorkerModule } from '@provisio/connectors';
import { DatabaseModule } from '@provisio/database';
import { EventsWorkerModule, EventsWorkerOptions, QueueRegistryModule, registerQueues } from '@provisio/events';
import { loggerOptions } from '@provisio/observability';
import { WebhooksWorkerModule } from '@provisio/webhooks';
import { LoggerModule } from 'nestjs-pino';
import { loadMigrations } from '../../migrations';
import { BacklogMetrics } from './metrics/backlog-metrics';
import { WorkerMetricsServer } from './metrics/worker-metrics.server';
import { WorkerStatusReporter } from './worker-status.reporter';

/**
 * The queue process: outbox relay and every processor. Run any number of them. Processor modules of other
 * libs go in the list below; they can use @Processor (BullModule.forRoot is set up here with REDIS_URL and
 * QUEUE_PREFIX).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, events: Partial<EventsWorkerOptions> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config.logLevel, 'worker')),
        DatabaseModule.forRoot({
          url: config.databaseUrl,
          migrations: loadMigrations(),
          runMigrations: false,
          applicationName: 'provisio-worker',
          poolSize: 10,
        }),
        BullModule.forRoot({
          // Workers block on Redis and must retry forever; BullMQ requires maxRetriesPerRequest: null for them.
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: config.queuePrefix,
        }),
        DiscoveryModule,
        EventsWorkerModule.forRoot(events),
        WebhooksWorkerModule,
        ConnectorsWorkerModule,
        AuditWorkerModule,
        QueueRegistryModule,
      ],
      // libs/audit does not depend on libs/events, so its queue is declared here (as in apps/api).
      providers: [WorkerStatusReporter, WorkerMetricsServer, BacklogMetrics, registerQueues('audit', [AUDIT_RETENTION_QUEUE])],
    };
  }
}
