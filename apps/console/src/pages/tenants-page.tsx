import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { ErrorText } from '../components/error-text';
import { QueryState } from '../components/query-state';
import { When } from '../components/when';
import { WriteAction } from '../session/session';

type Tenant = Schemas['TenantResponseDto'];

export function TenantsPage() {
  const tenants = useQuery({ queryKey: ['tenants'], queryFn: async () => unwrap(await api.GET('/admin/v1/tenants')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Tenants</Title>
        <WriteAction><CreateTenant /></WriteAction>
      </Group>
      <QueryState query={tenants}>
        {(list) => list.length === 0 ? (
          <EmptyState title="No tenants yet">Create one for each customer or IdP directory; its Connect page then walks you through Entra ID or Okta.</EmptyState>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Status</Table.Th><Table.Th>Users</Table.Th><Table.Th>Groups</Table.Th><Table.Th>Last request from the IdP</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list.map((tenant) => <TenantRow key={tenant.id} tenant={tenant} />)}</Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

function TenantRow({ tenant }: { tenant: Tenant }) {
  const path = { params: { path: { tenantId: tenant.id } } };
  const counts = useQuery({ queryKey: ['directory-summary', tenant.id], queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/directory-summary', path)) });
  const activity = useQuery({ queryKey: ['scim-activity', tenant.id], queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/scim-activity', path)) });
  const last = activity.data?.lastRequest;
  return (
    <Table.Tr>
      <Table.Td><Anchor component={Link} to={`/tenants/${tenant.id}`}>{tenant.name}</Anchor></Table.Td>
      <Table.Td><Badge color={tenant.status === 'active' ? 'green' : 'red'}>{tenant.status}</Badge></Table.Td>
      <Table.Td>{counts.data?.users ?? '…'}</Table.Td>
      <Table.Td>{counts.data?.groups ?? '…'}</Table.Td>
      <Table.Td>
        <When at={last?.at} never="no request yet" />
        {last && <Text span size="xs" c={last.outcome === 'success' ? 'green' : 'red'}> {last.method} {last.status}</Text>}
      </Table.Td>
      <Table.Td><WriteAction><SuspendButton tenant={tenant} /></WriteAction></Table.Td>
    </Table.Tr>
  );
}

export function SuspendButton({ tenant }: { tenant: Tenant }) {
  const queryClient = useQueryClient();
  const next = tenant.status === 'active' ? 'suspended' : 'active';
  const change = useMutation({
    mutationFn: async () => unwrap(await api.PATCH('/admin/v1/tenants/{id}', { params: { path: { id: tenant.id } }, body: { status: next } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenants'] }).then(() => queryClient.invalidateQueries({ queryKey: ['tenant', tenant.id] })),
  });
  return (
    <Button size="xs" variant="light" color={next === 'suspended' ? 'red' : 'green'} loading={change.isPending} onClick={() => change.mutate()}
      aria-label={`${next === 'suspended' ? 'Suspend' : 'Reactivate'} ${tenant.name}`}>
      {next === 'suspended' ? 'Suspend' : 'Reactivate'}
    </Button>
  );
}

function CreateTenant() {
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants', { body: { name } })),
    onSuccess: async (tenant) => {
      await queryClient.invalidateQueries({ queryKey: ['tenants'] });
      close();
      navigate(`/tenants/${tenant.id}/connect`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <Button onClick={open}>Create tenant</Button>
      <Modal opened={opened} onClose={close} title="Create tenant">
        <Stack component="form" onSubmit={submit}>
          <TextInput label="Tenant name" description="Letters, digits, space, dot, dash, underscore; unique" value={name}
            onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <ErrorText error={create.error} />
          <Button type="submit" loading={create.isPending}>Create</Button>
        </Stack>
      </Modal>
    </>
  );
}
