import { Anchor, Code, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { AuditEventList } from '../../components/audit-event-list';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { useTenantId } from '../../layout/tenant-layout';

interface UserGroup {
  value: string;
  display?: string;
}

/** A user's attributes, its groups and its history from the audit log. */
export function UserPage() {
  const tenantId = useTenantId();
  const userId = useParams().userId!;
  const user = useQuery({
    queryKey: ['user', tenantId, userId],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/users/{userId}', { params: { path: { tenantId, userId } } })),
  });
  const history = useQuery({
    queryKey: ['audit', tenantId, { resourceId: userId }],
    queryFn: async () => unwrap(await api.GET('/admin/v1/tenants/{tenantId}/audit-events', { params: { path: { tenantId }, query: { resourceId: userId, limit: 100 } } })),
  });
  return (
    <QueryState query={user}>
      {(body) => {
        const groups = (body.groups ?? []) as UserGroup[];
        return (
          <Stack>
            <Title order={3}>{String(body.userName)}</Title>
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Paper withBorder p="sm">
                  <Title order={5} mb="xs">Attributes</Title>
                  <Code block aria-label="Attributes">{JSON.stringify(body, null, 2)}</Code>
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Paper withBorder p="sm">
                  <Title order={5} mb="xs">Groups</Title>
                  {groups.length === 0 ? <Text size="sm" c="dimmed">Not in any group.</Text> : (
                    <Table aria-label="Groups"><Table.Tbody>
                      {groups.map((g) => <Table.Tr key={g.value}><Table.Td><Anchor component={Link} to={`/tenants/${tenantId}/groups/${g.value}`}>{g.display ?? g.value}</Anchor></Table.Td></Table.Tr>)}
                    </Table.Tbody></Table>
                  )}
                </Paper>
              </Grid.Col>
            </Grid>
            <Title order={4}>History</Title>
            <QueryState query={history}>
              {(page) => page.items.length === 0 ? <EmptyState title="No audit events for this user" /> : <AuditEventList events={page.items} />}
            </QueryState>
          </Stack>
        );
      }}
    </QueryState>
  );
}
