import { Alert, Button, Code, CopyButton, Group, List, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorText } from '../../components/error-text';
import { SecretOnce } from '../../components/secret-once';
import { When } from '../../components/when';
import { useTenant, useTenantId } from '../../layout/tenant-layout';
import { WriteAction } from '../../session/session';

/** Entra ID and Okta step by step: what to paste where, a token made here, and whether the IdP has called yet. */
export function ConnectPage() {
  const tenant = useTenant();
  const baseUrl = tenant.data?.scimBaseUrl ?? '';
  return (
    <Stack maw={900}>
      <LastRequest />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">1. The tenant URL</Title>
        <Group gap="xs">
          <Code aria-label="SCIM base URL" fz="md">{baseUrl}</Code>
          <CopyButton value={baseUrl}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy URL'}</Button>}</CopyButton>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">2. A token for the IdP</Title>
        <WriteAction><CreateScimToken /></WriteAction>
        <Text size="sm" c="dimmed" mt="xs">Existing tokens, rotation and revocation are under Tokens.</Text>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">3. Fill in the IdP</Title>
        <Tabs defaultValue="entra">
          <Tabs.List>
            <Tabs.Tab value="entra">Microsoft Entra ID</Tabs.Tab>
            <Tabs.Tab value="okta">Okta</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="entra" pt="sm"><EntraSteps baseUrl={baseUrl} /></Tabs.Panel>
          <Tabs.Panel value="okta" pt="sm"><OktaSteps baseUrl={baseUrl} /></Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}

function LastRequest() {
  const tenantId = useTenantId();
  const activity = useQuery({
    queryKey: ['scim-activity', tenantId],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/scim-activity', { params: { path: { tenantId } } })),
    refetchInterval: 3000,
  });
  const last = activity.data?.lastRequest;
  if (!last) {
    return <Alert color="gray" title="Last request from the IdP">None yet. Once the IdP tests the connection it shows here within seconds.</Alert>;
  }
  return (
    <Alert color={last.outcome === 'success' ? 'green' : 'red'} title="Last request from the IdP">
      <When at={last.at} /> · <Code>{last.method} {last.path}</Code> answered <b>{last.status}</b> ({last.outcome})
      {last.userAgent ? ` · ${last.userAgent}` : ''} · token {last.tokenPrefix}…
    </Alert>
  );
}

function CreateScimToken() {
  const tenantId = useTenantId();
  const [description, setDescription] = useState('IdP provisioning');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/tokens', { params: { path: { tenantId } }, body: { description } })),
  });
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput label="Token description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Button onClick={() => create.mutate()} loading={create.isPending}>Create SCIM token</Button>
      </Group>
      <ErrorText error={create.error} />
      {create.data?.token && <SecretOnce label="SCIM token" secret={create.data.token} />}
    </Stack>
  );
}

function Fields({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <Table withTableBorder>
      <Table.Thead><Table.Tr><Table.Th>Field in the IdP</Table.Th><Table.Th>Value</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>{rows.map(([field, value]) => <Table.Tr key={field}><Table.Td fw={600}>{field}</Table.Td><Table.Td>{value}</Table.Td></Table.Tr>)}</Table.Tbody>
    </Table>
  );
}

function EntraSteps({ baseUrl }: { baseUrl: string }) {
  return (
    <Stack>
      <List type="ordered" size="sm">
        <List.Item>Entra admin center → Enterprise applications → your app (or New application → Create your own application → non-gallery).</List.Item>
        <List.Item>Provisioning → Provisioning Mode: <b>Automatic</b>, then fill in:</List.Item>
      </List>
      <Fields rows={[['Tenant URL', <Code key="u">{baseUrl}</Code>], ['Secret Token', 'the scim_… token from step 2']]} />
      <List type="ordered" start={3} size="sm">
        <List.Item><b>Test Connection</b>: Entra looks up a random user and should get 200; the request shows at the top of this page.</List.Item>
        <List.Item>Save, then set Provisioning Status: <b>On</b>.</List.Item>
      </List>
      <OAuthClientOption />
    </Stack>
  );
}

function OktaSteps({ baseUrl }: { baseUrl: string }) {
  return (
    <Stack>
      <List type="ordered" size="sm">
        <List.Item>Okta Admin Console → Applications → your app → General → Provisioning: <b>SCIM</b> → Save.</List.Item>
        <List.Item>Provisioning → Integration → Edit, and fill in:</List.Item>
      </List>
      <Fields rows={[
        ['SCIM connector base URL', <Code key="u">{baseUrl}</Code>],
        ['Unique identifier field for users', <Code key="n">userName</Code>],
        ['Supported provisioning actions', 'Import New Users and Profile Updates, Push New Users, Push Profile Updates, Push Groups'],
        ['Authentication Mode', 'HTTP Header; Authorization: Bearer + the scim_… token from step 2'],
      ]} />
      <List type="ordered" start={3} size="sm">
        <List.Item><b>Test Connector Configuration</b>: Okta reads /Users; the request shows at the top of this page.</List.Item>
        <List.Item>Provisioning → To App: enable Create Users, Update User Attributes and Deactivate Users.</List.Item>
      </List>
    </Stack>
  );
}

/** Entra gallery apps that only take OAuth 2.0 client credentials. */
function OAuthClientOption() {
  const tenantId = useTenantId();
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/admin/v1/tenants/{tenantId}/oauth-clients', { params: { path: { tenantId } }, body: { description: 'Entra gallery app' } })),
  });
  const created = create.data as { clientId?: string; clientSecret?: string } | undefined;
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Title order={5}>Gallery app that asks for OAuth 2.0 client credentials instead?</Title>
      <Fields rows={[['Token endpoint', <Code key="t">{`${window.location.origin}/oauth/token`}</Code>], ['Client ID / Client secret', 'from the button below']]} />
      <WriteAction>
        <Button mt="xs" variant="light" onClick={() => create.mutate()} loading={create.isPending}>Create OAuth client</Button>
      </WriteAction>
      <ErrorText error={create.error} />
      {created?.clientId && <Text size="sm" mt="xs">Client ID: <Code>{created.clientId}</Code></Text>}
      {created?.clientSecret && <SecretOnce label="Client secret" secret={created.clientSecret} />}
    </Paper>
  );
}
