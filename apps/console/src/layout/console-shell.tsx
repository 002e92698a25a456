import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { useSession } from '../session/session';

export function ConsoleShell() {
  const { operator, signOut } = useSession();
  const who = operator?.via === 'admin-token' ? 'ADMIN_TOKEN' : `${operator?.keyName} (${operator?.keyPrefix})`;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>Provisio console</Title>
          <Group gap="sm">
            <Text size="sm" c="dimmed">{who}</Text>
            <Badge color={operator?.role === 'admin' ? 'blue' : 'grape'}>{operator?.role}</Badge>
            <Button variant="default" size="xs" onClick={() => signOut()}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Console">
        <NavLink component={RouterLink} to="/tenants" label="Tenants" />
        <NavLink component={RouterLink} to="/operator-keys" label="Operator keys" />
        <NavLink component={RouterLink} to="/system" label="System" />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
