import { Module, OnModuleDestroy, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DeliveryMetrics } from './delivery-metrics';
import { OutboundHttpClient } from './outbound-http-client';
import { RetrySettings } from './retry-policy';
import { SecretBox } from './secret-box';

export const RETRY_SETTINGS = Symbol('RETRY_SETTINGS');

/** Closes the shared connection pool when the app shuts down, so no socket outlives it. */
@Injectable()
class OutboundShutdown implements OnModuleDestroy {
  constructor(private readonly client: OutboundHttpClient) {}
  onModuleDestroy(): Promise<void> {
    return this.client.close();
  }
}

/** What webhooks and connectors share to reach customer URLs: the guarded client, secret sealing, retry settings and delivery metrics. */
@Module({
  providers: [
    {
      provide: OutboundHttpClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new OutboundHttpClient({ allowList: config.outboundAllowedHosts, timeoutMs: config.outboundTimeoutMs }),
    },
    { provide: SecretBox, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SecretBox(config.secretsEncryptionKey) },
    {
      provide: RETRY_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RetrySettings => ({
        baseMs: config.deliveryRetryBaseMs,
        maxAgeMs: config.deliveryMaxAgeSeconds * 1000,
      }),
    },
    { provide: DeliveryMetrics, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DeliveryMetrics(config.metricsTenantLabels) },
    OutboundShutdown,
  ],
  exports: [OutboundHttpClient, SecretBox, RETRY_SETTINGS, DeliveryMetrics],
})
export class OutboundModule {}

export const InjectRetrySettings = () => Inject(RETRY_SETTINGS);
