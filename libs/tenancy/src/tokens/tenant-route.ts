import { uuidFromBytes } from './uuid-bytes';

/**
 * A SCIM or access token names its tenant after a dot (outside the base64url alphabet of the secret), so the
 * bearer lookup can use the (tenant_id, token_hash) index and, on a database distributed by tenant, ask one shard
 * (docs/scaling.md). The route is not secret and not trusted: the token's hash must still match a row of exactly
 * that tenant. Tokens issued before routes existed have none and are found by their hash alone.
 */
const ROUTE = /\.([A-Za-z0-9_-]{22})$/;

export function withTenantRoute(secret: string, tenantId: string): string {
  return `${secret}.${Buffer.from(tenantId.replace(/-/g, ''), 'hex').toString('base64url')}`;
}

/** The tenant a presented token names, or undefined for a token without a (well-formed) route. */
export function tenantRouteOf(presented: string): string | undefined {
  const match = ROUTE.exec(presented);
  if (!match) return undefined;
  const bytes = Buffer.from(match[1], 'base64url');
  return bytes.length === 16 ? uuidFromBytes(bytes) : undefined;
}
