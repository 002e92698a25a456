import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeJournal } from '../changes/change-journal.service';
import { ScimChange } from '../changes/scim-change';
import { assertIfMatch } from '../http/etag';
import { ScimContext } from '../http/scim-context';
import { ScimNotFoundError } from '../http/scim-errors';
import { ServedResource } from '../http/scim-reply';
import { listResources } from '../list/list-query';
import { listResponse } from '../list/list-response';
import { ListRequest } from '../paging/list-request';
import { applyPatch } from '../patch/apply-patch';
import { MembershipChange } from '../patch/membership-change';
import { Projection } from '../projection/projection';
import { JsonObject, jsonEqual } from '../resource-model/json-value';
import { groupColumns, GroupRow } from '../storage/group-row';
import { bumpGroupVersion, findGroup, hardDeleteGroup, insertGroup, softDeleteGroup, updateGroup } from '../storage/groups.repository';
import { removeFromAllGroups } from '../storage/memberships.repository';
import { validateReplacement } from '../validation/validate-replacement';
import { validateResource } from '../validation/validate-resource';
import { applyMembershipChanges } from './apply-membership';
import { assertDisplayNameAvailable } from './group-display-name';
import { groupCreated, groupDeleted, groupUpdated, membershipChanges } from './group-changes';
import { loadGroupMembers } from './group-members-loader';
import { renderGroup } from './render-group';

/** The outcome of a group update: the new version always, the resource only when it is to be returned. */
export interface GroupUpdate {
  version: number;
  served?: ServedResource;
}

