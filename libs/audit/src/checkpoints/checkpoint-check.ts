import { CheckpointFields } from './checkpoint-payload';
import { CheckpointSigner } from './checkpoint-signer';

/** A checkpoint to check the chain against: one held outside the database, or the newest stored one. */
export interface HeldCheckpoint extends CheckpointFields {
  /** Ed25519 signature over checkpointPayload(fields). */
  signature: Buffer;
  keyId?: string;
}

/** The outcome for the checkpoint, next to the chain's own `ok`. */
export interface CheckpointCheck {
  source: 'given' | 'stored';
  sequence: number;
  /** Signature valid and the chain still holds that hash at that sequence. */
  ok: boolean;
  reason?: string;
}

/** What the chain walk must find for the checkpoint to hold: this hash at this sequence. */
export interface ChainReference {
  sequence: number;
  hash: Buffer;
}

/**
 * Checks what can be checked without the chain: tenant, key and signature. Returns the failure, or the
 * reference the walk must confirm.
 */
export function precheckCheckpoint(
  signer: CheckpointSigner,
  tenantId: string,
  checkpoint: HeldCheckpoint,
  source: CheckpointCheck['source'],
): { failed: CheckpointCheck } | { reference: ChainReference } {
  const fail = (reason: string) => ({ failed: { source, sequence: checkpoint.sequence, ok: false, reason } });
  if (checkpoint.tenantId !== tenantId) return fail(`the checkpoint is for tenant ${checkpoint.tenantId}, not this one`);
  if (checkpoint.keyId && checkpoint.keyId !== signer.keyId) {
    return fail(`the checkpoint was signed by key ${checkpoint.keyId}; this service signs with ${signer.keyId}: check it with that key's public key`);
  }
  if (!signer.verify(checkpoint, checkpoint.signature)) {
    return fail("the signature does not verify with this service's key: the checkpoint was altered or not signed here");
  }
  return { reference: { sequence: checkpoint.sequence, hash: Buffer.from(checkpoint.hash, 'hex') } };
}
