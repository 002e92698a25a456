import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ConnectorType = 'scim';

/** A downstream user store of one tenant that we provision into. */
@Entity('connectors')
export class ConnectorEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id: string;

  @Column('text')
  type: ConnectorType;

  @Column('text', { name: 'base_url' })
  baseUrl: string;

  @Column('bytea', { name: 'token_sealed', select: false })
  tokenSealed: Buffer;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('boolean')
  enabled: boolean;

  @Column('timestamptz', { name: 'last_success_at', nullable: true })
  lastSuccessAt: Date | null;

  @Column('timestamptz', { name: 'last_failure_at', nullable: true })
  lastFailureAt: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
