import { Alert, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { AuditEventList } from '../../components/audit-event-list';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { useTenantId } from '../../layout/tenant-layout';
import { AuditExport } from './audit-export';
import { type AuditFilters, isoOrUndefined, NO_FILTERS } from './audit-filters';

const ACTIONS = [
  'user.created', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.deleted', 'group.created', 'group.updated', 'group.deleted',
  'group.members.added', 'group.members.removed', 'tenant.created', 'tenant.updated', 'token.created', 'token.revoked',
  'oauth_client.created', 'oauth_client.revoked', 'webhook.created', 'webhook.updated', 'webhook.deleted', 'webhook.delivery_replayed',
  'connector.created', 'connector.updated', 'connector.deleted', 'connector.resync_requested',
];

export function AuditLogPage() {
  const tenantId = useTenantId();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const pages = useCursorPages();
  const events = useQuery({
    queryKey: ['audit', tenantId, filters, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/audit-events', {
      params: {
        path: { tenantId },
        query: {
          from: isoOrUndefined(filters.from), to: isoOrUndefined(filters.to), action: filters.action || undefined,
          resourceType: filters.resourceType || undefined, resourceName: filters.resourceName || undefined, actor: filters.actor || undefined,
          outcome: (filters.outcome || undefined) as 'success' | 'failure' | undefined, cursor: pages.cursor, limit: 50,
        },
      },
    })),
    placeholderData: keepPreviousData,
  });
  const set = (field: keyof AuditFilters) => (value: string | null) => setDraft((d) => ({ ...d, [field]: value ?? '' }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    pages.reset();
    setFilters(draft);
  };
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Group component="form" onSubmit={apply} align="end" gap="sm">
          <TextInput type="datetime-local" label="From" value={draft.from} onChange={(e) => set('from')(e.currentTarget.value)} />
          <TextInput type="datetime-local" label="To" value={draft.to} onChange={(e) => set('to')(e.currentTarget.value)} />
          <Select label="Action" placeholder="Any action" data={ACTIONS} value={draft.action || null} onChange={set('action')} clearable searchable w={220} />
          <Select label="Resource" placeholder="Any" data={['User', 'Group', 'Tenant', 'Token', 'OAuthClient', 'Webhook', 'Connector']} value={draft.resourceType || null}
            onChange={set('resourceType')} clearable w={140} />
          <TextInput label="Name" placeholder="userName or displayName" value={draft.resourceName} onChange={(e) => set('resourceName')(e.currentTarget.value)} />
          <TextInput label="Actor" placeholder="token id or job" value={draft.actor} onChange={(e) => set('actor')(e.currentTarget.value)} />
          <Select label="Outcome" placeholder="Any" data={['success', 'failure']} value={draft.outcome || null} onChange={set('outcome')} clearable w={120} />
          <Button type="submit" variant="light">Apply filters</Button>
        </Group>
      </Paper>
      <Group>
        <VerifyChain />
        <AuditExport filters={filters} />
      </Group>
      <QueryState query={events}>
        {(page) => page.items.length === 0 ? (
          <EmptyState title="No audit events match">Every SCIM and admin change lands here; widen the time range or clear filters.</EmptyState>
        ) : (
          <Stack>
            <AuditEventList events={page.items} />
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** Recomputes the hash chain on the server and says plainly whether it is intact. */
function VerifyChain() {
  const tenantId = useTenantId();
  const verify = useMutation({
    mutationFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/audit-events/verify', { params: { path: { tenantId } } })),
  });
  const result = verify.data;
  return (
    <Group>
      <Button onClick={() => verify.mutate()} loading={verify.isPending}>Verify</Button>
      {verify.error && <Alert color="red" role="status">{verify.error.message}</Alert>}
      {result && (
        <Alert role="status" color={result.ok ? 'green' : 'red'} py={6}>
          {result.ok
            ? `Chain intact: ${result.checked} events checked, head #${result.headSequence}${result.pending > 0 ? `; ${result.pending} committed events not sealed yet` : ''}`
            : `Chain broken${result.firstBrokenEventId ? ` at event ${result.firstBrokenEventId}` : ''}: ${result.reason ?? ''} (${result.checked} checked)`}
        </Alert>
      )}
    </Group>
  );
}
