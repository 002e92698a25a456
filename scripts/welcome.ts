import { AppConfig } from '@provisio/config';

async function waitForLive(base: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

/** Prints, once the API answers, what a newcomer needs next: the admin token, the SCIM base URL and a first tenant. */
export async function printWelcome(config: AppConfig, how: { embedded: boolean; adminTokenGenerated: boolean }): Promise<void> {
  const base = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  if (!(await waitForLive(`http://127.0.0.1:${config.port}`))) {
    console.error('The API did not come up within 60 s; see the log lines above.');
    return;
  }
  const token = how.adminTokenGenerated ? config.adminToken : '$ADMIN_TOKEN';
  const lines = [
    '',
    'Provisio is running.',
    `  Database:        ${how.embedded ? 'embedded PostgreSQL under ./.data (development only)' : 'DATABASE_URL'}`,
    how.adminTokenGenerated ? `  Admin token:     ${config.adminToken}   (generated for this run; set ADMIN_TOKEN to keep one)` : '  Admin token:     from ADMIN_TOKEN',
    `  SCIM base URL:   ${base}/scim/v2`,
    `  Sandbox:         ${base}/api/doc/scim_rest`,
    '',
    'Create a tenant and a SCIM token (the token is shown once):',
    `  curl -s -X POST ${base}/admin/v1/tenants -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" -d '{"name":"acme"}'`,
    `  curl -s -X POST ${base}/admin/v1/tenants/<tenant id>/tokens -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" -d '{"description":"Entra ID"}'`,
    'or, in another terminal:  npm run cli -- tenant:create acme',
    '',
  ];
  console.log(lines.join('\n'));
}
