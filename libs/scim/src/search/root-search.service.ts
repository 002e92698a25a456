import { Injectable } from '@nestjs/common';
import { ScimGroupsService } from '../groups/scim-groups.service';
import { ScimContext } from '../http/scim-context';
import { requestedProjection } from '../http/projection-request';
import { listResponse } from '../list/list-response';
import { InvalidListParameterError, ListRequest } from '../paging/list-request';
import { ScimUsersService } from '../users/scim-users.service';

type ListBody = { totalResults: number; Resources: unknown[] };

/**
 * POST /.search on the service root (RFC 7644 §3.4.3): one filter over Users and Groups. Results
 * are Users then Groups, each in its own sortBy order, and index paging runs over that sequence;
 * meta.resourceType tells them apart. Cursor paging is offered per resource type only.
 */
@Injectable()
export class RootSearchService {
  constructor(
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
  ) {}

  async search(ctx: ScimContext, request: ListRequest, attributes: unknown, excludedAttributes: unknown): Promise<Record<string, unknown>> {
    if (request.cursor !== undefined) {
      throw new InvalidListParameterError('Cursor paging is available on /Users/.search and /Groups/.search, not on the root');
    }
    const users = (await this.users.list(ctx, request, requestedProjection('User', attributes, excludedAttributes).projection)) as ListBody;
    const remaining = request.count - users.Resources.length;
    const groupRequest: ListRequest = { ...request, startIndex: Math.max(1, request.startIndex - users.totalResults), count: remaining };
    const groups = (await this.groups.list(ctx, groupRequest, requestedProjection('Group', attributes, excludedAttributes).projection)) as ListBody;
    return listResponse(request, users.totalResults + groups.totalResults, [...users.Resources, ...groups.Resources]);
  }
}
