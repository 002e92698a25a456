import { readClientCredentials } from './client-credentials';
import { OAuthError } from './oauth-error';

describe('readClientCredentials', () => {
  const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;

  it('reads client_secret_basic with form-encoded parts (RFC 6749 §2.3.1)', () => {
    expect(readClientCredentials(basic('my%20id:s%3Acret'), {})).toEqual({ clientId: 'my id', clientSecret: 's:cret', viaBasic: true });
  });

  it('reads client_secret_post', () => {
    expect(readClientCredentials(undefined, { client_id: 'a', client_secret: 'b' })).toEqual({ clientId: 'a', clientSecret: 'b', viaBasic: false });
  });

  it('refuses two authentication methods at once', () => {
    expect(() => readClientCredentials(basic('a:b'), { client_secret: 'b' })).toThrow(OAuthError);
  });

  it('refuses a request without credentials with invalid_client', () => {
    try {
      readClientCredentials(undefined, { client_id: 'a' });
      throw new Error('expected failure');
    } catch (error) {
      expect(error).toBeInstanceOf(OAuthError);
      expect((error as OAuthError).error).toBe('invalid_client');
    }
  });
});
