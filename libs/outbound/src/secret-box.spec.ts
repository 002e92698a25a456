import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed bytes do not contain the secret', () => {
    const sealed = box.seal('whsec_c2VjcmV0', 'webhook:t:1');
    expect(sealed.includes(Buffer.from('whsec_c2VjcmV0'))).toBe(false);
    expect(box.open(sealed, 'webhook:t:1')).toBe('whsec_c2VjcmV0');
  });

  it('refuses a ciphertext moved to another context or tampered with', () => {
    const sealed = box.seal('token', 'connector:t:1');
    expect(() => box.open(sealed, 'connector:t:2')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => box.open(tampered, 'connector:t:1')).toThrow();
  });

  it('refuses a ciphertext sealed with another key', () => {
    expect(() => new SecretBox(randomBytes(32)).open(box.seal('x', 'c'), 'c')).toThrow();
  });
});
