import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../tokens/api-tokens.service';
import { hashesEqual, hashSecret } from '../tokens/secrets';
import { ClientCredentials } from './client-credentials';
import { OAuthError } from './oauth-error';

export interface AccessTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

interface SecretRow {
  tenant_id: string;
  oauth_client_id: string;
  secret_hash: Buffer;
}

/** RFC 6749 §4.4 client credentials grant: a live client secret buys a short-lived SCIM access token. */
@Injectable()
export class TokenEndpointService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ApiTokensService,
  ) {}

  async clientCredentials(credentials: ClientCredentials): Promise<AccessTokenResponse> {
    return this.dataSource.transaction(async (tx) => {
      const rows: SecretRow[] = await tx.query(
        `SELECT s.tenant_id, s.oauth_client_id, s.secret_hash
           FROM oauth_clients c
           JOIN tenants t ON t.id = c.tenant_id AND t.status = 'active'
           JOIN oauth_client_secrets s ON s.tenant_id = c.tenant_id AND s.oauth_client_id = c.id
          WHERE c.client_id = $1 AND c.revoked_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [credentials.clientId],
      );
      const presented = hashSecret(credentials.clientSecret);
      // Compare against every live secret so the time taken does not reveal which one (if any) matched.
      const matched = rows.filter((row) => hashesEqual(row.secret_hash, presented))[0];
      if (!matched) throw new OAuthError(401, 'invalid_client', 'Unknown client or wrong secret', credentials.viaBasic);
      const ttl = this.config.oauthAccessTokenTtlSeconds;
      const issued = await this.tokens.issueAccessToken(tx, matched.tenant_id, matched.oauth_client_id, ttl);
      return { access_token: issued.token, token_type: 'Bearer', expires_in: ttl };
    });
  }
}
