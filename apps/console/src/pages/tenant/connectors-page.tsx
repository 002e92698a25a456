import { Badge, Button, Group, Paper, PasswordInput, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorText } from '../../components/error-text';
import { QueryState } from '../../components/query-state';
import { When } from '../../components/when';
import { useTenantId } from '../../layout/tenant-layout';
import { WriteAction } from '../../session/session';

type Connector = Schemas['ConnectorResponseDto'];

/** Downstream SCIM stores: sync state, last error, and resync with progress. */
export function ConnectorsPage() {
  const tenantId = useTenantId();
  const connectors = useQuery({
    queryKey: ['connectors', tenantId],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/connectors', { params: { path: { tenantId } } })),
    refetchInterval: 5000,
  });
  return (
    <Stack>
      <WriteAction><CreateConnector /></WriteAction>
      <QueryState query={connectors}>
        {(list) => list.length === 0 ? <EmptyState title="No connectors">Add a downstream SCIM store to push users and groups into it (docs/connectors.md).</EmptyState> : (
          <Table aria-label="Connectors">
            <Table.Thead><Table.Tr><Table.Th>Store</Table.Th><Table.Th>State</Table.Th><Table.Th>Last success</Table.Th><Table.Th>Last error</Table.Th><Table.Th>Resync</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{list.map((c) => <ConnectorRow key={c.id} connector={c} />)}</Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

function ConnectorRow({ connector }: { connector: Connector }) {
  const { sync } = connector;
  return (
    <Table.Tr>
      <Table.Td><Text size="sm" fw={500}>{connector.description ?? connector.baseUrl}</Text><Text size="xs" c="dimmed">{connector.baseUrl}</Text></Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={connector.enabled ? 'green' : 'gray'}>{connector.enabled ? 'enabled' : 'disabled'}</Badge>
          {sync.pending > 0 && <Badge color="blue">{sync.pending} pending</Badge>}
          {sync.retrying > 0 && <Badge color="orange">{sync.retrying} retrying</Badge>}
          {sync.dead > 0 && <Badge color="red">{sync.dead} dead</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{sync.mapped.users} users, {sync.mapped.groups} groups mapped</Text>
      </Table.Td>
      <Table.Td><When at={sync.lastSuccessAt} /></Table.Td>
      <Table.Td><Text size="sm" c="red">{sync.lastError}</Text>{sync.lastFailureAt && <When at={sync.lastFailureAt} />}</Table.Td>
      <Table.Td><Resync connector={connector} /></Table.Td>
    </Table.Tr>
  );
}

function Resync({ connector }: { connector: Connector }) {
  const tenantId = useTenantId();
  const path = { params: { path: { tenantId, connectorId: connector.id } } };
  const latest = useQuery({
    queryKey: ['resyncs', tenantId, connector.id],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/connectors/{connectorId}/resyncs', path)),
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false),
  });
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/connectors/{connectorId}/resync', path)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['resyncs', tenantId, connector.id] }),
  });
  const current = latest.data?.[0];
  const running = current && (current.status === 'queued' || current.status === 'running');
  return (
    <Stack gap={4}>
      <WriteAction><Button size="xs" variant="light" onClick={() => start.mutate()} loading={start.isPending} disabled={running}>Resync</Button></WriteAction>
      {running && <Progress value={100} animated aria-label="Resync in progress" />}
      {current && <Text size="xs">{current.status}{current.error ? `: ${current.error}` : ''} · <When at={current.finishedAt ?? current.requestedAt} /></Text>}
      <ErrorText error={start.error} />
    </Stack>
  );
}

function CreateConnector() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/connectors', {
      params: { path: { tenantId } }, body: { type: 'scim', baseUrl, token, description: description || undefined },
    })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['connectors', tenantId] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="sm">
      <Group component="form" onSubmit={submit} align="end">
        <TextInput label="Store SCIM base URL" placeholder="https://store.example.com/scim/v2" value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} w={320} />
        <PasswordInput label="Store bearer token" value={token} onChange={(e) => setToken(e.currentTarget.value)} w={220} />
        <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Button type="submit" loading={create.isPending}>Add connector</Button>
      </Group>
      <ErrorText error={create.error} />
    </Paper>
  );
}
