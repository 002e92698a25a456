import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withDefaults } from '../tenants/tenant-settings';
import { BearerAuthError } from '../tenants/tenancy-errors';
import { hashesEqual, hashSecret } from '../tokens/secrets';
import { ScimPrincipal } from './scim-principal';

/** last_used_at is advisory: writing it on every request would double the write load of a sync. */
const LAST_USED_RESOLUTION = "interval '1 minute'";
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

@Injectable()
export class BearerAuthenticator {
  private readonly logger = new Logger(BearerAuthenticator.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves a presented bearer secret to its tenant with one index probe on the secret's hash. */
  async authenticate(presented: string): Promise<ScimPrincipal> {
    if (!presented || presented.length > MAX_TOKEN_LENGTH) throw new BearerAuthError('The bearer token is not valid');
    const hash = hashSecret(presented);
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id, t.tenant_id, t.kind, t.prefix, t.token_hash, t.expires_at, t.revoked_at, t.last_used_at,
              c.client_id AS oauth_client_id, n.name AS tenant_name, n.status AS tenant_status, n.settings
         FROM api_tokens t JOIN tenants n ON n.id = t.tenant_id
         LEFT JOIN oauth_clients c ON c.tenant_id = t.tenant_id AND c.id = t.oauth_client_id
        WHERE t.token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    // The index lookup already matched on the hash; the constant-time check guards against any collation surprise.
    if (!row || !hashesEqual(row.token_hash, hash)) throw new BearerAuthError('The bearer token is not valid');
    if (row.revoked_at) throw new BearerAuthError('The bearer token has been revoked');
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) throw new BearerAuthError('The bearer token has expired');
    if (row.tenant_status !== 'active') throw new BearerAuthError('The tenant is suspended', 403);
    this.touch(row);
    return {
      tenant: { id: row.tenant_id, name: row.tenant_name, settings: withDefaults(row.settings) },
      token: { id: row.id, prefix: row.prefix, kind: row.kind, ...(row.oauth_client_id ? { oauthClientId: row.oauth_client_id } : {}) },
    };
  }

  private touch(row: TokenRow): void {
    if (row.last_used_at && Date.now() - row.last_used_at.getTime() < 60_000) return;
    this.dataSource
      .query(
        `UPDATE api_tokens SET last_used_at = now()
          WHERE tenant_id = $1 AND id = $2 AND (last_used_at IS NULL OR last_used_at < now() - ${LAST_USED_RESOLUTION})`,
        [row.tenant_id, row.id],
      )
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not record token use'));
  }
}
