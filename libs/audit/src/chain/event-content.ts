import { Actor } from '@provisio/observability';
import { AuditChange } from '../diff/audit-change';
import { AuditOutcome } from '../writer/audit-entry';
import { canonicalJson } from './canonical-json';

/** Every stored field of an event except sequence, time and hash, which the chain adds around it. */
export interface AuditEventContent {
  id: string;
  tenantId: string;
  action: string;
  outcome: AuditOutcome;
  status: number | null;
  scimType: string | null;
  resourceType: string;
  resourceId: string | null;
  resourceName: string | null;
  externalId: string | null;
  actor: Actor;
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  summary: string | null;
  suppressed: number;
  changes: AuditChange[] | null;
}

/** The bytes that are hashed. Verification rebuilds the same object from the stored columns. */
export function serializeContent(content: AuditEventContent): string {
  return canonicalJson(content);
}
