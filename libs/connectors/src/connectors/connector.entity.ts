import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LdapSettings } from '../ldap/ldap-settings';

export const CONNECTOR_TYPES = ['scim', 'ldap'] as const;
export type ConnectorType = (typeof CONNECTOR_TYPES)[number];

/** A downstream user store of one tenant that we provision into. */
@Entity('connectors')
export class ConnectorEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id: string;

  @Column('text')
  type: ConnectorType;

  /** SCIM: the store's base URL; LDAP: its ldap:// or ldaps:// URL. */
  @Column('text', { name: 'base_url' })
  baseUrl: string;

  /** SCIM: the bearer token; LDAP: the bind password. Sealed with SecretBox. */
  @Column('bytea', { name: 'token_sealed', select: false })
  tokenSealed: Buffer;

  /** LDAP only: bind DN, users and groups DNs, preset, mapping, TLS (migration 1765500000000). */
  @Column('jsonb', { nullable: true })
  settings: LdapSettings | null;

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
