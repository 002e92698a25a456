import { ScimTenant } from '@provisio/tenancy';
import { UniquenessError } from '../http/scim-errors';
import { groupDisplayNameTaken, lockGroupDisplayName } from '../storage/groups.repository';
import { Db } from '../storage/sql';

/**
 * groups.uniqueDisplayName (tenant setting; Entra matches groups by displayName): a second group
 * with the same displayName, regardless of case, is 409 uniqueness. The advisory lock on
 * tenant + lower(name) makes check-then-write race-free until the transaction ends.
 */
export async function assertDisplayNameAvailable(db: Db, tenant: ScimTenant, displayName: string, exceptId?: string): Promise<void> {
  if (!tenant.settings.groups.uniqueDisplayName) return;
  await lockGroupDisplayName(db, tenant.id, displayName);
  if (await groupDisplayNameTaken(db, tenant.id, displayName, exceptId)) {
    throw new UniquenessError(`A group with displayName "${displayName}" already exists (displayName is unique in this tenant regardless of case)`);
  }
}
