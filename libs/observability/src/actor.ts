/** Who performed a change: an IdP through a SCIM token, an operator through the admin API, or a background job. */
export type Actor =
  | { type: 'token'; tokenId: string; tokenPrefix: string; tokenKind: 'static' | 'oauth' }
  | { type: 'admin' }
  | { type: 'system'; job: string };
