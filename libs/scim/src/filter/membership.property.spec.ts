import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { ComparisonOperator, FilterNode } from './filter-ast';
import { renderFilter } from './test-support/filter-arbitraries';
import { insertGroup, insertTenant, insertUser, matchingIds } from './test-support/scim-rows';

/**
 * Membership filters (Group members.*, User groups.*) read scim_group_members; generated groups with
 * user and nested-group members are filtered in Postgres and checked against a direct evaluation.
 */
const DISPLAY_NAMES = ['Admins', 'admins', 'Sales', 'Ops_%'];
interface GroupModel {
  displayName: string;
  userMembers: number[];
  groupMembers: number[];
}
interface Member {
  id: string;
  type: 'User' | 'Group';
}

const groupsArbitrary = fc.integer({ min: 1, max: 4 }).chain((userCount) =>
  fc.tuple(
    fc.constant(userCount),
    fc.array(
      fc.record({
        displayName: fc.constantFrom(...DISPLAY_NAMES),
        userMembers: fc.uniqueArray(fc.nat(userCount - 1), { maxLength: userCount }),
        groupMembers: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  ),
);

/** Placeholders such as `@user:1` stand for ids that exist only after the rows are inserted. */
const reference = fc.oneof(
  fc.nat(3).map((index) => `@user:${index}`),
  fc.nat(3).map((index) => `@group:${index}`),
  fc.constantFrom('@unknown', 'not-a-uuid'),
);
const path = (attribute: string, subAttribute?: string) => ({ attribute, subAttribute, position: 1 });
const compare = (attribute: string, subAttribute: string | undefined, operator: ComparisonOperator, value: string): FilterNode => ({
  kind: 'compare',
  path: path(attribute, subAttribute),
  operator,
  value,
});

const groupLeaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc.tuple(fc.constantFrom<ComparisonOperator>('eq', 'ne', 'sw'), fc.constantFrom(...DISPLAY_NAMES, 'adm')).map(([op, value]) => compare('displayName', undefined, op, value)),
  fc.tuple(fc.constantFrom<ComparisonOperator>('eq', 'ne'), reference).map(([op, value]) => compare('members', 'value', op, value)),
  fc.constantFrom('User', 'user', 'Group').map((value) => compare('members', 'type', 'eq', value)),
  fc.constant<FilterNode>({ kind: 'present', path: path('members') }),
  fc.tuple(reference, fc.constantFrom('User', 'Group')).map(([value, type]): FilterNode => ({
    kind: 'valuePath',
    path: { ...path('members'), valueFilter: { kind: 'and', left: compare('value', undefined, 'eq', value), right: compare('type', undefined, 'eq', type) } },
  })),
);
const userLeaf: fc.Arbitrary<FilterNode> = fc.oneof(
  reference.map((value) => compare('groups', 'value', 'eq', value)),
  fc.constantFrom(...DISPLAY_NAMES).map((value) => compare('groups', 'display', 'eq', value)),
);
const combined = (leaf: fc.Arbitrary<FilterNode>) =>
  fc.oneof(
    leaf,
    fc.tuple(fc.constantFrom('and' as const, 'or' as const), leaf, leaf).map(([kind, left, right]): FilterNode => ({ kind, left, right })),
    leaf.map((filter): FilterNode => ({ kind: 'not', filter })),
  );

function substitute(node: FilterNode, resolve: (placeholder: string) => string): FilterNode {
  return JSON.parse(JSON.stringify(node), (key, value) => (key === 'value' && typeof value === 'string' ? resolve(value) : value));
}

function matchesGroup(node: FilterNode, group: { displayName: string; members: Member[] }): boolean {
  const lower = (text: string) => text.toLowerCase();
  switch (node.kind) {
    case 'and': return matchesGroup(node.left, group) && matchesGroup(node.right, group);
    case 'or': return matchesGroup(node.left, group) || matchesGroup(node.right, group);
    case 'not': return !matchesGroup(node.filter, group);
    case 'present': return group.members.length > 0;
    case 'valuePath': {
      const { left, right } = node.path.valueFilter as Extract<FilterNode, { kind: 'and' }>;
      const [value, type] = [(left as { value: string }).value, (right as { value: string }).value];
      return group.members.some((member) => member.id === value && member.type === type);
    }
    case 'compare': {
      const value = node.value as string;
      if (node.path.attribute === 'displayName') {
        const [a, b] = [lower(group.displayName), lower(value)];
        return node.operator === 'eq' ? a === b : node.operator === 'ne' ? a !== b : a.startsWith(b);
      }
      if (node.path.subAttribute === 'type') return group.members.some((member) => lower(member.type) === lower(value));
      return group.members.some((member) => (node.operator === 'eq' ? member.id === value : member.id !== value));
    }
  }
}

describe('membership filter properties on Postgres', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('select exactly the groups and users a direct evaluation of memberships selects', async () => {
    await fc.assert(
      fc.asyncProperty(groupsArbitrary, fc.array(combined(groupLeaf), { maxLength: 6 }), fc.array(combined(userLeaf), { maxLength: 4 }), async ([userCount, models], groupFilters, userFilters) => {
        const tenant = await insertTenant(client);
        const userIds: string[] = [];
        for (let index = 0; index < userCount; index++) userIds.push(await insertUser(client, tenant, { userName: `u${index}` }));
        const groups: { id: string; displayName: string; members: Member[] }[] = [];
        for (const model of models as GroupModel[]) {
          const members: Member[] = [
            ...model.userMembers.map((index) => ({ id: userIds[index], type: 'User' as const })),
            ...model.groupMembers.filter((index) => index < groups.length).map((index) => ({ id: groups[index].id, type: 'Group' as const })),
          ];
          groups.push({ id: await insertGroup(client, tenant, { displayName: model.displayName }, members), displayName: model.displayName, members });
        }
        const unknown = randomUUID();
        const resolve = (placeholder: string) => {
          const [kind, index] = placeholder.split(':');
          if (kind === '@user') return userIds[Number(index)] ?? unknown;
          if (kind === '@group') return groups[Number(index)]?.id ?? unknown;
          return placeholder === '@unknown' ? unknown : placeholder;
        };
        for (const template of groupFilters) {
          const filter = substitute(template, resolve);
          const expected = groups.filter((group) => matchesGroup(filter, group)).map((group) => group.id).sort();
          expect({ filter: renderFilter(filter), ids: await matchingIds(client, tenant, 'Group', renderFilter(filter)) }).toEqual({ filter: renderFilter(filter), ids: expected });
        }
        for (const template of userFilters) {
          const filter = substitute(template, resolve);
          const groupsOf = (userId: string) => groups.filter((group) => group.members.some((member) => member.id === userId));
          const matchesUser = (node: FilterNode, userId: string): boolean => {
            if (node.kind === 'and') return matchesUser(node.left, userId) && matchesUser(node.right, userId);
            if (node.kind === 'or') return matchesUser(node.left, userId) || matchesUser(node.right, userId);
            if (node.kind === 'not') return !matchesUser(node.filter, userId);
            const { path: { subAttribute }, value } = node as Extract<FilterNode, { kind: 'compare' }>;
            return groupsOf(userId).some((group) => (subAttribute === 'value' ? group.id === value : group.displayName.toLowerCase() === (value as string).toLowerCase()));
          };
          const expected = userIds.filter((id) => matchesUser(filter, id)).sort();
          expect({ filter: renderFilter(filter), ids: await matchingIds(client, tenant, 'User', renderFilter(filter)) }).toEqual({ filter: renderFilter(filter), ids: expected });
        }
      }),
      { numRuns: 30 },
    );
  });
});
