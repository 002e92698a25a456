import { Anchor, Stack, Table, Text } from '@mantine/core';
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

interface ScimGroup {
  id: string;
  displayName: string;
  externalId?: string;
  meta?: { lastModified?: string };
}

export function GroupsPage() {
  const tenantId = useTenantId();
  const [query, setQuery] = useState<DirectoryQuery>({ search: '', filter: '' });
  const pages = useCursorPages();
  const groups = useQuery({
    queryKey: ['groups', tenantId, query, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/groups', {
      params: { path: { tenantId }, query: { search: query.search || undefined, filter: query.filter || undefined, cursor: pages.cursor, count: 50 } },
    })),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <DirectorySearch filterExample='externalId pr' onSearch={(q) => { pages.reset(); setQuery(q); }} />
      <QueryState query={groups}>
        {(page) => page.Resources.length === 0 ? (
          <EmptyState title="No groups found">{query.search || query.filter ? 'Nothing matches; clear the search or the filter.' : 'Groups appear once the IdP pushes them.'}</EmptyState>
        ) : (
          <Stack>
            <Text size="sm" c="dimmed">{page.totalResults} groups</Text>
            <Table striped highlightOnHover aria-label="Groups">
              <Table.Thead><Table.Tr><Table.Th>Display name</Table.Th><Table.Th>externalId</Table.Th><Table.Th>Last modified</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {(page.Resources as unknown as ScimGroup[]).map((group) => (
                  <Table.Tr key={group.id}>
                    <Table.Td><Anchor component={Link} to={`/tenants/${tenantId}/groups/${group.id}`}>{group.displayName}</Anchor></Table.Td>
                    <Table.Td>{group.externalId}</Table.Td>
                    <Table.Td><When at={group.meta?.lastModified} /></Table.Td>
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
