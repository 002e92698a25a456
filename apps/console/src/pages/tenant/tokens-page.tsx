import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorText } from '../../components/error-text';
import { QueryState } from '../../components/query-state';
import { SecretOnce } from '../../components/secret-once';
import { When } from '../../components/when';
import { useTenantId } from '../../layout/tenant-layout';
import { WriteAction } from '../../session/session';

/** SCIM tokens and OAuth clients: create, rotate, revoke, last used. */
export function TokensPage() {
  return (
    <Stack>
      <Title order={3}>SCIM tokens</Title>
      <ScimTokens />
      <Title order={3}>OAuth clients</Title>
      <OAuthClients />
    </Stack>
  );
}

function ScimTokens() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const path = { params: { path: { tenantId } } };
  const tokens = useQuery({ queryKey: ['tokens', tenantId], queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/tokens', path)) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tokens', tenantId] });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/tokens', { ...path, body: { description: description || undefined } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: async (tokenId: string) => unwrap(await api.DELETE('/admin/v1/tenants/{tenantId}/tokens/{tokenId}', { params: { path: { tenantId, tokenId } } })),
    onSuccess: refresh,
  });
  return (
    <Stack>
      <WriteAction>
        <Paper withBorder p="sm">
          <Group align="end">
            <TextInput label="Description" placeholder="Entra ID provisioning" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
            <Button onClick={() => create.mutate()} loading={create.isPending}>Create SCIM token</Button>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>To rotate: create a new token, update the IdP, then revoke the old one.</Text>
          <ErrorText error={create.error ?? revoke.error} />
          {create.data?.token && <SecretOnce label="SCIM token" secret={create.data.token} />}
        </Paper>
      </WriteAction>
      <QueryState query={tokens}>
        {(list) => list.length === 0 ? <EmptyState title="No SCIM tokens">Create one and paste it into the IdP (see Connect).</EmptyState> : (
          <Table aria-label="SCIM tokens">
            <Table.Thead><Table.Tr><Table.Th>Prefix</Table.Th><Table.Th>Description</Table.Th><Table.Th>Created</Table.Th><Table.Th>Last used</Table.Th><Table.Th>State</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td><Text ff="monospace" size="sm">{token.prefix}…</Text></Table.Td>
                  <Table.Td>{token.description}</Table.Td>
                  <Table.Td><When at={token.createdAt} /></Table.Td>
                  <Table.Td><When at={token.lastUsedAt} /></Table.Td>
                  <Table.Td><Badge color={token.revokedAt ? 'gray' : 'green'}>{token.revokedAt ? 'revoked' : 'active'}</Badge></Table.Td>
                  <Table.Td>
                    <WriteAction>
                      {!token.revokedAt && <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(token.id)} aria-label={`Revoke ${token.prefix}`}>Revoke</Button>}
                    </WriteAction>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

function OAuthClients() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const path = { params: { path: { tenantId } } };
  const clients = useQuery({ queryKey: ['oauth-clients', tenantId], queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/oauth-clients', path)) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['oauth-clients', tenantId] });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/oauth-clients', { ...path, body: {} })),
    onSuccess: refresh,
  });
  return (
    <Stack>
      <WriteAction>
        <Group><Button variant="light" onClick={() => create.mutate()} loading={create.isPending}>Create OAuth client</Button></Group>
        <ErrorText error={create.error} />
        {create.data && <Text size="sm">Client ID: <Text span ff="monospace">{create.data.clientId}</Text></Text>}
        {create.data && <SecretOnce label="Client secret" secret={create.data.clientSecret} />}
      </WriteAction>
      <QueryState query={clients}>
        {(list) => list.length === 0 ? <EmptyState title="No OAuth clients">Only Entra gallery apps need one; other IdPs use a SCIM token.</EmptyState> : (
          <Table aria-label="OAuth clients">
            <Table.Thead><Table.Tr><Table.Th>Client ID</Table.Th><Table.Th>Secrets</Table.Th><Table.Th>State</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>{list.map((client) => <OAuthClientRow key={client.id} client={client} onChange={refresh} />)}</Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

function OAuthClientRow({ client, onChange }: { client: Schemas['OAuthClientDto']; onChange: () => void }) {
  const tenantId = useTenantId();
  const path = { params: { path: { tenantId, clientId: client.clientId } } };
  const rotate = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/oauth-clients/{clientId}/secrets', path)),
    onSuccess: onChange,
  });
  const revoke = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/admin/v1/tenants/{tenantId}/oauth-clients/{clientId}', path)),
    onSuccess: onChange,
  });
  const live = client.secrets.filter((s) => !s.revokedAt);
  return (
    <Table.Tr>
      <Table.Td><Text ff="monospace" size="sm">{client.clientId}</Text><Text size="xs" c="dimmed">{client.description}</Text></Table.Td>
      <Table.Td>
        {live.map((s) => <Text key={s.id} size="xs">{s.prefix}… expires <When at={s.expiresAt} /></Text>)}
        {rotate.data && <SecretOnce label="New client secret" secret={rotate.data.clientSecret} />}
      </Table.Td>
      <Table.Td><Badge color={client.revokedAt ? 'gray' : 'green'}>{client.revokedAt ? 'revoked' : 'active'}</Badge></Table.Td>
      <Table.Td>
        <WriteAction>
          {!client.revokedAt && (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="subtle" onClick={() => rotate.mutate()} loading={rotate.isPending}>Rotate secret</Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>Revoke</Button>
            </Group>
          )}
        </WriteAction>
        <ErrorText error={rotate.error ?? revoke.error} />
      </Table.Td>
    </Table.Tr>
  );
}
