/**
 * The SCIM base is /scim/v2 with the alias /scim (docs/scim.md); every endpoint answers on both, so an
 * IdP configured with either base URL works.
 */
export const SCIM_BASE_PATHS = ['scim/v2', 'scim'];

/** Controller paths of one SCIM endpoint under both bases, e.g. ['scim/v2/Users', 'scim/Users']. */
export function scimRoutes(endpoint: string): string[] {
  return SCIM_BASE_PATHS.map((base) => `${base}/${endpoint}`);
}

/** The canonical base served in meta.location and Location headers. */
export const SCIM_CANONICAL_BASE = '/scim/v2';
