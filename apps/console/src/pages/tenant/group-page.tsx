import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { AuditEventList } from '../../components/audit-event-list';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { useTenantId } from '../../layout/tenant-layout';

/** A group and its members, paged (a 10,000-member group loads a page at a time). */
export function GroupPage() {
  const tenantId = useTenantId();
  const groupId = useParams().groupId!;
  const pages = useCursorPages();
  const group = useQuery({
    queryKey: ['group', tenantId, groupId],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/groups/{groupId}', { params: { path: { tenantId, groupId } } })),
  });
  const members = useQuery({
    queryKey: ['members', tenantId, groupId, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/groups/{groupId}/members', {
      params: { path: { tenantId, groupId }, query: { cursor: pages.cursor, count: 100 } },
    })),
    placeholderData: keepPreviousData,
  });
  const history = useQuery({
    queryKey: ['audit', tenantId, { resourceId: groupId }],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/audit-events', { params: { path: { tenantId }, query: { resourceId: groupId, limit: 50 } } })),
  });
  return (
    <Stack>
      <QueryState query={group}>{(g) => <Title order={3}>{String(g.displayName)}</Title>}</QueryState>
      <Title order={4}>Members</Title>
      <QueryState query={members}>
        {(page) => page.items.length === 0 ? <EmptyState title="No members" /> : (
          <Stack>
            <Table striped aria-label="Members">
              <Table.Thead><Table.Tr><Table.Th>Member</Table.Th><Table.Th>Type</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {page.items.map((m) => (
                  <Table.Tr key={m.value}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tenants/${tenantId}/${m.type === 'User' ? 'users' : 'groups'}/${m.value}`}>{m.display ?? m.value}</Anchor>
                    </Table.Td>
                    <Table.Td><Text size="sm">{m.type}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryState>
      <Title order={4}>History</Title>
      <QueryState query={history}>
        {(page) => page.items.length === 0 ? <EmptyState title="No audit events for this group" /> : <AuditEventList events={page.items} />}
      </QueryState>
    </Stack>
  );
}
