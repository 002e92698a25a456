import { Badge, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { When } from '../../components/when';
import { useTenantId } from '../../layout/tenant-layout';

/** Provisioning events in commit order, as webhooks and connectors receive them. */
export function EventsPage() {
  const tenantId = useTenantId();
  const [types, setTypes] = useState('');
  const [applied, setApplied] = useState('');
  const events = useInfiniteQuery({
    queryKey: ['events', tenantId, applied],
    initialPageParam: '0',
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/events', {
      params: { path: { tenantId }, query: { after: pageParam, types: applied || undefined, limit: 100 } },
    })),
    getNextPageParam: (page) => (page.hasMore ? page.nextCursor : undefined),
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Group align="end" component="form" onSubmit={(e) => { e.preventDefault(); setApplied(types); }}>
        <TextInput label="Event types" placeholder="user.created,user.deleted" value={types} onChange={(e) => setTypes(e.currentTarget.value)} w={320} />
        <Button type="submit" variant="light">Show</Button>
      </Group>
      {events.isError && <Text c="red">{events.error.message}</Text>}
      {events.isSuccess && items.length === 0 ? <EmptyState title="No events yet">Every SCIM change becomes an event here, oldest first.</EmptyState> : (
        <Table aria-label="Events">
          <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>Type</Table.Th><Table.Th>Resource</Table.Th><Table.Th>When</Table.Th><Table.Th>Event id</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{event.sequence}</Table.Td>
                <Table.Td><Badge variant="light">{event.type}</Badge></Table.Td>
                <Table.Td><Text size="sm">{event.data.resourceType} {String(event.data.resource?.userName ?? event.data.resource?.displayName ?? event.data.id)}</Text></Table.Td>
                <Table.Td><When at={event.occurredAt} /></Table.Td>
                <Table.Td><Code>{event.id}</Code></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {events.hasNextPage && <Button variant="default" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>Load newer events</Button>}
    </Stack>
  );
}
