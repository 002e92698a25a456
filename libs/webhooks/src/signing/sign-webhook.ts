import { Webhook } from 'standardwebhooks';

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks headers (https://www.standardwebhooks.com): the signature is HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`. The id is the event id, stable across retries and replays, so receivers
 * deduplicate on it; the timestamp is the attempt's, so a retry a day later is not refused as a replay attack.
 */
export function signWebhook(secret: string, eventId: string, body: string, at = new Date()): SignedHeaders {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(eventId, at, body),
  };
}
