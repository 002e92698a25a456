import { AppError } from '@provisio/observability';
import { ScimGroupsService } from '../groups/scim-groups.service';
import { weakEtag } from '../http/etag';
import { ScimContext } from '../http/scim-context';
import { compileProjection } from '../projection/projection';
import { ScimUsersService } from '../users/scim-users.service';
import { BulkOperation } from './bulk-request';

/** What one executed operation answers inside the BulkResponse. */
export interface BulkOutcome {
  status: number;
  id?: string;
  location?: string;
  version?: string;
}

const PATH = /^\/(Users|Groups)(?:\/([^/]+))?\/?$/i;
const USER_PROJECTION = compileProjection('User');
const GROUP_PROJECTION = compileProjection('Group');

/**
 * Runs one Bulk operation through the same services as the single-resource endpoints, so it gets
 * the same validation, its own transaction and its own audit entry and outbox event.
 */
export async function dispatchBulkOperation(
  op: BulkOperation,
  ctx: ScimContext,
  users: ScimUsersService,
  groups: ScimGroupsService,
): Promise<BulkOutcome> {
  const match = PATH.exec(op.path);
  if (!match) throw new AppError(400, `path "${op.path.slice(0, 200)}" must be /Users, /Groups, /Users/{id} or /Groups/{id}`, 'invalidPath');
  const isUser = match[1].toLowerCase() === 'users';
  const id = match[2];
  if (op.method === 'POST') {
    if (id) throw new AppError(400, 'POST takes the resource type path (/Users or /Groups)', 'invalidPath');
    const served = isUser ? await users.create(ctx, op.data, USER_PROJECTION) : await groups.create(ctx, op.data, GROUP_PROJECTION);
    return { status: 201, id: served.body.id as string, location: served.location, version: weakEtag(served.version) };
  }
  if (!id) throw new AppError(400, `${op.method} needs a resource path (/Users/{id} or /Groups/{id})`, 'invalidPath');
  const location = `${ctx.baseUrl}/${isUser ? 'Users' : 'Groups'}/${id}`;
  switch (op.method) {
    case 'PUT': {
      const served = isUser ? await users.replace(ctx, id, op.data, USER_PROJECTION, { ifMatch: op.version }) : await groups.replace(ctx, id, op.data, GROUP_PROJECTION, op.version);
      return { status: 200, location, version: weakEtag(served.version) };
    }
    case 'PATCH': {
      if (isUser) {
        const served = await users.patch(ctx, id, op.data, USER_PROJECTION, { ifMatch: op.version });
        return { status: 200, location, version: weakEtag(served.version) };
      }
      const result = await groups.patch(ctx, id, op.data, undefined, op.version);
      return { status: 204, location, version: weakEtag(result.version) };
    }
    case 'DELETE':
      if (isUser) await users.delete(ctx, id, { ifMatch: op.version });
      else await groups.delete(ctx, id, op.version);
      return { status: 204, location };
    default:
      throw new AppError(400, 'method must be POST, PUT, PATCH or DELETE', 'invalidValue');
  }
}
