import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkTargetUrl } from './check-target-url';
import { OutboundBlockedError, OutboundNetworkError, OutboundTargetError } from './outbound-errors';
import { OutboundHttpClient } from './outbound-http-client';

describe('OutboundHttpClient', () => {
  let server: Server;
  let port: number;
  const clients: OutboundHttpClient[] = [];
  const client = (allowList: string[], timeoutMs = 2000) => {
    const created = new OutboundHttpClient({ allowList, timeoutMs });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reaches an allow-listed host:port and nothing else on that host (literal and resolved names)', async () => {
    const other = createServer((_req, res) => res.end('other'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    try {
      for (const host of ['127.0.0.1', 'localhost']) {
        const listed = client([`${host}:${port}`, `127.0.0.1:${port}`]);
        expect((await listed.send({ method: 'GET', url: `http://${host}:${port}/` })).status).toBe(200);
        await expect(listed.send({ method: 'GET', url: `http://${host}:${otherPort}/` })).rejects.toBeInstanceOf(OutboundBlockedError);
      }
      await expect(checkTargetUrl(`http://127.0.0.1:${otherPort}/`, client([`127.0.0.1:${port}`]).policy)).rejects.toBeInstanceOf(OutboundTargetError);
      await expect(checkTargetUrl(`http://127.0.0.1:${port}/`, client([`127.0.0.1:${port}`]).policy)).resolves.toBeInstanceOf(URL);
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('refuses a loopback IP literal without the allow-list', async () => {
    await expect(client([]).send({ method: 'GET', url: `http://127.0.0.1:${port}/` })).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(client([]).send({ method: 'GET', url: `http://[::ffff:127.0.0.1]:${port}/` })).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it('refuses at connection time a name that resolves to loopback (the DNS rebinding case)', async () => {
    await expect(client([]).send({ method: 'GET', url: `http://localhost:${port}/` })).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it('reaches an allow-listed address and keeps only the first bytes of the body', async () => {
    const res = await client(['127.0.0.1']).send({ method: 'GET', url: `http://127.0.0.1:${port}/`, maxResponseBytes: 1024 });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1024);
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('does not follow redirects', async () => {
    const res = await client(['127.0.0.1']).send({ method: 'GET', url: `http://127.0.0.1:${port}/redirect` });
    expect(res.status).toBe(302);
  });

  it('times out a receiver that never answers', async () => {
    const error = await client(['127.0.0.1'], 200).send({ method: 'POST', url: `http://127.0.0.1:${port}/hang`, body: '{}' }).catch((e) => e);
    expect(error).toBeInstanceOf(OutboundNetworkError);
    expect(error.failure).toBe('timeout');
  });

  it('checks URLs at configuration time', async () => {
    const strict = client([]).policy;
    await expect(checkTargetUrl(`http://127.0.0.1:${port}/`, strict)).rejects.toBeInstanceOf(OutboundTargetError);
    await expect(checkTargetUrl(`http://localhost:${port}/`, strict)).rejects.toThrow(/non-public/);
    await expect(checkTargetUrl('ftp://example.com/', strict)).rejects.toThrow(/http or https/);
    await expect(checkTargetUrl('https://user:pw@example.com/', strict)).rejects.toThrow(/credentials/);
    await expect(checkTargetUrl(`http://127.0.0.1:${port}/`, client(['127.0.0.1']).policy)).resolves.toBeInstanceOf(URL);
  });
});
