import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { QueryState } from '../components/query-state';
import { byPurpose } from './queue-purposes';

interface ReadyReport {
  status?: string;
  details?: Record<string, { status: string; message?: string }>;
}

function seconds(value: number | null | undefined): string {
  return value === null || value === undefined ? 'none' : `${value.toFixed(1)} s`;
}

/** Health, relay and delivery lag, queue depths, and the way to the queue dashboard. */
export function SystemPage() {
  const ready = useQuery({
    queryKey: ['health'],
    // /health/ready answers 503 with the same report when a dependency is down: both are answers here.
    queryFn: async () => {
      const result = await api.GET('/health/ready');
      return (result.data ?? result.error) as ReadyReport;
    },
    refetchInterval: 5000,
  });
  const stats = useQuery({ queryKey: ['ops-stats'], queryFn: async () => unwrap(await api.GET('/admin/v1/events/stats')), refetchInterval: 5000 });
  return (
    <Stack>
      <Title order={2}>System</Title>
      <QueryState query={ready}>
        {(report) => (
          <Group>
            <Badge size="lg" color={report.status === 'ok' ? 'green' : 'red'}>{report.status === 'ok' ? 'ready' : 'not ready'}</Badge>
            {Object.entries(report.details ?? {}).map(([name, check]) => (
              <Badge key={name} variant="light" color={check.status === 'up' ? 'green' : 'red'}>{name}: {check.status}</Badge>
            ))}
          </Group>
        )}
      </QueryState>
      <QueryState query={stats}>
        {({ outbox, queues }) => (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Paper withBorder p="md"><Text size="sm" c="dimmed">Relay lag</Text><Text fw={700} size="xl">{seconds(outbox.oldestUnpublishedAgeSeconds)}</Text></Paper>
              <Paper withBorder p="md"><Text size="sm" c="dimmed">Delivery lag</Text><Text fw={700} size="xl">{seconds(outbox.oldestUndispatchedAgeSeconds)}</Text></Paper>
              <Paper withBorder p="md"><Text size="sm" c="dimmed">Events waiting</Text><Text fw={700} size="xl">{outbox.undispatched}</Text></Paper>
            </SimpleGrid>
            {!queues.available && <Alert color="red" title="Redis unreachable">{queues.error}</Alert>}
            {queues.items && (
              <Table aria-label="Queues">
                <Table.Thead><Table.Tr><Table.Th>Purpose</Table.Th><Table.Th>Waiting</Table.Th><Table.Th>Active</Table.Th><Table.Th>Delayed</Table.Th><Table.Th>Failed</Table.Th><Table.Th>Completed</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {byPurpose(queues.items).map((q) => (
                    <Table.Tr key={q.purpose}><Table.Td>{q.purpose}{q.queues > 1 ? ` (${q.queues} queues)` : ''}</Table.Td><Table.Td>{q.waiting}</Table.Td><Table.Td>{q.active}</Table.Td><Table.Td>{q.delayed}</Table.Td><Table.Td>{q.failed}</Table.Td><Table.Td>{q.completed}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryState>
      <Text size="sm">Job-level detail: <Anchor href="/admin/queues" target="_blank">queue dashboard</Anchor> (asks for the ADMIN_TOKEN or an admin operator key as the password).</Text>
    </Stack>
  );
}
