import { NotFoundError } from '@provisio/observability';

export class WebhookNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Webhook ${id} not found`);
  }
}

export class DeliveryNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Delivery ${id} not found`);
  }
}
