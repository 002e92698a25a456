import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface TimedResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
}

const SCIM_JSON = 'application/scim+json';

/**
 * Keep-alive HTTP/1.1 client: one connection per concurrent worker, as an IdP's sync engine holds them.
 * Latency is measured from sending the request until the whole body has been read and parsed.
 */
export class ScimClient {
  private readonly pool: Pool;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    connections: number,
  ) {
    const { origin } = new URL(baseUrl);
    this.pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  }

  /** The path after the server's origin, e.g. /scim/v2/Users; the base URL's own path is prefixed. */
  private url(path: string): string {
    return `${new URL(this.baseUrl).pathname.replace(/\/$/, '')}${path}`;
  }

  async send<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, bearer = this.token): Promise<TimedResponse<T>> {
    const started = performance.now();
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, accept: SCIM_JSON };
    if (body !== undefined) headers['content-type'] = SCIM_JSON;
    const response = await this.pool.request({
      path: this.url(path),
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        // Left as text: error pages from a proxy or a crash are reported, not hidden.
      }
    }
    return { status: response.statusCode, body: parsed as T, headers: response.headers, ms };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** userName eq "x" exactly as Entra puts it on the query string: form-encoded, '+' for spaces (docs/entra.md). */
export function entraFilter(attribute: string, value: string): string {
  return `filter=${attribute}+eq+${encodeURIComponent(`"${value}"`)}`;
}
