import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ResourceTypeName } from '../schema';
import { scimErrorResponses, ScimErrorName } from './error-responses';
import { LIST_PARAMETERS_DESCRIPTIONS } from './message-schemas';
import { Example } from './request-examples';

/**
 * Swagger documentation of SCIM operations, one decorator per operation kind, so the controllers
 * carry only `@ScimDocs.create('User', USER_EXAMPLES)`. Schemas are references to the component
 * schemas documentScim() generates from the schema registry.
 */
export const SCIM_MEDIA_TYPES = ['application/scim+json', 'application/json'];
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const endpointOf = (type: ResourceTypeName) => (type === 'User' ? 'Users' : 'Groups');

function withBody(schema: string, examples: Record<string, Example>, description: string) {
  return [ApiConsumes(...SCIM_MEDIA_TYPES), ApiBody({ description, schema: schemaRef(schema), examples })];
}

function projectionQueries() {
  return [
    ApiQuery({ name: 'attributes', required: false, type: String, description: LIST_PARAMETERS_DESCRIPTIONS.attributes }),
    ApiQuery({ name: 'excludedAttributes', required: false, type: String, description: LIST_PARAMETERS_DESCRIPTIONS.excludedAttributes }),
  ];
}

function listQueries() {
  return [
    ApiQuery({ name: 'filter', required: false, type: String, description: LIST_PARAMETERS_DESCRIPTIONS.filter }),
    ApiQuery({ name: 'startIndex', required: false, type: Number, description: LIST_PARAMETERS_DESCRIPTIONS.startIndex }),
    ApiQuery({ name: 'count', required: false, type: Number, description: LIST_PARAMETERS_DESCRIPTIONS.count }),
    ...projectionQueries(),
    ApiQuery({ name: 'sortBy', required: false, type: String, description: LIST_PARAMETERS_DESCRIPTIONS.sortBy }),
    ApiQuery({ name: 'sortOrder', required: false, enum: ['ascending', 'descending'], description: LIST_PARAMETERS_DESCRIPTIONS.sortOrder }),
    ApiQuery({ name: 'cursor', required: false, type: String, description: LIST_PARAMETERS_DESCRIPTIONS.cursor }),
  ];
}

const idParam = (type: ResourceTypeName) => ApiParam({ name: 'id', description: `The ${type}'s id, as returned in "id" on create or list.` });
const ifMatch = ApiHeader({ name: 'If-Match', required: false, description: 'Only change when the version is still this ETag, e.g. W/"3" (RFC 7644 §3.14); otherwise 412.' });
const resourceResponse = (status: number, type: ResourceTypeName, description: string) =>
  ApiResponse({ status, description, schema: schemaRef(type), headers: { ETag: { description: 'Weak ETag of meta.version', schema: { type: 'string' } } } });

const common = (...names: ScimErrorName[]) => scimErrorResponses(['unauthorized', ...names]);

