import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleShell } from './layout/console-shell';
import { TenantLayout } from './layout/tenant-layout';
import { OperatorKeysPage } from './pages/operator-keys-page';
import { SignInPage } from './pages/sign-in-page';
import { SystemPage } from './pages/system-page';
import { TenantsPage } from './pages/tenants-page';
import { AuditLogPage } from './pages/tenant/audit-log-page';
import { ConnectPage } from './pages/tenant/connect-page';
import { ConnectorsPage } from './pages/tenant/connectors-page';
import { EventsPage } from './pages/tenant/events-page';
import { GroupPage } from './pages/tenant/group-page';
import { GroupsPage } from './pages/tenant/groups-page';
import { SettingsPage } from './pages/tenant/settings-page';
import { TokensPage } from './pages/tenant/tokens-page';
import { UserPage } from './pages/tenant/user-page';
import { UsersPage } from './pages/tenant/users-page';
import { WebhooksPage } from './pages/tenant/webhooks-page';
import { useSession } from './session/session';

export function App() {
  const { operator, endedBecause } = useSession();
  if (!operator) {
    if (!endedBecause && sessionStorage.getItem('provisio.console.key')) return <Center h="100vh"><Loader /></Center>;
    return <SignInPage />;
  }
  return (
    <Routes>
      <Route element={<ConsoleShell />}>
        <Route index element={<Navigate to="/tenants" replace />} />
        <Route path="tenants" element={<TenantsPage />} />
        <Route path="tenants/:tenantId" element={<TenantLayout />}>
          <Route index element={<Navigate to="connect" replace />} />
          <Route path="connect" element={<ConnectPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="users/:userId" element={<UserPage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="groups/:groupId" element={<GroupPage />} />
          <Route path="audit-log" element={<AuditLogPage />} />
          <Route path="events" element={<EventsPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="connectors" element={<ConnectorsPage />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="settings" element={<SettingsPage />} />
        </Route>
        <Route path="operator-keys" element={<OperatorKeysPage />} />
        <Route path="system" element={<SystemPage />} />
        <Route path="*" element={<Navigate to="/tenants" replace />} />
      </Route>
    </Routes>
  );
}
