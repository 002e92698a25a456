import { ApiResponse } from '@nestjs/swagger';

/** Example SCIM error bodies (RFC 7644 §3.12), one per scimType or status, in the words the server uses. */
interface ErrorExample {
  scimType?: string;
  detail: string;
}

const ERRORS: Record<string, ErrorExample & { status: number }> = {
  invalidFilter: { status: 400, scimType: 'invalidFilter', detail: 'Unexpected token "eq" at position 9' },
  invalidValue: { status: 400, scimType: 'invalidValue', detail: 'userName is required' },
  invalidSyntax: { status: 400, scimType: 'invalidSyntax', detail: 'The request body is not valid JSON' },
  invalidPath: { status: 400, scimType: 'invalidPath', detail: 'Unknown attribute "nickname2" in path' },
  noTarget: { status: 400, scimType: 'noTarget', detail: 'No value matches the filter of the path' },
  mutability: { status: 400, scimType: 'mutability', detail: 'id is read-only' },
  tooMany: { status: 400, scimType: 'tooMany', detail: 'The filter matches more results than can be returned' },
  unauthorized: { status: 401, detail: 'A bearer token is required (Authorization: Bearer <token>)' },
  filterForbidden: { status: 403, detail: 'Filtering is not supported on discovery endpoints (RFC 7644 §4)' },
  notFound: { status: 404, detail: 'User 2819c223-7f76-453a-919d-413861904646 not found' },
  uniqueness: { status: 409, scimType: 'uniqueness', detail: 'userName "bjensen@example.com" is already taken' },
  preconditionFailed: { status: 412, detail: 'The resource has changed: its current version is W/"3"' },
  tooLarge: { status: 413, detail: 'The request body is larger than this endpoint accepts' },
  unsupportedMediaType: { status: 415, detail: 'Send the body as application/scim+json or application/json' },
  notImplemented: { status: 501, detail: '/Me is not supported: SCIM tokens here identify an IdP connection of a tenant, not a user' },
};

export type ScimErrorName = keyof typeof ERRORS;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request: scimType says what (RFC 7644 §3.12)',
  401: 'Missing, unknown, expired or revoked bearer token',
  403: 'Not allowed here',
  404: 'No such resource in this tenant (another tenant\'s resource is 404 too)',
  409: 'Conflicts with an existing resource (scimType uniqueness)',
  412: 'If-Match does not match the current version (RFC 7644 §3.14)',
  413: 'Body larger than SCIM_MAX_BODY_BYTES, or more Bulk operations than maxOperations',
  415: 'Body is not JSON',
  501: 'Not implemented',
};

/** One documented response per status, each with the SCIM Error schema and an example per scimType. */
export function scimErrorResponses(names: ScimErrorName[]): MethodDecorator[] {
  const byStatus = new Map<number, ScimErrorName[]>();
  for (const name of names) byStatus.set(ERRORS[name].status, [...(byStatus.get(ERRORS[name].status) ?? []), name]);
  return [...byStatus].map(([status, group]) =>
    ApiResponse({
      status,
      description: DESCRIPTIONS[status],
      schema: { $ref: '#/components/schemas/Error' },
      examples: Object.fromEntries(
        group.map((name) => {
          const { scimType, detail } = ERRORS[name];
          const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), ...(scimType ? { scimType } : {}), detail };
          return [name, { summary: scimType ?? detail, value: body }];
        }),
      ),
    }),
  );
}
