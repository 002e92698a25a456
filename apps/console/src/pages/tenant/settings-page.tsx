import { Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ErrorText } from '../../components/error-text';
import { QueryState } from '../../components/query-state';
import { useTenant, useTenantId } from '../../layout/tenant-layout';
import { useSession } from '../../session/session';
import { SuspendButton } from '../tenants-page';

type Settings = Schemas['TenantSettingsDto'];

/** Name, deprovisioning policy, group rules and retention (docs/configuration.md), and suspension. */
export function SettingsPage() {
  const tenant = useTenant();
  return <QueryState query={tenant}>{(t) => <SettingsForm tenant={t} />}</QueryState>;
}

function SettingsForm({ tenant }: { tenant: Schemas['TenantResponseDto'] }) {
  const tenantId = useTenantId();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState(tenant.name);
  const [settings, setSettings] = useState<Settings>(tenant.settings);
  useEffect(() => { setName(tenant.name); setSettings(tenant.settings); }, [tenant]);
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PATCH('/admin/v1/tenants/{id}', { params: { path: { id: tenantId } }, body: { name, settings } })),
    onSuccess: (updated) => queryClient.setQueryData(['tenant', tenantId], updated),
  });
  const deprovisioning = settings.deprovisioning ?? {};
  return (
    <Stack maw={560}>
      <Paper withBorder p="md">
        <Stack>
          <TextInput label="Tenant name" value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!canWrite} />
          <Title order={5}>Deprovisioning</Title>
          <Select label="When the IdP sets active: false" data={['keep', 'soft-delete', 'hard-delete']} value={deprovisioning.onDeactivate ?? 'keep'} disabled={!canWrite}
            onChange={(v) => setSettings({ ...settings, deprovisioning: { ...deprovisioning, onDeactivate: (v ?? 'keep') as 'keep' } })} />
          <Select label="When the IdP deletes a user" data={['soft-delete', 'hard-delete']} value={deprovisioning.onDelete ?? 'hard-delete'} disabled={!canWrite}
            onChange={(v) => setSettings({ ...settings, deprovisioning: { ...deprovisioning, onDelete: (v ?? 'hard-delete') as 'hard-delete' } })} />
          <Switch label="Group display names are unique (Entra matches groups by displayName)" checked={settings.groups?.uniqueDisplayName ?? true} disabled={!canWrite}
            onChange={(e) => setSettings({ ...settings, groups: { uniqueDisplayName: e.currentTarget.checked } })} />
          <Group grow>
            <NumberInput label="Audit retention (days)" min={1} max={3650} value={settings.audit?.retentionDays ?? 365} disabled={!canWrite}
              onChange={(v) => setSettings({ ...settings, audit: { retentionDays: Number(v) } })} />
            <NumberInput label="Event retention (days)" min={1} max={3650} value={settings.events?.retentionDays ?? 30} disabled={!canWrite}
              onChange={(v) => setSettings({ ...settings, events: { retentionDays: Number(v) } })} />
          </Group>
          <ErrorText error={save.error} />
          {save.isSuccess && <Text size="sm" c="green" role="status">Saved.</Text>}
          {canWrite && <Button onClick={() => save.mutate()} loading={save.isPending}>Save settings</Button>}
        </Stack>
      </Paper>
      {canWrite && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">Suspension</Title>
          <Text size="sm" mb="xs">A suspended tenant answers 403 to every SCIM request; its data and audit log stay.</Text>
          <SuspendButton tenant={tenant} />
        </Paper>
      )}
    </Stack>
  );
}
