import 'reflect-metadata';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ScimBulkController } from '../bulk/scim-bulk.controller';
import { ScimDiscoveryController } from '../discovery/scim-discovery.controller';
import { ScimGroupsController } from '../groups/scim-groups.controller';
import { ScimMeController } from '../me/scim-me.controller';
import { RootSearchController } from '../search/root-search.controller';
import { ScimUsersController } from '../users/scim-users.controller';
import { scimOperationOf, scimOutcomeOf } from './scim-operation';

const CONTROLLERS = [ScimUsersController, ScimGroupsController, ScimBulkController, RootSearchController, ScimDiscoveryController, ScimMeController];

/** Handler names of a controller: its methods that carry an HTTP method from @Get, @Post, ... */
function routeHandlers(controller: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(controller.prototype).filter((name) => {
    const method = (controller.prototype as Record<string, unknown>)[name];
    return name !== 'constructor' && typeof method === 'function' && Reflect.getMetadata(METHOD_METADATA, method) !== undefined;
  });
}

describe('SCIM operation labels', () => {
  it('names the resource and operation of every SCIM route handler, so none is counted as "other"', () => {
    for (const controller of CONTROLLERS) {
      const handlers = routeHandlers(controller);
      expect(handlers.length).toBeGreaterThan(0);
      for (const handler of handlers) {
        expect({ handler: `${controller.name}.${handler}`, ...scimOperationOf(controller.name, handler) })
          .toEqual(expect.objectContaining({ resource: expect.not.stringMatching(/^other$/) }));
      }
    }
  });

  it('tells the IdP’s mistakes from ours', () => {
    expect([200, 201, 204, 304, 400, 404, 409, 412, 500, 503].map(scimOutcomeOf)).toEqual([
      'success', 'success', 'success', 'success', 'client_error', 'client_error', 'client_error', 'client_error', 'server_error', 'server_error',
    ]);
  });
});
