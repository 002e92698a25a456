const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * The create body Entra sends with its default attribute mappings (Microsoft Learn SCIM tutorial, "Create User", after the
 * Microsoft tutorial's "Create User" examples): both schema URNs, explicit nulls for unmapped attributes,
 * an empty roles array and a meta stub.
 */
export function entraCreateUser(userName: string, i: number): Record<string, unknown> {
  return {
    schemas: [CORE_USER, ENTERPRISE_USER],
    externalId: `ext-${userName}`,
    userName,
    active: true,
    addresses: null,
    displayName: `Bench User ${i}`,
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: `Bench User ${i}`, familyName: `User ${i}`, givenName: 'Bench' },
    phoneNumbers: null,
    preferredLanguage: null,
    roles: [],
    title: null,
  };
}

/** An Entra incremental-cycle update: PascalCase ops, a filtered path and an extension path. */
export function entraUpdateUser(i: number, round: number): Record<string, unknown> {
  return {
    schemas: [PATCH_OP],
    Operations: [
      { op: 'Replace', path: 'displayName', value: `Bench User ${i} r${round}` },
      { op: 'Replace', path: 'name.familyName', value: `User ${i} r${round}` },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: `patched.${i}.r${round}@bench.example` },
      { op: 'Replace', path: 'title', value: `Title ${round}` },
      { op: 'Add', path: `${ENTERPRISE_USER}:department`, value: `Dept ${round % 7}` },
    ],
  };
}

/** Entra's group create: core Group plus the legacy ADSCIM URN it still sends. */
export function entraCreateGroup(displayName: string): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
    externalId: `ext-${displayName}`,
    displayName,
    meta: { resourceType: 'Group' },
  };
}

/** Members added or removed in one request, in the form Entra sends without the aadOptscim062020 flag. */
export function entraMembersPatch(op: 'Add' | 'Remove', ids: string[]): Record<string, unknown> {
  return {
    schemas: [PATCH_OP],
    Operations: [{ op, path: 'members', value: ids.map((value) => ({ $ref: null, value })) }],
  };
}
