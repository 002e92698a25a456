import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { QueryState } from '../components/query-state';

const SECTIONS = [
  ['connect', 'Connect'], ['users', 'Users'], ['groups', 'Groups'], ['audit-log', 'Audit log'], ['events', 'Events'],
  ['webhooks', 'Webhooks'], ['connectors', 'Connectors'], ['tokens', 'Tokens'], ['settings', 'Settings'],
] as const;

export function useTenantId(): string {
  return useParams().tenantId!;
}

export function useTenant() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['tenant', tenantId],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{id}', { params: { path: { id: tenantId } } })),
  });
}

/** A tenant's pages, with links named after what ops ask for. */
export function TenantLayout() {
  const tenantId = useTenantId();
  const tenant = useTenant();
  const location = useLocation();
  const section = location.pathname.split('/')[3] ?? 'connect';
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/tenants">Tenants</Anchor>
        <span>{tenant.data?.name ?? tenantId}</span>
      </Breadcrumbs>
      <QueryState query={tenant}>
        {(t) => (
          <Group>
            <Title order={2}>{t.name}</Title>
            <Badge color={t.status === 'active' ? 'green' : 'red'}>{t.status}</Badge>
          </Group>
        )}
      </QueryState>
      <Group component="nav" aria-label="Tenant" gap={4}>
        {SECTIONS.map(([path, label]) => (
          <Button key={path} component={Link} to={`/tenants/${tenantId}/${path}`} size="xs"
            variant={section === path ? 'filled' : 'subtle'} aria-current={section === path ? 'page' : undefined}>
            {label}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
