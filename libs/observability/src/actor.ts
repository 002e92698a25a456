/** Who performed a change: an IdP through a SCIM token, an operator through the admin API, or a background job. */
export type Actor =
  // oauthClientId: the client an OAuth access token was issued to, since the short-lived token itself is not listed anywhere.
  | { type: 'token'; tokenId: string; tokenPrefix: string; tokenKind: 'static' | 'oauth'; oauthClientId?: string }
  // ADMIN_TOKEN is `{ type: 'admin' }`; an operator key adds which key and role it was.
  | { type: 'admin'; operatorKeyId?: string; operatorKeyPrefix?: string; role?: 'admin' | 'auditor' }
  | { type: 'system'; job: string };
