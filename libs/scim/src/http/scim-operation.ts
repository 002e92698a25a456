/** The resource and operation a SCIM handler performs, as metric labels. */
export interface ScimOperation {
  resource: string;
  operation: string;
}

/**
 * Keyed by `<controller class>.<handler>`: one place naming every SCIM endpoint for metrics, so a dashboard
 * reads "Group patch" rather than a URL pattern. Unknown handlers count as resource/operation "other".
 */
const OPERATIONS: Record<string, ScimOperation> = {
  'ScimUsersController.list': { resource: 'User', operation: 'list' },
  'ScimUsersController.search': { resource: 'User', operation: 'search' },
  'ScimUsersController.get': { resource: 'User', operation: 'get' },
  'ScimUsersController.create': { resource: 'User', operation: 'create' },
  'ScimUsersController.replace': { resource: 'User', operation: 'replace' },
  'ScimUsersController.patch': { resource: 'User', operation: 'patch' },
  'ScimUsersController.delete': { resource: 'User', operation: 'delete' },
  'ScimGroupsController.list': { resource: 'Group', operation: 'list' },
  'ScimGroupsController.search': { resource: 'Group', operation: 'search' },
  'ScimGroupsController.get': { resource: 'Group', operation: 'get' },
  'ScimGroupsController.create': { resource: 'Group', operation: 'create' },
  'ScimGroupsController.replace': { resource: 'Group', operation: 'replace' },
  'ScimGroupsController.patch': { resource: 'Group', operation: 'patch' },
  'ScimGroupsController.delete': { resource: 'Group', operation: 'delete' },
  'ScimBulkController.execute': { resource: 'Bulk', operation: 'bulk' },
  'RootSearchController.execute': { resource: 'Root', operation: 'search' },
  'ScimDiscoveryController.serviceProviderConfig': { resource: 'ServiceProviderConfig', operation: 'get' },
  'ScimDiscoveryController.listResourceTypes': { resource: 'ResourceType', operation: 'list' },
  'ScimDiscoveryController.getResourceType': { resource: 'ResourceType', operation: 'get' },
  'ScimDiscoveryController.listSchemas': { resource: 'Schema', operation: 'list' },
  'ScimDiscoveryController.getSchema': { resource: 'Schema', operation: 'get' },
  'ScimMeController.notImplemented': { resource: 'Me', operation: 'other' },
};

const OTHER: ScimOperation = { resource: 'other', operation: 'other' };

export function scimOperationOf(controller: string, handler: string): ScimOperation {
  return OPERATIONS[`${controller}.${handler}`] ?? OTHER;
}

/** success: 2xx/3xx; client_error: the IdP sent something we refuse (4xx); server_error: ours (5xx). */
export function scimOutcomeOf(status: number): 'success' | 'client_error' | 'server_error' {
  return status >= 500 ? 'server_error' : status >= 400 ? 'client_error' : 'success';
}
