import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from '../endpoints/webhook-secret';
import { signWebhook } from './sign-webhook';

describe('signWebhook', () => {
  it('produces headers the standardwebhooks library verifies', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ id: 'evt', type: 'user.created' });
    const headers = signWebhook(secret, 'b0f3a3c2-4a53-4c54-9a77-5a9d0e0f7a11', body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual({ id: 'evt', type: 'user.created' });
  });

  it('fails verification with another secret or a changed body', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook(secret, 'id-1', '{"a":1}');
    expect(() => new Webhook(generateWebhookSecret()).verify('{"a":1}', { ...headers })).toThrow();
    expect(() => new Webhook(secret).verify('{"a":2}', { ...headers })).toThrow();
  });
});
