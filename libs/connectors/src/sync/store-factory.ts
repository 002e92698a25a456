import { Injectable } from '@nestjs/common';
import { OutboundHttpClient } from '@provisio/outbound';
import { UserStoreConnector } from '../connector';
import { ConnectorsService } from '../connectors/connectors.service';
import { ScimPushClient } from '../scim/scim-push-client';
import { ScimPushConnector } from '../scim/scim-push.connector';

export interface ConnectorTarget {
  tenantId: string;
  id: string;
  type: 'scim';
  baseUrl: string;
}

/** Builds the connector implementation for a stored connector; the only place that knows the types. */
@Injectable()
export class StoreFactory {
  constructor(
    private readonly connectors: ConnectorsService,
    private readonly http: OutboundHttpClient,
  ) {}

  async open(target: ConnectorTarget): Promise<UserStoreConnector> {
    const token = await this.connectors.tokenOf(target.tenantId, target.id);
    switch (target.type) {
      case 'scim':
        return new ScimPushConnector(new ScimPushClient(this.http, target.baseUrl, token));
      default:
        throw new Error(`Unknown connector type ${String(target.type)}`);
    }
  }
}
