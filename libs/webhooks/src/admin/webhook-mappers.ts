import { WebhookEndpointEntity } from '../endpoints/webhook-endpoint.entity';
import { WebhookResponseDto } from './webhook.dto';

export function toWebhookResponse(endpoint: WebhookEndpointEntity, secret?: string): WebhookResponseDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    ...(secret ? { secret } : {}),
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
