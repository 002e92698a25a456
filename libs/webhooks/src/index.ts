/**
 * @provisio/webhooks — signed outbound webhooks.
 * apps/api imports WebhooksModule (admin API); apps/worker imports WebhooksWorkerModule (fan-out + delivery).
 */
export * from './webhooks.module';
export * from './signing/sign-webhook';
export * from './stats/webhook-stats.service';
export { WEBHOOK_DELIVERY_QUEUE } from './deliveries/webhook-delivery-queue';
