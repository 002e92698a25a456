import { ScimTenant } from '../tenants/scim-tenant';
import { TokenKind } from '../tokens/api-token.entity';

/** What the bearer strategy attaches to a SCIM request: the tenant and the credential that proved it. */
export interface ScimPrincipal {
  tenant: ScimTenant;
  /** oauthClientId: the public client_id an OAuth access token was issued to. */
  token: { id: string; prefix: string; kind: TokenKind; oauthClientId?: string };
}
