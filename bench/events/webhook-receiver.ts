import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One webhook as it arrived: the event's marker (the user's userName) and when it came. */
export interface Arrival {
  /** data.resource.userName of the event, else the event id. */
  key: string;
  eventId: string;
  type: string;
  /** Epoch milliseconds (sub-millisecond precision) when the whole body had been read. */
  at: number;
  /** The event's occurredAt, epoch milliseconds. */
  occurredAt: number;
  /** The tenant's event sequence and the resource it is about: per-resource order checks. */
  sequence: number;
  resource: { resourceType: string; id: string };
}

interface WebhookBody {
  id?: string;
  type?: string;
  occurredAt?: string;
  sequence?: number;
  data?: { resourceType?: string; id?: string; resource?: { userName?: string } | null };
}

/** Epoch time with the resolution of the monotonic clock, comparable with Date.now() and with Postgres' clock. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/**
 * The "fast local receiver" of issue #6: node:http on 127.0.0.1, answers 204 as soon as the body is read,
 * and remembers when each event arrived. It does not verify signatures (that costs the receiver, not us);
 * it counts requests without the Standard Webhooks headers as malformed.
 */
export class WebhookReceiver {
  readonly arrivals: Arrival[] = [];
  private readonly firstByKey = new Map<string, Arrival>();
  private readonly seenEventIds = new Set<string>();
  duplicates = 0;
  malformed = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/bench-webhook`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = epochMs();
      res.writeHead(204).end();
      let body: WebhookBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookBody;
      } catch {
        this.malformed++;
        return;
      }
      if (!body.id || !req.headers['webhook-signature'] || !req.headers['webhook-id']) {
        this.malformed++;
        return;
      }
      if (this.seenEventIds.has(body.id)) {
        this.duplicates++; // at-least-once delivery: a repeat is legal, and counted
        return;
      }
      this.seenEventIds.add(body.id);
      const arrival: Arrival = {
        key: body.data?.resource?.userName ?? body.id,
        eventId: body.id,
        type: body.type ?? '?',
        at,
        occurredAt: body.occurredAt ? Date.parse(body.occurredAt) : NaN,
        sequence: body.sequence ?? NaN,
        resource: { resourceType: body.data?.resourceType ?? '?', id: body.data?.id ?? '?' },
      };
      this.arrivals.push(arrival);
      if (!this.firstByKey.has(arrival.key)) this.firstByKey.set(arrival.key, arrival);
    });
  }

  arrivalOf(key: string): Arrival | undefined {
    return this.firstByKey.get(key);
  }

  /** Resolves once every key has arrived, or after `maxMs`; returns how many are still missing. */
  async waitFor(keys: string[], maxMs: number): Promise<number> {
    const deadline = Date.now() + maxMs;
    for (;;) {
      const missing = keys.filter((key) => !this.firstByKey.has(key)).length;
      if (missing === 0 || Date.now() > deadline) return missing;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
