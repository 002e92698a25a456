import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, request } from 'undici';
import type { Readable } from 'node:stream';
import { AddressPolicy, normalizeHost, portOf } from './address-policy';
import { guardedLookup } from './guarded-lookup';
import { NetworkFailure, OutboundBlockedError, OutboundNetworkError } from './outbound-errors';

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Bytes of the response body kept; the rest is discarded unread. */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  latencyMs: number;
}

export interface OutboundClientOptions {
  allowList: readonly string[];
  timeoutMs: number;
}

/**
 * The one HTTP client for requests to customer-controlled URLs. The SSRF policy is enforced on every
 * connection (guardedLookup) and on IP-literal hosts (which skip DNS); redirects are never followed, so a
 * 3xx is simply the response; connect, headers and body each have a timeout.
 */
export class OutboundHttpClient {
  readonly policy: AddressPolicy;
  private readonly agent: Agent;
  private closing?: Promise<void>;

  constructor(options: OutboundClientOptions) {
    this.policy = new AddressPolicy(options.allowList);
    this.agent = new Agent({
      connect: portAwareConnector(this.policy, options.timeoutMs),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 4000,
    });
  }

  async send(req: OutboundRequest): Promise<OutboundResponse> {
    const url = new URL(req.url);
    this.checkLiteralHost(url);
    const started = performance.now();
    try {
      const res = await request(url, { method: req.method, headers: req.headers, body: req.body, dispatcher: this.agent });
      const body = await readCapped(res.body, req.maxResponseBytes ?? 1024);
      return { status: res.statusCode, headers: res.headers, body, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      throw classify(error);
    }
  }

  /** Idempotent: an application context closed twice runs its destroy hooks twice. */
  close(): Promise<void> {
    this.closing ??= this.agent.close();
    return this.closing;
  }

  /** net.connect does not call `lookup` for an IP address, so literal hosts are checked here. */
  private checkLiteralHost(url: URL): void {
    const host = normalizeHost(url.hostname);
    if (ipaddr.isValid(host) && !this.policy.forPort(portOf(url)).allowsAddress(host)) throw new OutboundBlockedError(host, host);
  }
}

/**
 * undici's connector with the SSRF lookup of the destination port's policy, so an allow-list entry
 * bound to a port opens that port only. One connector per port, built on first use.
 */
function portAwareConnector(policy: AddressPolicy, timeout: number): buildConnector.connector {
  const connectors = new Map<number, buildConnector.connector>();
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    let connect = connectors.get(port);
    if (!connect) {
      connect = buildConnector({ lookup: guardedLookup(policy.forPort(port)), timeout });
      connectors.set(port, connect);
    }
    return connect(options, callback);
  };
}

/** Keeps the first `max` bytes and stops reading, so a huge or endless response cannot exhaust memory. */
async function readCapped(body: Readable, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(buffer.subarray(0, max - size));
    size += Math.min(buffer.length, max - size);
    if (size >= max) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

function classify(error: unknown): Error {
  if (error instanceof OutboundBlockedError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof OutboundBlockedError) return cause;
  const code = (error as { code?: string }).code ?? '';
  const failure: NetworkFailure =
    code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' ? 'timeout'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'dns'
        : code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' ? 'connect'
          : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' ? 'reset'
            : 'other';
  const message = error instanceof Error ? error.message : String(error);
  return new OutboundNetworkError(failure, `${failure}: ${message}`.slice(0, 500));
}
