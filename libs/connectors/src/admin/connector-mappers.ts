import { ConnectorEntity } from '../connectors/connector.entity';
import { SyncCounts } from '../connectors/connector-sync-state';
import { ConnectorResponseDto } from './connector.dto';

/** The token or bind password never leaves: not even once, since the caller gave it to us. */
export function toConnectorResponse(connector: ConnectorEntity, counts: SyncCounts): ConnectorResponseDto {
  return {
    id: connector.id,
    type: connector.type,
    baseUrl: connector.baseUrl,
    ...(connector.settings ? { ldap: { url: connector.baseUrl, ...connector.settings } } : {}),
    description: connector.description,
    enabled: connector.enabled,
    sync: {
      lastSuccessAt: connector.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: connector.lastFailureAt?.toISOString() ?? null,
      lastError: connector.lastError,
      ...counts,
    },
    createdAt: connector.createdAt.toISOString(),
    updatedAt: connector.updatedAt.toISOString(),
  };
}
