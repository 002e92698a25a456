import { BULK_REQUEST_SCHEMA, SEARCH_REQUEST_SCHEMA } from '../http/scim-media-type';
import { PATCH_OP_SCHEMA } from '../patch/patch-operations';
import { CORE_GROUP_SCHEMA_URN, CORE_USER_SCHEMA_URN, ENTERPRISE_USER_SCHEMA_URN } from '../schema';

/**
 * Request bodies as Entra ID and Okta send them (Microsoft's "Develop and plan provisioning for a SCIM
 * endpoint" tutorial and Okta's SCIM 2.0 protocol reference; docs/entra.md and docs/okta.md), shown
 * in the sandbox. The first example of each operation is what "Try it out" pre-fills. The contract
 * test sends every one of them to the server, so an example that stops being accepted fails CI.
 */

/** RFC 7643 §8.1's example id: stands for "an id your tenant returned" in paths and member values. */
export const EXAMPLE_RESOURCE_ID = '2819c223-7f76-453a-919d-413861904646';

export interface Example {
  summary: string;
  description?: string;
  value: unknown;
}

export const USER_EXAMPLES: Record<string, Example> = {
  entra: {
    summary: 'User as Microsoft Entra ID creates it',
    description: 'Core and enterprise schema, work email, the nulls Entra sends for unmapped attributes (dropped on store).',
    value: {
      schemas: [CORE_USER_SCHEMA_URN, ENTERPRISE_USER_SCHEMA_URN],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@contoso.com',
      active: true,
      displayName: 'Test User',
      emails: [{ primary: true, type: 'work', value: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@contoso.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Test User', familyName: 'User', givenName: 'Test' },
      title: null,
      preferredLanguage: null,
      roles: [],
      [ENTERPRISE_USER_SCHEMA_URN]: { department: 'Engineering', employeeNumber: '1701' },
    },
  },
  okta: {
    summary: 'User as Okta creates it',
    description: 'Okta sends locale, an empty groups list and a password (stored only as a hash, never returned).',
    value: {
      schemas: [CORE_USER_SCHEMA_URN],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mP@ssw0rd',
      active: true,
    },
  },
};

export const USER_REPLACE_EXAMPLES: Record<string, Example> = {
  okta: {
    summary: 'Okta profile update: the whole user back, changed',
    description: 'Okta GETs the user and PUTs it back with its changes; id, groups and meta are ignored.',
    value: {
      schemas: [CORE_USER_SCHEMA_URN],
      id: EXAMPLE_RESOURCE_ID,
      userName: 'test.user@okta.local',
      name: { givenName: 'Another', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Another User',
      locale: 'en-US',
      groups: [],
      active: true,
    },
  },
};

const patch = (...operations: object[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations: operations });

export const USER_PATCH_EXAMPLES: Record<string, Example> = {
  entraUpdate: {
    summary: 'Entra: update attributes (PascalCase op, filtered path, no-path form)',
    value: patch(
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      { op: 'Replace', value: { displayName: 'Updated Name', [`${ENTERPRISE_USER_SCHEMA_URN}:department`]: 'Sales' } },
    ),
  },
  entraDisable: {
    summary: 'Entra: disable (soft delete) with the string "False"',
    value: patch({ op: 'Replace', path: 'active', value: 'False' }),
  },
  okta: {
    summary: 'Okta: deactivate',
    value: patch({ op: 'replace', value: { active: false } }),
  },
};

export const GROUP_EXAMPLES: Record<string, Example> = {
  entra: {
    summary: 'Group as Microsoft Entra ID creates it (members follow by PATCH)',
    value: {
      schemas: [CORE_GROUP_SCHEMA_URN, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Engineering',
      meta: { resourceType: 'Group' },
    },
  },
  okta: {
    summary: 'Group as Okta pushes it',
    value: { schemas: [CORE_GROUP_SCHEMA_URN], displayName: 'Test SCIMv2', members: [] },
  },
};

export const GROUP_REPLACE_EXAMPLES: Record<string, Example> = {
  rename: {
    summary: 'Replace the group (members as listed)',
    value: { schemas: [CORE_GROUP_SCHEMA_URN], displayName: 'Engineering (all)', members: [{ value: EXAMPLE_RESOURCE_ID }] },
  },
};

export const GROUP_PATCH_EXAMPLES: Record<string, Example> = {
  addMembers: {
    summary: 'Add members (Entra and Okta)',
    description: `Replace ${EXAMPLE_RESOURCE_ID} with the id of a user of your tenant.`,
    value: patch({ op: 'Add', path: 'members', value: [{ $ref: null, value: EXAMPLE_RESOURCE_ID }] }),
  },
  removeMemberByFilter: {
    summary: 'Remove a member by filtered path (RFC 7644 §3.5.2.2; Entra with aadOptscim062020)',
    value: patch({ op: 'remove', path: `members[value eq "${EXAMPLE_RESOURCE_ID}"]` }),
  },
  removeMembersByValue: {
    summary: 'Remove members by value list (Entra without the flag)',
    value: patch({ op: 'Remove', path: 'members', value: [{ $ref: null, value: EXAMPLE_RESOURCE_ID }] }),
  },
  rename: {
    summary: 'Rename (Entra)',
    value: patch({ op: 'Replace', path: 'displayName', value: 'Engineering (renamed)' }),
  },
};

export const SEARCH_EXAMPLES: Record<string, Example> = {
  byUserName: {
    summary: 'Find a user by userName, a page of 10',
    value: { schemas: [SEARCH_REQUEST_SCHEMA], filter: 'userName eq "test.user@okta.local"', attributes: ['userName', 'emails'], startIndex: 1, count: 10 },
  },
  sorted: {
    summary: 'Active users, newest change first',
    value: { schemas: [SEARCH_REQUEST_SCHEMA], filter: 'active eq true', sortBy: 'meta.lastModified', sortOrder: 'descending', count: 50 },
  },
};

export const GROUP_SEARCH_EXAMPLES: Record<string, Example> = {
  byDisplayName: {
    summary: 'Find a group by displayName, without members (as Entra asks)',
    value: { schemas: [SEARCH_REQUEST_SCHEMA], filter: 'displayName eq "Engineering"', excludedAttributes: ['members'] },
  },
};

export const ROOT_SEARCH_EXAMPLES: Record<string, Example> = {
  changedSince: {
    summary: 'Users and groups changed since a date',
    value: { schemas: [SEARCH_REQUEST_SCHEMA], filter: 'meta.lastModified gt "2026-01-01T00:00:00Z"', sortBy: 'meta.lastModified', count: 20 },
  },
};

export const BULK_EXAMPLES: Record<string, Example> = {
  userAndGroup: {
    summary: 'Create a user and a group that contains it',
    description: '"bulkId:u1" refers to the user created by the first operation (RFC 7644 §3.7.2).',
    value: {
      schemas: [BULK_REQUEST_SCHEMA],
      failOnErrors: 1,
      Operations: [
        {
          method: 'POST',
          path: '/Users',
          bulkId: 'u1',
          data: { schemas: [CORE_USER_SCHEMA_URN], userName: 'bulk.user@example.com', emails: [{ value: 'bulk.user@example.com', type: 'work', primary: true }] },
        },
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g1',
          data: { schemas: [CORE_GROUP_SCHEMA_URN], displayName: 'Bulk group', members: [{ type: 'User', value: 'bulkId:u1' }] },
        },
      ],
    },
  },
};
