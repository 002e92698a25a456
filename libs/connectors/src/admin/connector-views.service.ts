import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConnectorEntity } from '../connectors/connector.entity';
import { syncCounts } from '../connectors/connector-sync-state';
import { ConnectorResponseDto } from './connector.dto';
import { toConnectorResponse } from './connector-mappers';

/** Connectors as the admin API shows them: configuration plus sync state, never the token. */
@Injectable()
export class ConnectorViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async views(tenantId: string, connectors: ConnectorEntity[]): Promise<ConnectorResponseDto[]> {
    const counts = await syncCounts(this.dataSource, tenantId, connectors.map((c) => c.id));
    return connectors.map((c) => toConnectorResponse(c, counts.get(c.id)!));
  }

  async view(connector: ConnectorEntity): Promise<ConnectorResponseDto> {
    const [view] = await this.views(connector.tenantId, [connector]);
    return view;
  }
}
