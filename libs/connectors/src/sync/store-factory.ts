import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { OutboundHttpClient } from '@provisio/outbound';
import { TenantsService } from '@provisio/tenancy';
import { DataSource } from 'typeorm';
import { UserStoreConnector } from '../connector';
import { ConnectorType } from '../connectors/connector.entity';
import { ConnectorsService } from '../connectors/connectors.service';
import { LdapConnectorFactory } from '../ldap/ldap-connector-factory';
import { ScimPushClient } from '../scim/scim-push-client';
import { ScimPushConnector } from '../scim/scim-push.connector';

export interface ConnectorTarget {
  tenantId: string;
  id: string;
  type: ConnectorType;
  baseUrl: string;
}

/** Builds the connector implementation for a stored connector; the only place that knows the types. */
@Injectable()
export class StoreFactory implements OnModuleDestroy {
  private readonly ldap: LdapConnectorFactory;

  constructor(
    private readonly connectors: ConnectorsService,
    private readonly http: OutboundHttpClient,
    @InjectDataSource() dataSource: DataSource,
    tenants: TenantsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ldap = new LdapConnectorFactory(dataSource, connectors, tenants, http.policy, config.outboundTimeoutMs);
  }

  async open(target: ConnectorTarget): Promise<UserStoreConnector> {
    switch (target.type) {
      case 'scim':
        return new ScimPushConnector(new ScimPushClient(this.http, target.baseUrl, await this.connectors.tokenOf(target.tenantId, target.id)));
      case 'ldap':
        return this.ldap.open(target.tenantId, target.id);
      default:
        throw new Error(`Unknown connector type ${String(target.type)}`);
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.ldap.close();
  }
}
