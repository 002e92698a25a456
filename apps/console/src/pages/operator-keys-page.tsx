import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { ErrorText } from '../components/error-text';
import { QueryState } from '../components/query-state';
import { SecretOnce } from '../components/secret-once';
import { When } from '../components/when';
import { WriteAction } from '../session/session';

/** Keys for the console and the admin API, each admin or auditor; who made and revoked which key. */
export function OperatorKeysPage() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['operator-keys'], queryFn: async () => unwrap(await api.GET('/admin/v1/operator-keys')) });
  const events = useQuery({ queryKey: ['operator-key-events'], queryFn: async () => unwrap(await api.GET('/admin/v1/operator-keys/events', { params: { query: { limit: 50 } } })) });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['operator-keys'] }), queryClient.invalidateQueries({ queryKey: ['operator-key-events'] })]);
  const revoke = useMutation({
    mutationFn: async (keyId: string) => unwrap(await api.DELETE('/admin/v1/operator-keys/{keyId}', { params: { path: { keyId } } })),
    onSuccess: refresh,
  });
  return (
    <Stack>
      <Title order={2}>Operator keys</Title>
      <Text size="sm" c="dimmed">admin: everything. auditor: reads tenants, the directory, the audit log, events and deliveries; every write answers 403.</Text>
      <WriteAction><CreateKey onCreated={refresh} /></WriteAction>
      <ErrorText error={revoke.error} />
      <QueryState query={keys}>
        {(list) => (
          <Table aria-label="Operator keys">
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Role</Table.Th><Table.Th>Prefix</Table.Th><Table.Th>Created</Table.Th><Table.Th>Last used</Table.Th><Table.Th>State</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td><Badge color={key.role === 'admin' ? 'blue' : 'grape'}>{key.role}</Badge></Table.Td>
                  <Table.Td><Text ff="monospace" size="sm">{key.prefix}…</Text></Table.Td>
                  <Table.Td><When at={key.createdAt} /></Table.Td>
                  <Table.Td><When at={key.lastUsedAt} /></Table.Td>
                  <Table.Td><Badge color={key.revokedAt ? 'gray' : 'green'}>{key.revokedAt ? 'revoked' : 'active'}</Badge></Table.Td>
                  <Table.Td><WriteAction>{!key.revokedAt && <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(key.id)} aria-label={`Revoke ${key.name}`}>Revoke</Button>}</WriteAction></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Title order={4}>Key events</Title>
      <QueryState query={events}>
        {(page) => (
          <Table aria-label="Key events">
            <Table.Tbody>
              {page.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td><When at={e.occurredAt} /></Table.Td>
                  <Table.Td>{e.action}</Table.Td>
                  <Table.Td>{e.keyName} ({e.keyPrefix}, {e.role})</Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">by {String(e.actor.operatorKeyPrefix ?? 'ADMIN_TOKEN')} from {e.clientIp ?? '-'}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

function CreateKey({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<'admin' | 'auditor'>('auditor');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/operator-keys', { body: { name, role } })),
    onSuccess: onCreated,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="sm">
      <Group component="form" onSubmit={submit} align="end">
        <TextInput label="Key name" placeholder="Dana (security review)" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select label="Role" data={['auditor', 'admin']} value={role} onChange={(v) => setRole((v ?? 'auditor') as 'auditor')} w={140} />
        <Button type="submit" loading={create.isPending}>Create key</Button>
      </Group>
      <ErrorText error={create.error} />
      {create.data && <SecretOnce label="Operator key" secret={create.data.key} />}
    </Paper>
  );
}
