import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { DirectorySearch, type DirectoryQuery } from '../../components/directory-search';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { When } from '../../components/when';
import { useTenantId } from '../../layout/tenant-layout';

interface ScimUser {
  id: string;
  userName: string;
  displayName?: string;
  externalId?: string;
  active?: boolean;
  meta?: { lastModified?: string };
}

export function UsersPage() {
  const tenantId = useTenantId();
  const [query, setQuery] = useState<DirectoryQuery>({ search: '', filter: '' });
  const pages = useCursorPages();
  const users = useQuery({
    queryKey: ['users', tenantId, query, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/users', {
      params: { path: { tenantId }, query: { search: query.search || undefined, filter: query.filter || undefined, cursor: pages.cursor, count: 50 } },
    })),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <DirectorySearch filterExample='active eq false and emails.value ew "@example.com"' onSearch={(q) => { pages.reset(); setQuery(q); }} />
      <QueryState query={users}>
        {(page) => page.Resources.length === 0 ? (
          <EmptyState title="No users found">
            {query.search || query.filter ? 'Nothing matches; clear the search or the filter.' : 'Users appear here once the IdP provisions them (see Connect).'}
          </EmptyState>
        ) : (
          <Stack>
            <Text size="sm" c="dimmed">{page.totalResults} users</Text>
            <Table striped highlightOnHover aria-label="Users">
              <Table.Thead><Table.Tr><Table.Th>userName</Table.Th><Table.Th>Display name</Table.Th><Table.Th>externalId</Table.Th><Table.Th>Status</Table.Th><Table.Th>Last modified</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {(page.Resources as unknown as ScimUser[]).map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td><Anchor component={Link} to={`/tenants/${tenantId}/users/${user.id}`}>{user.userName}</Anchor></Table.Td>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{user.externalId}</Table.Td>
                    <Table.Td><Badge color={user.active === false ? 'gray' : 'green'}>{user.active === false ? 'inactive' : 'active'}</Badge></Table.Td>
                    <Table.Td><When at={user.meta?.lastModified} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
