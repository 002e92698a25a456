import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BULK_REQUEST_SCHEMA, BULK_RESPONSE_SCHEMA, ERROR_SCHEMA, LIST_RESPONSE_SCHEMA, SEARCH_REQUEST_SCHEMA } from '../http/scim-media-type';
import { PATCH_OP_SCHEMA } from '../patch/patch-operations';

/**
 * The RFC 7644 message envelopes (§3.4.2 ListResponse, §3.4.3 SearchRequest, §3.5.2 PatchOp,
 * §3.7 Bulk, §3.12 Error). They are not resource schemas, so the schema registry does not hold
 * them; their readers (search-request.ts, bulk-request.ts, patch-operations.ts) are the rules.
 */
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;
const urns = (urn: string): SchemaObject => ({ type: 'array', items: { type: 'string', enum: [urn] }, description: `Must contain "${urn}".` });

export const LIST_PARAMETERS_DESCRIPTIONS = {
  filter: 'RFC 7644 §3.4.2.2 filter, e.g. `userName eq "bjensen@example.com"`, `externalId eq "ext-1"`, `emails[type eq "work"].value co "@example.com"`, `displayName sw "Eng"`. Operators eq ne co sw ew gt ge lt le pr, combined with and / or / not and brackets.',
  startIndex: '1-based index of the first result (RFC 7644 §3.4.2.4), e.g. 1, 6, 11. Values below 1 are read as 1. Not together with cursor.',
  count: 'Page size (RFC 7644 §3.4.2.4), e.g. 100. 0 returns only totalResults; values above the maximum page size are capped.',
  attributes: 'Comma-separated attributes to return besides those always returned (RFC 7644 §3.4.2.5), e.g. `userName,emails` or `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`.',
  excludedAttributes: 'Comma-separated attributes to leave out (RFC 7644 §3.4.2.5), e.g. `members` (what Entra sends for groups) or `groups`.',
  sortBy: 'Attribute to sort by (RFC 7644 §3.4.2.3), e.g. `userName`, `meta.lastModified`, `name.familyName`.',
  sortOrder: '`ascending` (default) or `descending`, with sortBy (RFC 7644 §3.4.2.3).',
  cursor: 'Cursor paging (RFC 9865): empty for the first page, then the nextCursor of the previous page. Not together with startIndex.',
};

const ERROR: SchemaObject = {
  type: 'object',
  description: 'RFC 7644 §3.12 error body; every non-2xx SCIM answer has this shape.',
  required: ['schemas', 'status'],
  properties: {
    schemas: urns(ERROR_SCHEMA),
    status: { type: 'string', description: 'The HTTP status as a string, e.g. "409".' },
    scimType: {
      type: 'string',
      description: 'RFC 7644 §3.12 detail type (400 and 409): invalidFilter, tooMany, uniqueness, mutability, invalidSyntax, invalidPath, noTarget, invalidValue, invalidVers, sensitive.',
    },
    detail: { type: 'string', description: 'What went wrong, in words.' },
  },
};

const PATCH_OP: SchemaObject = {
  type: 'object',
  description: 'RFC 7644 §3.5.2 PATCH request. op is case-insensitive (Entra sends "Add", "Replace", "Remove").',
  required: ['schemas', 'Operations'],
  properties: {
    schemas: urns(PATCH_OP_SCHEMA),
    Operations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['op'],
        properties: {
          op: { type: 'string', description: 'add, replace or remove (any case).' },
          path: { type: 'string', description: 'Attribute path (RFC 7644 §3.5.2), e.g. `active`, `name.familyName`, `emails[type eq "work"].value`, `members[value eq "<id>"]`. Without path, value is an object of attributes.' },
          value: { description: 'The new value: any JSON value (string, boolean, object or array).' },
        },
      },
    },
  },
};