export const ScimDocs = {
  list: (type: ResourceTypeName) =>
    applyDecorators(
      ApiOperation({
        summary: `List or find ${endpointOf(type)}`,
        description: `RFC 7644 §3.4.2. A filter that matches nothing is 200 with totalResults 0 (how Entra's Test Connection and Okta's existence check ask).`,
      }),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ...listQueries(),
      ApiResponse({ status: 200, description: 'A ListResponse page', schema: schemaRef(`${type}ListResponse`) }),
      ...common('invalidFilter', 'tooMany'),
    ),

  search: (type: ResourceTypeName | undefined, examples: Record<string, Example>) =>
    applyDecorators(
      ApiOperation({
        summary: type ? `Search ${endpointOf(type)} with a SearchRequest body` : 'Search Users and Groups together',
        description: 'RFC 7644 §3.4.3: the list parameters as a JSON body, so filters stay out of URLs and access logs.',
      }),
      ...withBody('SearchRequest', examples, 'SearchRequest'),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ApiResponse({ status: 200, description: 'A ListResponse page', schema: schemaRef(type ? `${type}ListResponse` : 'ListResponse') }),
      ...common('invalidFilter', 'invalidSyntax', 'tooLarge', 'unsupportedMediaType'),
    ),

  get: (type: ResourceTypeName) =>
    applyDecorators(
      ApiOperation({ summary: `Read one ${type}`, description: 'RFC 7644 §3.4.1. If-None-Match with the current ETag answers 304.' }),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      idParam(type),
      ...projectionQueries(),
      ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a copy you hold, e.g. W/"3"; 304 when unchanged.' }),
      resourceResponse(200, type, `The ${type}`),
      ApiResponse({ status: 304, description: 'Not modified since the If-None-Match version' }),
      ...common('notFound'),
    ),

  create: (type: ResourceTypeName, examples: Record<string, Example>) =>
    applyDecorators(
      ApiOperation({ summary: `Create a ${type}`, description: 'RFC 7644 §3.3: 201 with the stored resource and its Location.' }),
      ...withBody(type, examples, `The new ${type}`),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ...projectionQueries(),
      resourceResponse(201, type, `Created; Location names the new ${type}`),
      ...common('invalidValue', 'invalidSyntax', 'mutability', 'uniqueness', 'tooLarge', 'unsupportedMediaType'),
    ),

  replace: (type: ResourceTypeName, examples: Record<string, Example>) =>
    applyDecorators(
      ApiOperation({ summary: `Replace a ${type}`, description: 'RFC 7644 §3.5.1: the body is the whole resource; attributes left out are cleared.' }),
      idParam(type),
      ifMatch,
      ...withBody(type, examples, `The whole ${type}`),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ...projectionQueries(),
      resourceResponse(200, type, `The replaced ${type}`),
      ...common('invalidValue', 'invalidSyntax', 'mutability', 'notFound', 'uniqueness', 'preconditionFailed', 'tooLarge', 'unsupportedMediaType'),
    ),

  patch: (type: ResourceTypeName, examples: Record<string, Example>) =>
    applyDecorators(
      ApiOperation({
        summary: `Change a ${type} with PATCH operations`,
        description:
          type === 'User'
            ? 'RFC 7644 §3.5.2: answers 200 with the user.'
            : 'RFC 7644 §3.5.2: answers 204 without a body (Entra advises against returning all members), or 200 with the group when attributes or excludedAttributes is given.',
      }),
      idParam(type),
      ifMatch,
      ...withBody('PatchOp', examples, 'A PatchOp request'),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ...projectionQueries(),
      resourceResponse(200, type, `The changed ${type}`),
      ...(type === 'Group' ? [ApiResponse({ status: 204, description: 'Changed; no body' })] : []),
      ...common('invalidValue', 'invalidSyntax', 'invalidPath', 'noTarget', 'mutability', 'notFound', 'uniqueness', 'preconditionFailed', 'tooLarge', 'unsupportedMediaType'),
    ),

  delete: (type: ResourceTypeName) =>
    applyDecorators(
      ApiOperation({ summary: `Delete a ${type}`, description: 'RFC 7644 §3.6. A user is gone for good; to disable one, PATCH active to false.' }),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      idParam(type),
      ifMatch,
      ApiResponse({ status: 204, description: 'Deleted' }),
      ...common('notFound', 'preconditionFailed'),
    ),

  bulk: (examples: Record<string, Example>) =>
    applyDecorators(
      ApiOperation({
        summary: 'Several writes in one request',
        description: 'RFC 7644 §3.7: 200 with a BulkResponse; every operation has its own status. Limits in GET /ServiceProviderConfig (bulk).',
      }),
      ...withBody('BulkRequest', examples, 'A BulkRequest'),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ApiResponse({ status: 200, description: 'One result per executed operation', schema: schemaRef('BulkResponse') }),
      ...common('invalidSyntax', 'invalidValue', 'tooLarge', 'unsupportedMediaType'),
    ),

  discoveryList: (what: string, section: string) =>
    applyDecorators(
      ApiOperation({ summary: `List ${what}`, description: `RFC 7644 §4 (${section}). Filters are not supported here (403).` }),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ApiResponse({ status: 200, description: `A ListResponse of ${what}`, schema: schemaRef('ListResponse') }),
      ...common('filterForbidden'),
    ),

  discoveryGet: (what: string, idDescription: string) =>
    applyDecorators(
      ApiOperation({ summary: `Read one ${what}`, description: 'RFC 7644 §4.' }),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ApiParam({ name: 'id', description: idDescription }),
      ApiResponse({ status: 200, description: `The ${what}`, schema: { type: 'object' } }),
      ...common('notFound'),
    ),

  serviceProviderConfig: () =>
    applyDecorators(
      ApiOperation({ summary: 'What this service provider supports', description: 'RFC 7644 §4: PATCH, Bulk limits, filter, sort, ETag, authentication schemes.' }),
      ApiProduces(SCIM_MEDIA_TYPES[0]),
      ApiResponse({ status: 200, description: 'The ServiceProviderConfig (RFC 7643 §5)', schema: { type: 'object' } }),
      ...common('filterForbidden'),
    ),
};
