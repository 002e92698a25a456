/** A signed statement "tenant T's audit chain had hash H at sequence N, at time S". */
export interface CheckpointFields {
  tenantId: string;
  sequence: number;
  /** The chain hash of event `sequence`, hex. */
  hash: string;
  /** When it was signed, ISO 8601 with milliseconds. */
  signedAt: string;
}

/**
 * The exact bytes (UTF-8) the Ed25519 signature covers: one `name=value` line per field after a versioned first
 * line, no trailing newline. Plain text so anyone can rebuild and check it with openssl (docs/audit.md).
 */
export function checkpointPayload(fields: CheckpointFields): string {
  return [
    'provisio-audit-checkpoint-v1',
    `tenantId=${fields.tenantId}`,
    `sequence=${fields.sequence}`,
    `hash=${fields.hash}`,
    `signedAt=${fields.signedAt}`,
  ].join('\n');
}
