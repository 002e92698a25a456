import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorText } from '../../components/error-text';
import { QueryState } from '../../components/query-state';
import { SecretOnce } from '../../components/secret-once';
import { useTenantId } from '../../layout/tenant-layout';
import { WriteAction } from '../../session/session';
import { Deliveries } from './webhook-deliveries';

type Webhook = Schemas['WebhookResponseDto'];

export function WebhooksPage() {
  const tenantId = useTenantId();
  const webhooks = useQuery({
    queryKey: ['webhooks', tenantId],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/webhooks', { params: { path: { tenantId } } })),
  });
  return (
    <Stack>
      <Title order={3}>Endpoints</Title>
      <WriteAction><CreateWebhook /></WriteAction>
      <QueryState query={webhooks}>
        {(list) => list.length === 0 ? (
          <EmptyState title="No webhooks">Add an endpoint URL to receive every change as a signed event (docs/webhooks.md).</EmptyState>
        ) : (
          <Table aria-label="Endpoints">
            <Table.Thead><Table.Tr><Table.Th>URL</Table.Th><Table.Th>Events</Table.Th><Table.Th>Description</Table.Th><Table.Th>Enabled</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>{list.map((hook) => <WebhookRow key={hook.id} hook={hook} />)}</Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Title order={3}>Deliveries</Title>
      <Deliveries webhooks={webhooks.data ?? []} />
    </Stack>
  );
}

function WebhookRow({ hook }: { hook: Webhook }) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const path = { params: { path: { tenantId, webhookId: hook.id } } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks', tenantId] });
  const toggle = useMutation({
    mutationFn: async (enabled: boolean) => unwrap(await api.PATCH('/admin/v1/tenants/{tenantId}/webhooks/{webhookId}', { ...path, body: { enabled } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/admin/v1/tenants/{tenantId}/webhooks/{webhookId}', path)),
    onSuccess: refresh,
  });
  return (
    <Table.Tr>
      <Table.Td><Anchor href={hook.url} target="_blank" rel="noreferrer" size="sm">{hook.url}</Anchor></Table.Td>
      <Table.Td><Text size="sm">{hook.eventTypes?.join(', ') ?? 'all'}</Text></Table.Td>
      <Table.Td><Text size="sm">{hook.description}</Text></Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Badge color={hook.enabled ? 'green' : 'gray'}>{hook.enabled ? 'enabled' : 'disabled'}</Badge>
          {hook.disabledReason && <Text size="xs" c="red">{hook.disabledReason}</Text>}
        </Group>
      </Table.Td>
      <Table.Td>
        <WriteAction>
          <Group gap="xs" wrap="nowrap">
            <Switch size="sm" checked={hook.enabled} onChange={(e) => toggle.mutate(e.currentTarget.checked)} aria-label={`Enable ${hook.url}`} />
            <Button size="xs" color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>Delete</Button>
          </Group>
        </WriteAction>
        <ErrorText error={toggle.error ?? remove.error} />
      </Table.Td>
    </Table.Tr>
  );
}

function CreateWebhook() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/webhooks', {
      params: { path: { tenantId } }, body: { url, description: description || undefined },
    })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks', tenantId] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group component="form" onSubmit={submit} align="end">
          <TextInput label="Endpoint URL" placeholder="https://hooks.example.com/provisio" value={url} onChange={(e) => setUrl(e.currentTarget.value)} w={380} />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Button type="submit" loading={create.isPending}>Add webhook</Button>
        </Group>
        <ErrorText error={create.error} />
        {create.data?.secret && <SecretOnce label="Signing secret" secret={create.data.secret} />}
      </Stack>
    </Paper>
  );
}
