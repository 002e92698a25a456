import { OutboundHttpClient } from '@provisio/outbound';
import { ConnectorRequestError } from '../connector';

const SCIM_JSON = 'application/scim+json';
/** Enough for a large group's member list; a body cut short would not parse. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export interface ScimAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

/** HTTP to one SCIM 2.0 service provider (RFC 7644) through the SSRF-guarded outbound client. */
export class ScimPushClient {
  constructor(
    private readonly http: OutboundHttpClient,
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Sends one request; any status not in `accept` (2xx always is) becomes a ConnectorRequestError. */
  async send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, accept: number[] = []): Promise<ScimAnswer> {
    const res = await this.http.send({
      method,
      url: `${this.baseUrl}${path}`,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: `${SCIM_JSON}, application/json`,
        ...(body === undefined ? {} : { 'content-type': SCIM_JSON }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
    const ok = (res.status >= 200 && res.status < 300) || accept.includes(res.status);
    if (!ok) {
      // The detail is the store's text and ends up in the admin API: never let it echo our token back.
      const detail = scimDetail(res.body).split(this.token).join('[token]');
      throw new ConnectorRequestError(res.status, `${method} ${path.split('?')[0]} answered ${res.status}: ${detail}`, res.headers['retry-after']);
    }
    return { status: res.status, body: parse(res.body) };
  }
}

function parse(text: string): Record<string, unknown> | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** RFC 7644 §3.12 error detail when there is one, else the start of the body. */
function scimDetail(text: string): string {
  const body = parse(text);
  const detail = body && typeof body.detail === 'string' ? body.detail : text;
  return detail.slice(0, 300);
}
