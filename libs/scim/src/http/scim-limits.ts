import { AppConfig } from '@provisio/config';
import { cursorKeyFrom } from '../paging/cursor-codec';
import { PagingLimits } from '../paging/paging-limits';

/** Limits the SCIM endpoints enforce and /ServiceProviderConfig advertises, so both always agree. */
export interface ScimLimits {
  paging: PagingLimits;
  bulk: { maxOperations: number; maxPayloadSize: number };
}

export const SCIM_LIMITS = Symbol('SCIM_LIMITS');

export function scimLimitsFrom(config: AppConfig): ScimLimits {
  return {
    paging: { defaultPageSize: 100, maxPageSize: config.scimMaxPageSize, cursorKey: cursorKeyFrom(config.secretsEncryptionKey) },
    bulk: { maxOperations: config.scimBulkMaxOperations, maxPayloadSize: config.scimMaxBodyBytes },
  };
}
