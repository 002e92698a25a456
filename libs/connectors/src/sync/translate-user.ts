import { LocalResource } from '../connector';
import { IdMap } from './id-map';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * Ids inside a user that point at our resources, translated to the store's. The enterprise manager is the
 * only such reference (RFC 7643 §4.3): its value becomes the store's id of that user; `$ref` (our URL) and
 * `displayName` (read-only, the store sets it) are dropped. A manager the store does not have yet is left out
 * rather than provisioned here, which could loop on two users who manage each other; the next update of the
 * user or a resync fills it in.
 */
/** Our id of the user's manager, if it has one. */
export function managerOf(user: LocalResource): string | undefined {
  const value = ((user[ENTERPRISE] as Record<string, unknown> | undefined)?.manager as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' && value ? value : undefined;
}

export async function translateUser(ids: IdMap, user: LocalResource): Promise<LocalResource> {
  const extension = user[ENTERPRISE] as Record<string, unknown> | undefined;
  const manager = extension?.manager as { value?: unknown } | undefined;
  if (!extension || manager === undefined) return user;
  const { manager: _dropped, ...rest } = extension;
  const remoteManager = typeof manager?.value === 'string' ? await ids.remoteId('User', manager.value) : undefined;
  return { ...user, [ENTERPRISE]: remoteManager ? { ...rest, manager: { value: remoteManager } } : rest };
}
