import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TokenKind = 'static' | 'oauth';

/** A SCIM bearer credential: a long-lived static token or a short-lived OAuth access token. Only its hash is stored. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id: string;

  @Column('text')
  kind: TokenKind;

  @Column('text')
  prefix: string;

  @Column('bytea', { name: 'token_hash', select: false })
  tokenHash: Buffer;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('uuid', { name: 'oauth_client_id', nullable: true })
  oauthClientId: string | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
