import { ScimLimits } from '../http/scim-limits';

export const SERVICE_PROVIDER_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';

/**
 * RFC 7643 §5 plus RFC 9865 §4 `pagination`: advertises exactly what the endpoints do, with the
 * limits they enforce (one ScimLimits object feeds both).
 */
export function renderServiceProviderConfig(limits: ScimLimits, documentationUri?: string): Record<string, unknown> {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    ...(documentationUri ? { documentationUri } : {}),
    patch: { supported: true },
    bulk: { supported: true, maxOperations: limits.bulk.maxOperations, maxPayloadSize: limits.bulk.maxPayloadSize },
    filter: { supported: true, maxResults: limits.paging.maxPageSize },
    changePassword: { supported: true },
    sort: { supported: true },
    etag: { supported: true },
    pagination: {
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: limits.paging.defaultPageSize,
      maxPageSize: limits.paging.maxPageSize,
    },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'A tenant SCIM token, or an access token from POST /oauth/token (client credentials), sent as Authorization: Bearer <token>',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
  };
}
