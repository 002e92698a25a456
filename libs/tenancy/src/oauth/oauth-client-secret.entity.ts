import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of possibly several live secrets of a client, so a secret can be rotated without downtime. */
@Entity('oauth_client_secrets')
export class OAuthClientSecretEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id: string;

  @Column('uuid', { name: 'oauth_client_id' })
  oauthClientId: string;

  @Column('text')
  prefix: string;

  @Column('bytea', { name: 'secret_hash', select: false })
  secretHash: Buffer;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
