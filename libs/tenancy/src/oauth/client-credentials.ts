import { OAuthError } from './oauth-error';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  viaBasic: boolean;
}

/**
 * Reads client_secret_basic (RFC 6749 §2.3.1: form-urlencoded id and secret inside Basic) or client_secret_post.
 * Using both at once is an error (§2.3).
 */
export function readClientCredentials(authorization: string | undefined, body: Record<string, unknown>): ClientCredentials {
  const basic = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  const postedId = typeof body.client_id === 'string' ? body.client_id : undefined;
  const postedSecret = typeof body.client_secret === 'string' ? body.client_secret : undefined;
  if (basic) {
    if (postedSecret) throw new OAuthError(400, 'invalid_request', 'Use one client authentication method, not both');
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError(401, 'invalid_client', 'Malformed Basic credentials', true);
    return {
      clientId: safeDecode(decoded.slice(0, colon)),
      clientSecret: safeDecode(decoded.slice(colon + 1)),
      viaBasic: true,
    };
  }
  if (!postedId || !postedSecret) {
    throw new OAuthError(401, 'invalid_client', 'Client authentication is required (client_secret_basic or client_secret_post)', true);
  }
  return { clientId: postedId, clientSecret: postedSecret, viaBasic: false };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError(401, 'invalid_client', 'Malformed Basic credentials', true);
  }
}
