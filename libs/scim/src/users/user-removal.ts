import { DeactivateAction, DeleteAction } from '@provisio/tenancy';
import { ScimChange } from '../changes/scim-change';
import { JsonObject } from '../resource-model/json-value';
import { removeFromAllGroups } from '../storage/memberships.repository';
import { Db } from '../storage/sql';
import { hardDeleteUser, softDeleteUser } from '../storage/users.repository';
import { membershipsRemoved, userDeleted } from './user-changes';

/**
 * Removes a user as the tenant's deprovisioning policy says (TenantSettings.deprovisioning): soft
 * delete keeps the row with deleted_at (the userName is released by the partial unique index), hard
 * delete removes it. Either way its group memberships go, and SCIM answers 404 from now on.
 */
export async function removeUser(
  db: Db,
  tenantId: string,
  id: string,
  before: JsonObject,
  mode: DeleteAction | Exclude<DeactivateAction, 'keep'>,
  reason: string,
): Promise<ScimChange[]> {
  const groups = await removeFromAllGroups(db, tenantId, id);
  if (mode === 'soft-delete') await softDeleteUser(db, tenantId, id);
  else await hardDeleteUser(db, tenantId, id);
  return [userDeleted(id, before, `${reason} (${mode})`), ...membershipsRemoved(id, groups)];
}
