import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withDefaults } from '../tenants/tenant-settings';
import { BearerAuthError } from '../tenants/tenancy-errors';
import { hashesEqual, hashSecret } from '../tokens/secrets';
import { tenantRouteOf } from '../tokens/tenant-route';
import { ScimPrincipal } from './scim-principal';
import { TokenCache } from './token-cache';

/** last_used_at is advisory: writing it on every request would double the write load of a sync. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_TOKEN_LENGTH = 512;

interface TokenRow {
  id: string;
  tenant_id: string;
  kind: 'static' | 'oauth';
  prefix: string;
  token_hash: Buffer;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  oauth_client_id: string | null;
  tenant_name: string;
  tenant_status: 'active' | 'suspended';
  settings: object;
}

/** A looked-up token with the principal it grants, built once per lookup rather than per request. */
interface ResolvedToken {
  row: TokenRow;
  principal: ScimPrincipal;
}

@Injectable()
export class BearerAuthenticator {
  private readonly logger = new Logger(BearerAuthenticator.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: TokenCache<ResolvedToken>,
  ) {}

  /**
   * Resolves a presented bearer secret to its tenant: one index probe on the secret's hash, remembered for
   * SCIM_TOKEN_CACHE_SECONDS (TokenCache states the bound). Revocation, expiry and the tenant's status are
   * checked on every request against what was looked up.
   */
  async authenticate(presented: string): Promise<ScimPrincipal> {
    if (!presented || presented.length > MAX_TOKEN_LENGTH) throw new BearerAuthError('The bearer token is not valid');
    const hash = hashSecret(presented);
    const resolved = await this.cache.get(hash.toString('hex'), () => this.lookUp(hash, tenantRouteOf(presented)));
    if (!resolved) throw new BearerAuthError('The bearer token is not valid');
    const { row, principal } = resolved;
    if (row.revoked_at) throw new BearerAuthError('The bearer token has been revoked');
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) throw new BearerAuthError('The bearer token has expired');
    if (row.tenant_status !== 'active') throw new BearerAuthError('The tenant is suspended', 403);
    this.touch(row);
    return principal;
  }

  /** With the tenant the token names, one probe of (tenant_id, token_hash); without (older tokens), of token_hash. */
  private async lookUp(hash: Buffer, tenantId: string | undefined): Promise<ResolvedToken | undefined> {
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id, t.tenant_id, t.kind, t.prefix, t.token_hash, t.expires_at, t.revoked_at, t.last_used_at,
              c.client_id AS oauth_client_id, n.name AS tenant_name, n.status AS tenant_status, n.settings
         FROM api_tokens t JOIN tenants n ON n.id = t.tenant_id
         LEFT JOIN oauth_clients c ON c.tenant_id = t.tenant_id AND c.id = t.oauth_client_id
        WHERE t.token_hash = $1 ${tenantId ? 'AND t.tenant_id = $2' : ''}`,
      tenantId ? [hash, tenantId] : [hash],
    );
    const row = rows[0];
    // The index lookup already matched on the hash; the constant-time check guards against any collation surprise.
    if (!row || !hashesEqual(row.token_hash, hash)) return undefined;
    return {
      row,
      principal: {
        tenant: { id: row.tenant_id, name: row.tenant_name, settings: withDefaults(row.settings) },
        token: { id: row.id, prefix: row.prefix, kind: row.kind, ...(row.oauth_client_id ? { oauthClientId: row.oauth_client_id } : {}) },
      },
    };
  }

  /** At most one UPDATE per token per minute and process; the remembered row carries the time of the last one. */
  private touch(row: TokenRow): void {
    const now = Date.now();
    if (row.last_used_at && now - row.last_used_at.getTime() < LAST_USED_RESOLUTION_MS) return;
    row.last_used_at = new Date(now);
    this.dataSource
      .query(
        `UPDATE api_tokens SET last_used_at = now()
          WHERE tenant_id = $1 AND id = $2 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.tenant_id, row.id],
      )
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not record token use'));
  }
}
