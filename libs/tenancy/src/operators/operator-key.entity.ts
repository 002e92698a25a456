import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OperatorRole } from '@provisio/admin';

/** An operator key of the installation (not of a tenant). Only its SHA-256 is stored, like SCIM tokens. */
@Entity('operator_keys')
export class OperatorKeyEntity {
  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  role: OperatorRole;

  @Column('text')
  prefix: string;

  @Column('bytea', { name: 'key_hash', select: false })
  keyHash: Buffer;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
