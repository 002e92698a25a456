import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConnectorEntity } from '../connectors/connector.entity';
import { syncCounts } from '../connectors/connector-sync-state';
import { ConnectorResponseDto } from './connector.dto';
import { toConnectorResponse } from './connector-mappers';

interface OutcomeRow {
  id: string;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_error: string | null;
}

/** Connectors as the admin API shows them: configuration plus sync state, never the token. */
@Injectable()
export class ConnectorViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A sync settles its row and the connector's last outcome in one transaction, so both are read from one
   * snapshot here too: otherwise a view could count a dead sync but show the error from before it.
   */
  async views(tenantId: string, connectors: ConnectorEntity[]): Promise<ConnectorResponseDto[]> {
    const ids = connectors.map((c) => c.id);
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const outcomes: OutcomeRow[] = await tx.query(
        `SELECT id, last_success_at, last_failure_at, last_error FROM connectors WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`,
        [tenantId, ids],
      );
      const counts = await syncCounts(tx, tenantId, ids);
      const latest = new Map(outcomes.map((row) => [row.id, row]));
      return connectors.map((c) => {
        const outcome = latest.get(c.id);
        const current = outcome ? { ...c, lastSuccessAt: outcome.last_success_at, lastFailureAt: outcome.last_failure_at, lastError: outcome.last_error } : c;
        return toConnectorResponse(current, counts.get(c.id)!);
      });
    });
  }

  async view(connector: ConnectorEntity): Promise<ConnectorResponseDto> {
    const [view] = await this.views(connector.tenantId, [connector]);
    return view;
  }
}
