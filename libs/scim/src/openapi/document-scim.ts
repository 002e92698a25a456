import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, PathItemObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_SCHEMA } from '../http/scim-media-type';
import { SCIM_CANONICAL_BASE } from '../http/scim-routes';
import { messageComponentSchemas } from './message-schemas';
import { resourceComponentSchema } from './resource-schemas';

/** Sandbox order: what a SCIM developer tries first. */
export const SCIM_TAGS = [
  { name: 'SCIM Users', description: 'RFC 7644 §3: create, find, read, replace, patch and delete users (Authorize with a tenant\'s SCIM token).' },
  { name: 'SCIM Groups', description: 'RFC 7644 §3: groups and their members.' },
  { name: 'SCIM search', description: 'RFC 7644 §3.4.3: queries as POST bodies.' },
  { name: 'SCIM Bulk', description: 'RFC 7644 §3.7: several writes in one request.' },
  { name: 'SCIM discovery', description: 'RFC 7644 §4: ServiceProviderConfig, ResourceTypes, Schemas.' },
];

const ME_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Completes the SCIM half of the OpenAPI document: component schemas generated from the schema
 * registry and the RFC 7644 messages; the /scim alias is left out (every route answers on it, but
 * listing each operation twice only confuses); /Me is listed once per method as the 501 it is.
 */
export function documentScim(document: OpenAPIObject): OpenAPIObject {
  const scimPaths: Record<string, PathItemObject> = {};
  const otherPaths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith(`${SCIM_CANONICAL_BASE}/`)) scimPaths[path] = item;
    else if (!isAliasPath(path)) otherPaths[path] = item;
  }
  const schemas = {
    User: resourceComponentSchema('User'),
    Group: resourceComponentSchema('Group'),
    ...messageComponentSchemas(),
  };
  const otherTags = (document.tags ?? []).filter((tag) => !SCIM_TAGS.some((scim) => scim.name === tag.name));
  return {
    ...document,
    tags: [...SCIM_TAGS, ...otherTags],
    paths: { ...sortScimPaths(scimPaths), [`${SCIM_CANONICAL_BASE}/Me`]: mePathItem(), ...otherPaths },
    components: { ...document.components, schemas: { ...schemas, ...document.components?.schemas } },
  };
}

function isAliasPath(path: string): boolean {
  return path === '/scim' || (path.startsWith('/scim/') && !path.startsWith(`${SCIM_CANONICAL_BASE}/`));
}

/** Users, Groups, .search, Bulk, discovery: the order of SCIM_TAGS. */
function sortScimPaths(paths: Record<string, PathItemObject>): Record<string, PathItemObject> {
  const rank = (path: string) => {
    const tag = Object.values(paths[path]).find((operation: OperationObject | undefined) => operation?.tags?.length)?.tags?.[0];
    const index = SCIM_TAGS.findIndex((scim) => scim.name === tag);
    return index < 0 ? SCIM_TAGS.length : index;
  };
  return Object.fromEntries(Object.keys(paths).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((path) => [path, paths[path]]));
}

function mePathItem(): PathItemObject {
  const operation = (method: string): OperationObject => ({
    operationId: `ScimMe_${method}`,
    tags: ['SCIM Users'],
    summary: 'The user behind the token (not supported)',
    description:
      'RFC 7644 §3.11. Provisio\'s SCIM tokens belong to a tenant\'s IdP connection, not to a user, so /Me has nothing to resolve to and answers 501 for every method, as §3.11 says a provider without /Me SHOULD.',
    security: [{ 'scim-token': [] }],
    parameters: [],
    responses: {
      '401': {
        description: 'Missing, unknown, expired or revoked bearer token',
        content: { 'application/scim+json': { schema: { $ref: '#/components/schemas/Error' }, example: errorBody('401', 'A bearer token is required (Authorization: Bearer <token>)') } },
      },
      '501': {
        description: 'Not implemented',
        content: {
          'application/scim+json': {
            schema: { $ref: '#/components/schemas/Error' },
            example: errorBody('501', '/Me is not supported: SCIM tokens here identify an IdP connection of a tenant, not a user'),
          },
        },
      },
    },
  });
  return Object.fromEntries(ME_METHODS.map((method) => [method, operation(method)]));
}

function errorBody(status: string, detail: string): Record<string, unknown> {
  return { schemas: [ERROR_SCHEMA], status, detail };
}
