import { AddressPolicy } from '@provisio/outbound';
import { TenantsService, withDefaults } from '@provisio/tenancy';
import { DataSource } from 'typeorm';
import { UserStoreConnector } from '../connector';
import { ConnectorsService } from '../connectors/connectors.service';
import { ACTIVE_DIRECTORY_PRESET } from './active-directory-preset';
import { LdapDirectory } from './ldap-directory';
import { LdapConnector } from './ldap.connector';
import { LdapSessions } from './ldap-sessions';
import { OPENLDAP_PRESET } from './openldap-preset';

/** Opens LdapConnectors over pooled sessions (one per connector and worker); close() on shutdown. */
export class LdapConnectorFactory {
  private readonly sessions: LdapSessions;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connectors: ConnectorsService,
    private readonly tenants: TenantsService,
    policy: AddressPolicy,
    timeoutMs: number,
  ) {
    this.sessions = new LdapSessions(policy, timeoutMs);
  }

  async open(tenantId: string, connectorId: string): Promise<UserStoreConnector> {
    const target = await this.connectors.ldapTargetOf(tenantId, connectorId);
    const tenant = await this.tenants.get(tenantId);
    const preset = target.preset === 'active-directory' ? ACTIVE_DIRECTORY_PRESET : OPENLDAP_PRESET;
    const session = this.sessions.session(`${tenantId}:${connectorId}`, target);
    return new LdapConnector(new LdapDirectory(session, target, preset), {
      onDelete: withDefaults(tenant.settings).deprovisioning.onDelete,
      passwordHash: (localId) => this.passwordHash(tenantId, localId),
    });
  }

  close(): Promise<void> {
    return this.sessions.closeAll();
  }

  /** Read from SCIM's table like LocalDirectory does; the hash only ever leaves towards the directory. */
  private async passwordHash(tenantId: string, userId: string): Promise<string | null> {
    const [row]: { password_hash: string | null }[] = await this.dataSource.query(
      `SELECT password_hash FROM scim_users WHERE tenant_id = $1 AND id = $2`,
      [tenantId, userId],
    );
    return row?.password_hash ?? null;
  }
}
