import { request } from 'undici';
import { WebhookReceiver } from './webhook-receiver';

const SIGNED = { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };

describe('WebhookReceiver', () => {
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(() => receiver.close());

  const post = async (body: unknown, headers: Record<string, string> = SIGNED): Promise<number> => {
    const response = await request(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    await response.body.text();
    return response.statusCode;
  };

  it('listens on loopback only and answers 204', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('keys an event by its user, times it, and counts a redelivery of the same event id once as a duplicate', async () => {
    const event = { id: 'ev-1', type: 'user.created', occurredAt: '2026-01-01T00:00:00.000Z', data: { resource: { userName: 'a@x' } } };
    expect(await post(event)).toBe(204);
    expect(await post(event)).toBe(204);
    expect(await receiver.waitFor(['a@x'], 1000)).toBe(0);
    expect(receiver.arrivalOf('a@x')).toMatchObject({ eventId: 'ev-1', type: 'user.created', occurredAt: Date.parse(event.occurredAt) });
    expect(receiver.duplicates).toBe(1);
  });

  it('counts unsigned or unparsable bodies as malformed, never as deliveries', async () => {
    const before = receiver.malformed;
    await post({ id: 'ev-2', data: { resource: { userName: 'b@x' } } }, { 'content-type': 'application/json' });
    await post('{not json', SIGNED);
    expect(receiver.malformed).toBe(before + 2);
    expect(await receiver.waitFor(['b@x'], 50)).toBe(1);
  });
});