/** Groups: membership lives in scim_group_members and is only read when an answer returns members. */
@Injectable()
export class ScimGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: ChangeJournal,
  ) {}

  create(ctx: ScimContext, body: unknown, projection: Projection): Promise<ServedResource> {
    const validated = validateResource('Group', body);
    const cols = groupColumns(validated.resource);
    return this.dataSource.transaction(async (tx) => {
      await assertDisplayNameAvailable(tx, ctx.tenant, cols.displayName);
      const row = await insertGroup(tx, ctx.tenant.id, cols);
      const changes: MembershipChange[] = validated.members?.length ? [{ op: 'add', members: validated.members }] : [];
      const delta = await applyMembershipChanges(tx, ctx.tenant.id, row.id, changes);
      await this.journal.recordAll(tx, ctx.tenant.id, [groupCreated(row, renderGroup(row, ctx.baseUrl).body), ...membershipChanges(row, delta)]);
      return this.serve(tx, ctx, row, projection, delta.added.length > 0);
    });
  }

  async get(ctx: ScimContext, id: string, projection: Projection): Promise<ServedResource> {
    const row = await findGroup(this.dataSource.manager, ctx.tenant.id, id);
    if (!row) throw new ScimNotFoundError('Group', id);
    return this.serve(this.dataSource.manager, ctx, row, projection, true);
  }

  async list(ctx: ScimContext, request: ListRequest, projection: Projection): Promise<Record<string, unknown>> {
    const db = this.dataSource.manager;
    const page = await listResources<GroupRow>(db, 'Group', ctx.tenant.id, request);
    const ids = page.rows.map((row) => row.id);
    const members = projection.returns('members') && ids.length > 0 ? await loadGroupMembers(db, ctx.tenant.id, ids) : undefined;
    const resources = page.rows.map((row) => projection.project(renderGroup(row, ctx.baseUrl, members?.get(row.id)).body));
    return listResponse(request, page.totalResults, resources, page.nextCursor);
  }

  /** PUT: members given (also [] or null) replace the membership; members omitted leave it as it is. */
  async replace(ctx: ScimContext, id: string, body: unknown, projection: Projection, ifMatch?: string): Promise<ServedResource> {
    const result = await this.update(ctx, id, ifMatch, projection, (row) => {
      const validated = validateReplacement('Group', body, row.resource);
      const changes: MembershipChange[] = validated.members === undefined ? [] : [{ op: 'removeAll' }, { op: 'add', members: validated.members }];
      // A PUT that only re-sends the members changes nothing but the membership, which has its own events.
      return { resource: validated.resource, changed: !jsonEqual(row.resource, validated.resource), memberChanges: changes };
    });
    return result.served!;
  }

  /**
   * PATCH through the pure engine; member operations become membership statements, never a member
   * list read. Without a projection (`projection` undefined) nothing is rendered: the answer is 204.
   */
  patch(ctx: ScimContext, id: string, body: unknown, projection: Projection | undefined, ifMatch?: string): Promise<GroupUpdate> {
    return this.update(ctx, id, ifMatch, projection, (row) => applyPatch('Group', row.resource, body, { id: row.id }));
  }

  async delete(ctx: ScimContext, id: string, ifMatch?: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await findGroup(tx, ctx.tenant.id, id, true);
      if (!row) throw new ScimNotFoundError('Group', id);
      assertIfMatch(ifMatch, row.version);
      const mode = ctx.tenant.settings.deprovisioning.onDelete;
      // A nested group leaves its parents too.
      const parents = await removeFromAllGroups(tx, ctx.tenant.id, row.id);
      if (mode === 'soft-delete') await softDeleteGroup(tx, ctx.tenant.id, row.id);
      else await hardDeleteGroup(tx, ctx.tenant.id, row.id);
      const changes: ScimChange[] = [groupDeleted(row, renderGroup(row, ctx.baseUrl).body, `DELETE (${mode})`)];
      for (const parent of parents) changes.push(...membershipChanges(parent, { added: [], removed: [{ member_id: row.id, member_type: 'Group' }] }));
      await this.journal.recordAll(tx, ctx.tenant.id, changes);
    });
  }

  private update(
    ctx: ScimContext,
    id: string,
    ifMatch: string | undefined,
    projection: Projection | undefined,
    change: (row: GroupRow) => { resource: JsonObject; changed: boolean; memberChanges: MembershipChange[] },
  ): Promise<GroupUpdate> {
    return this.dataSource.transaction(async (tx) => {
      const row = await findGroup(tx, ctx.tenant.id, id, true);
      if (!row) throw new ScimNotFoundError('Group', id);
      assertIfMatch(ifMatch, row.version);
      const next = change(row);
      const cols = groupColumns(next.resource);
      let updated = row;
      if (next.changed) {
        if (cols.displayName.toLowerCase() !== row.display_name.toLowerCase()) await assertDisplayNameAvailable(tx, ctx.tenant, cols.displayName, row.id);
        updated = await updateGroup(tx, ctx.tenant.id, row.id, cols);
      }
      const delta = await applyMembershipChanges(tx, ctx.tenant.id, row.id, next.memberChanges);
      const membersChanged = delta.added.length + delta.removed.length > 0;
      if (membersChanged && !next.changed) updated = await bumpGroupVersion(tx, ctx.tenant.id, row.id);
      const changes: ScimChange[] = [];
      if (next.changed) changes.push(groupUpdated(updated, renderGroup(row, ctx.baseUrl).body, renderGroup(updated, ctx.baseUrl).body));
      changes.push(...membershipChanges(updated, delta));
      await this.journal.recordAll(tx, ctx.tenant.id, changes);
      return { version: updated.version, served: projection && (await this.serve(tx, ctx, updated, projection, true)) };
    });
  }

  /** `mayHaveMembers` false skips the member query when the group is known to be empty. */
  private async serve(db: EntityManager, ctx: ScimContext, row: GroupRow, projection: Projection, mayHaveMembers: boolean): Promise<ServedResource> {
    const members = mayHaveMembers && projection.returns('members') ? (await loadGroupMembers(db, ctx.tenant.id, [row.id])).get(row.id) : undefined;
    const served = renderGroup(row, ctx.baseUrl, members);
    return { ...served, body: projection.project(served.body) };
  }
}
