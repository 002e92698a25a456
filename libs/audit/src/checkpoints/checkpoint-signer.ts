import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { checkpointPayload, CheckpointFields } from './checkpoint-payload';

/**
 * Signs and checks checkpoints with the Ed25519 AUDIT_SIGNING_KEY (RFC 8032, through node:crypto). The private
 * key lives only in the process configuration, never in the database.
 */
@Injectable()
export class CheckpointSigner {
  private readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  /** First 16 hex digits of SHA-256 over the SPKI DER public key. */
  readonly keyId: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.publicKey = createPublicKey(config.auditSigningKey);
    this.publicKeyPem = this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = createHash('sha256').update(this.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  }

  sign(fields: CheckpointFields): Buffer {
    return sign(null, Buffer.from(checkpointPayload(fields), 'utf8'), this.config.auditSigningKey);
  }

  /** Whether `signature` is this key's signature over exactly these fields. */
  verify(fields: CheckpointFields, signature: Buffer): boolean {
    return verify(null, Buffer.from(checkpointPayload(fields), 'utf8'), this.publicKey, signature);
  }
}