const SEARCH_REQUEST: SchemaObject = {
  type: 'object',
  description: 'RFC 7644 §3.4.3 query by POST, so filters stay out of URLs and logs.',
  properties: {
    schemas: urns(SEARCH_REQUEST_SCHEMA),
    filter: { type: 'string', description: LIST_PARAMETERS_DESCRIPTIONS.filter },
    attributes: { type: 'array', items: { type: 'string' }, description: 'Attributes to return (RFC 7644 §3.4.2.5).' },
    excludedAttributes: { type: 'array', items: { type: 'string' }, description: 'Attributes to leave out (RFC 7644 §3.4.2.5).' },
    sortBy: { type: 'string', description: LIST_PARAMETERS_DESCRIPTIONS.sortBy },
    sortOrder: { type: 'string', enum: ['ascending', 'descending'] },
    startIndex: { type: 'integer', minimum: 1, description: LIST_PARAMETERS_DESCRIPTIONS.startIndex },
    count: { type: 'integer', minimum: 0, description: LIST_PARAMETERS_DESCRIPTIONS.count },
    cursor: { type: 'string', description: LIST_PARAMETERS_DESCRIPTIONS.cursor },
  },
};

function listResponse(resource: string | undefined): SchemaObject {
  return {
    type: 'object',
    description: 'RFC 7644 §3.4.2 query answer, also for zero results (totalResults 0, Resources []).',
    required: ['schemas', 'totalResults', 'Resources'],
    properties: {
      schemas: urns(LIST_RESPONSE_SCHEMA),
      totalResults: { type: 'integer' },
      itemsPerPage: { type: 'integer' },
      startIndex: { type: 'integer', description: 'Echoes the requested startIndex (index paging only).' },
      nextCursor: { type: 'string', description: 'Cursor of the next page (RFC 9865), while more pages exist.' },
      Resources: { type: 'array', items: resource ? ref(resource) : { oneOf: [ref('User'), ref('Group')] } },
    },
  };
}

const BULK_REQUEST: SchemaObject = {
  type: 'object',
  description: 'RFC 7644 §3.7 several writes in one request; "bulkId:<id>" in a path or value refers to a resource created earlier in it.',
  required: ['schemas', 'Operations'],
  properties: {
    schemas: urns(BULK_REQUEST_SCHEMA),
    failOnErrors: { type: 'integer', minimum: 1, description: 'Stop after this many failed operations.' },
    Operations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['method', 'path'],
        properties: {
          method: { type: 'string', enum: ['POST', 'PUT', 'PATCH', 'DELETE'] },
          bulkId: { type: 'string', description: 'Required for POST; lets later operations refer to the new resource.' },
          version: { type: 'string', description: 'If-Match for this operation, e.g. W/"3".' },
          path: { type: 'string', description: 'e.g. /Users, /Users/<id>, /Groups/bulkId:g1' },
          data: { description: 'The resource (POST, PUT) or PatchOp (PATCH) body.' },
        },
      },
    },
  },
};

const BULK_RESPONSE: SchemaObject = {
  type: 'object',
  description: 'RFC 7644 §3.7.3: one entry per executed operation, each with its own status.',
  required: ['schemas', 'Operations'],
  properties: {
    schemas: urns(BULK_RESPONSE_SCHEMA),
    Operations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          method: { type: 'string' },
          bulkId: { type: 'string' },
          version: { type: 'string' },
          location: { type: 'string' },
          status: { type: 'string', description: 'HTTP status of this operation as a string, e.g. "201".' },
          response: ref('Error'),
        },
      },
    },
  },
};

export function messageComponentSchemas(): Record<string, SchemaObject> {
  return {
    PatchOp: PATCH_OP,
    SearchRequest: SEARCH_REQUEST,
    ListResponse: listResponse(undefined),
    UserListResponse: listResponse('User'),
    GroupListResponse: listResponse('Group'),
    BulkRequest: BULK_REQUEST,
    BulkResponse: BULK_RESPONSE,
    Error: ERROR,
  };
}
