/** RFC 6749 §5.2 error response of the token endpoint. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 429,
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
    /** Set when the client authenticated with HTTP Basic: RFC 6749 §5.2 then requires a 401 with WWW-Authenticate. */
    readonly basicChallenge = false,
  ) {
    super(description);
  }
}
