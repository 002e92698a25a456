import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeJournal } from '../changes/change-journal.service';
import { ScimChange } from '../changes/scim-change';
import { assertIfMatch } from '../http/etag';
import { Projection } from '../projection/projection';
import { ScimContext } from '../http/scim-context';
import { ScimNotFoundError, UniquenessError } from '../http/scim-errors';
import { ServedResource } from '../http/scim-reply';
import { listResources } from '../list/list-query';
import { listResponse } from '../list/list-response';
import { ListRequest } from '../paging/list-request';
import { applyPatch } from '../patch/apply-patch';
import { isUniqueViolation } from '../storage/sql';
import { newUserRow, userColumns, UserColumns, UserRow } from '../storage/user-row';
import { findUser, insertUserStatement, updateUser, USER_NAME_UNIQUE_INDEX } from '../storage/users.repository';
import { validateReplacement } from '../validation/validate-replacement';
import { validateResource } from '../validation/validate-resource';
import { hashPassword } from './password-hash';
import { passwordInPatch, passwordInPut } from './request-password';
import { renderUser } from './render-user';
import { userCreated, userUpdated } from './user-changes';
import { loadUserGroups } from './user-groups';
import { removeUser } from './user-removal';

export interface Preconditions {
  ifMatch?: string;
}

/** Users: each write is one transaction with its audit entry and outbox event (docs/architecture.md). */
@Injectable()
export class ScimUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: ChangeJournal,
  ) {}

  /** One statement, so one round trip and its own transaction: the user, its event and its audit entry. */
  async create(ctx: ScimContext, body: unknown, projection: Projection): Promise<ServedResource> {
    const validated = validateResource('User', body);
    // Hashing happens before the statement so no connection waits on argon2.
    const passwordHash = validated.password === undefined ? null : await hashPassword(validated.password);
    const cols = userColumns(validated.resource);
    const row = newUserRow(cols);
    const served = renderUser(row, ctx.baseUrl);
    const insert = { name: 'created_user', statement: insertUserStatement(ctx.tenant.id, row, cols, passwordHash) };
    try {
      await this.journal.insertAndRecord(this.dataSource.manager, ctx.tenant.id, insert, userCreated(row.id, served.body));
    } catch (error) {
      if (isUniqueViolation(error, USER_NAME_UNIQUE_INDEX)) throw userNameTaken(cols.userName);
      throw error;
    }
    return { ...served, body: projection.project(served.body) };
  }

  async get(ctx: ScimContext, id: string, projection: Projection): Promise<ServedResource> {
    const row = await findUser(this.dataSource.manager, ctx.tenant.id, id);
    if (!row) throw new ScimNotFoundError('User', id);
    return this.serve(this.dataSource.manager, ctx, row, projection);
  }

  async list(ctx: ScimContext, request: ListRequest, projection: Projection): Promise<Record<string, unknown>> {
    const db = this.dataSource.manager;
    const page = await listResources<UserRow>(db, 'User', ctx.tenant.id, request);
    const ids = page.rows.map((row) => row.id);
    const groups = projection.returns('groups') && ids.length > 0 ? await loadUserGroups(db, ctx.tenant.id, ids) : undefined;
    const resources = page.rows.map((row) => projection.project(renderUser(row, ctx.baseUrl, groups?.get(row.id)).body));
    return listResponse(request, page.totalResults, resources, page.nextCursor);
  }

  /** PUT (RFC 7644 §3.5.1): readOnly attributes ignored, immutable ones checked by the validator. */
  replace(ctx: ScimContext, id: string, body: unknown, projection: Projection, pre: Preconditions): Promise<ServedResource> {
    return this.update(ctx, id, pre, projection, passwordInPut(body), async (row) => {
      const validated = validateReplacement('User', body, row.resource);
      return { cols: userColumns(validated.resource), password: validated.password, changed: true };
    });
  }

  /** PATCH (RFC 7644 §3.5.2) through the pure engine; a no-op PATCH writes nothing. */
  patch(ctx: ScimContext, id: string, body: unknown, projection: Projection, pre: Preconditions): Promise<ServedResource> {
    return this.update(ctx, id, pre, projection, passwordInPatch(body), async (row) => {
      const result = applyPatch('User', row.resource, body, { id: row.id });
      return { cols: userColumns(result.resource), password: result.password, changed: result.changed || result.password !== undefined };
    });
  }

  async delete(ctx: ScimContext, id: string, pre: Preconditions): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await findUser(tx, ctx.tenant.id, id, true);
      if (!row) throw new ScimNotFoundError('User', id);
      assertIfMatch(pre.ifMatch, row.version);
      const before = renderUser(row, ctx.baseUrl).body;
      const mode = ctx.tenant.settings.deprovisioning.onDelete;
      await this.journal.recordAll(tx, ctx.tenant.id, await removeUser(tx, ctx.tenant.id, row.id, before, mode, 'DELETE'));
    });
  }

  private async update(
    ctx: ScimContext,
    id: string,
    pre: Preconditions,
    projection: Projection,
    password: string | undefined,
    change: (row: UserRow) => Promise<{ cols: UserColumns; password?: string; changed: boolean }>,
  ): Promise<ServedResource> {
    // Hashed before the transaction, as on create: argon2 must not run while the row is locked.
    const early = password === undefined ? undefined : { password, hash: await hashPassword(password) };
    return this.dataSource.transaction(async (tx) => {
      const row = await findUser(tx, ctx.tenant.id, id, true);
      if (!row) throw new ScimNotFoundError('User', id);
      assertIfMatch(pre.ifMatch, row.version);
      const next = await change(row);
      if (!next.changed) return this.serve(tx, ctx, row, projection);
      const passwordHash = next.password === undefined ? null : next.password === early?.password ? early.hash : await hashPassword(next.password);
      const updated = await this.write(tx, ctx.tenant.id, row.id, next.cols, passwordHash);
      const before = renderUser(row, ctx.baseUrl).body;
      const after = renderUser(updated, ctx.baseUrl).body;
      const changes: ScimChange[] = userUpdated(row.id, before, after);
      const deactivated = row.active && !updated.active;
      const policy = ctx.tenant.settings.deprovisioning.onDeactivate;
      if (deactivated && policy !== 'keep') {
        changes.push(...(await removeUser(tx, ctx.tenant.id, row.id, after, policy, 'active set to false')));
      }
      await this.journal.recordAll(tx, ctx.tenant.id, changes);
      return this.serve(tx, ctx, updated, projection);
    });
  }

  private async write(tx: EntityManager, tenantId: string, id: string, cols: UserColumns, passwordHash: string | null): Promise<UserRow> {
    try {
      return await updateUser(tx, tenantId, id, cols, passwordHash);
    } catch (error) {
      if (isUniqueViolation(error)) throw userNameTaken(cols.userName);
      throw error;
    }
  }

  private async serve(db: EntityManager, ctx: ScimContext, row: UserRow, projection: Projection): Promise<ServedResource> {
    const groups = projection.returns('groups') ? (await loadUserGroups(db, ctx.tenant.id, [row.id])).get(row.id) : undefined;
    const served = renderUser(row, ctx.baseUrl, groups);
    return { ...served, body: projection.project(served.body) };
  }
}

function userNameTaken(userName: string): UniquenessError {
  return new UniquenessError(`userName "${userName}" is already in use (userName is unique regardless of case)`);
}
