import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** How the receiver answers the n-th request (1-based) on one path; `hang` never answers. */
export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | 'hang';
export type Script = (n: number, req: ReceivedRequest) => Answer;

/** A local HTTP server standing in for a customer's webhook endpoint, scripted per path. */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, Script>();
  private readonly counts = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string, script: Script): void {
    this.scripts.set(path, script);
  }

  to(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      this.requests.push(received);
      const n = (this.counts.get(received.path) ?? 0) + 1;
      this.counts.set(received.path, n);
      const script: Script = this.scripts.get(received.path) ?? (() => ({ status: 204 }));
      const answer = script(n, received);
      if (answer === 'hang') return;
      setTimeout(() => res.writeHead(answer.status, answer.headers).end(answer.body ?? ''), answer.delayMs ?? 0);
    });
  }
}
