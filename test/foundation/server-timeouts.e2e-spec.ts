import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig } from '@provisio/config';
import { startTestApp, TestApp } from '../support/test-app';

/** Sends `text` and waits for the server to answer and close; resolves with the answer and how long it took. */
function stall(port: number, text: string): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(20_000, () => reject(new Error('the server kept the stalled socket open')));
  });
}

describe('HTTP server timeouts', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ HTTP_HEADERS_TIMEOUT_MS: '600', HTTP_REQUEST_TIMEOUT_MS: '1200' });
    await t.app.listen(0, '127.0.0.1');
    port = ((t.app.getHttpServer() as Server).address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers 408 and closes a client that never finishes its headers, at the configured timeout', async () => {
    const { answer, ms } = await stall(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(550);
    expect(ms).toBeLessThan(5_000);
  });

  it('answers 408 and closes a client that never finishes its body, at the request timeout', async () => {
    const { answer, ms } = await stall(port, 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{"a"');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(1_100);
    expect(ms).toBeLessThan(6_000);
  });

  it('sets the configured timeouts on the server, 10 s for headers and 30 s for the whole request by default', () => {
    const server = t.app.getHttpServer() as Server;
    expect([server.headersTimeout, server.requestTimeout]).toEqual([600, 1200]);
    const defaults = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', ADMIN_TOKEN: 'a'.repeat(32) });
    expect([defaults.httpHeadersTimeoutMs, defaults.httpRequestTimeoutMs]).toEqual([10_000, 30_000]);
  });
});
