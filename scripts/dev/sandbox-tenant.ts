import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@provisio/config';
import { runWithRequestContext } from '@provisio/observability';
import { ApiTokensService, TenantsService } from '@provisio/tenancy';
import { CliModule } from '../cli-module';

export const SANDBOX_TENANT_NAME = 'sandbox';

export interface SandboxTenant {
  id: string;
  name: string;
  tokenId: string;
  /** A live SCIM token of the tenant; `npm start` pre-authorises the sandbox page with it. */
  token: string;
  file: string;
  /** Every tenant's name, so the banner suggests only names that are free. */
  tenantNames: string[];
}

type Kept = Pick<SandboxTenant, 'id' | 'tokenId' | 'token'>;

/**
 * Development: a tenant "sandbox" with a SCIM token kept in ./.data/sandbox-tenant.json, reused
 * while both still exist and the token is neither revoked nor expired; otherwise made again. A
 * token is stored only as a hash in the database, so the clear one has to live in this file.
 */
export async function ensureSandboxTenant(config: AppConfig, dataDir: string): Promise<SandboxTenant> {
  const file = join(dataDir, 'sandbox-tenant.json');
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: false });
  try {
    const tenants = app.get(TenantsService);
    const tokens = app.get(ApiTokensService);
    const kept = readKept(file);
    const context = { requestId: 'npm-start', actor: { type: 'system' as const, job: 'npm start sandbox tenant' } };
    const sandbox = await runWithRequestContext(context, async (): Promise<Kept & { name: string }> => {
      const existing = kept ? await tenants.get(kept.id).catch(() => undefined) : undefined;
      if (existing?.status === 'active' && kept) {
        const live = (await tokens.list(existing.id)).find((t) => t.id === kept.tokenId && !t.revokedAt && (!t.expiresAt || t.expiresAt > new Date()));
        if (live) return { ...kept, name: existing.name };
      }
      const tenant = (await tenants.getByIdOrName(SANDBOX_TENANT_NAME).catch(() => undefined)) ?? (await tenants.create(SANDBOX_TENANT_NAME));
      const issued = await tokens.createStatic(tenant.id, 'sandbox page (npm start, development)');
      return { id: tenant.id, tokenId: issued.entity.id, token: issued.token, name: tenant.name };
    });
    writeFileSync(file, `${JSON.stringify({ id: sandbox.id, tokenId: sandbox.tokenId, token: sandbox.token }, null, 2)}\n`, { mode: 0o600 });
    const tenantNames = (await tenants.list()).map((tenant) => tenant.name);
    return { ...sandbox, file, tenantNames };
  } finally {
    await app.close();
  }
}

function readKept(file: string): Kept | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Kept>;
    return typeof kept.id === 'string' && typeof kept.tokenId === 'string' && typeof kept.token === 'string' ? (kept as Kept) : undefined;
  } catch {
    return undefined;
  }
}
