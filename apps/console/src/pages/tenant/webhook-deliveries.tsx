import { Badge, Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { EmptyState } from '../../components/empty-state';
import { ErrorText } from '../../components/error-text';
import { QueryState } from '../../components/query-state';
import { When } from '../../components/when';
import { useTenantId } from '../../layout/tenant-layout';
import { WriteAction } from '../../session/session';

type Delivery = Schemas['DeliveryDto'];
const STATUS_COLOR: Record<string, string> = { succeeded: 'green', pending: 'blue', failed: 'orange', dead: 'red' };

/** Deliveries across every endpoint of the tenant, with the receiver's answers, and replay. */
export function Deliveries({ webhooks }: { webhooks: Schemas['WebhookResponseDto'][] }) {
  const tenantId = useTenantId();
  const [status, setStatus] = useState<string | null>(null);
  const pages = useCursorPages();
  const deliveries = useQuery({
    queryKey: ['deliveries', tenantId, status, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/webhook-deliveries', {
      params: { path: { tenantId }, query: { status: (status ?? undefined) as Delivery['status'] | undefined, cursor: pages.cursor, limit: 50 } },
    })),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const urlOf = (id: string) => webhooks.find((w) => w.id === id)?.url ?? id;
  return (
    <Stack>
      <Select label="Status" placeholder="All statuses" data={['pending', 'failed', 'succeeded', 'dead']} value={status} onChange={(v) => { pages.reset(); setStatus(v); }} clearable w={180} />
      <QueryState query={deliveries}>
        {(page) => page.items.length === 0 ? <EmptyState title="No deliveries">Deliveries appear when a change happens and a webhook subscribes to it.</EmptyState> : (
          <Stack>
            <Table aria-label="Deliveries">
              <Table.Thead><Table.Tr><Table.Th>Event</Table.Th><Table.Th>Endpoint</Table.Th><Table.Th>Status</Table.Th><Table.Th>Attempts</Table.Th><Table.Th>Receiver answered</Table.Th><Table.Th>Created</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>{page.items.map((d) => <DeliveryRow key={d.id} delivery={d} url={urlOf(d.webhookId)} />)}</Table.Tbody>
            </Table>
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function DeliveryRow({ delivery, url }: { delivery: Delivery; url: string }) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const last = delivery.attempts[delivery.attempts.length - 1];
  const replay = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay', {
      params: { path: { tenantId, webhookId: delivery.webhookId, deliveryId: delivery.id } },
    })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deliveries', tenantId] }),
  });
  const final = delivery.status === 'dead' || delivery.status === 'succeeded';
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td><Text size="sm">{delivery.eventType} #{delivery.eventSequence}</Text></Table.Td>
        <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{url}</Text></Table.Td>
        <Table.Td><Badge color={STATUS_COLOR[delivery.status]}>{delivery.status}</Badge></Table.Td>
        <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setOpen(!open)}>{delivery.attemptCount} attempts</Button></Table.Td>
        <Table.Td><Text size="sm">{last ? `${last.statusCode ?? last.outcome}${last.error ? `: ${last.error}` : ''}` : '-'}</Text></Table.Td>
        <Table.Td><When at={delivery.createdAt} /></Table.Td>
        <Table.Td>
          <WriteAction>
            {final && <Button size="xs" variant="light" onClick={() => replay.mutate()} loading={replay.isPending} aria-label={`Replay ${delivery.eventType} to ${url}`}>Replay</Button>}
          </WriteAction>
          <ErrorText error={replay.error} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <Stack gap={4}>
              {delivery.attempts.map((a) => (
                <Group key={a.attempt} gap="xs">
                  <Text size="xs">#{a.attempt}</Text><When at={a.at} />
                  <Text size="xs">{a.statusCode ?? a.outcome} in {a.latencyMs} ms</Text>
                  {a.error && <Text size="xs" c="red">{a.error}</Text>}
                  {a.responseExcerpt && <Code>{a.responseExcerpt}</Code>}
                </Group>
              ))}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
