import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppError, runWithRequestContext } from '@provisio/observability';
import { ConfigError, loadConfig } from '@provisio/config';
import { ConnectorResyncRunner, ConnectorResyncsService } from '@provisio/connectors';
import { ApiTokensService, OAuthClientsService, TenantsService } from '@provisio/tenancy';
import { CliModule } from './cli-module';
import { devDatabase } from './dev-database';

const USAGE = `Usage: npm run cli -- <command>
  tenant:create NAME                 create a tenant and print its id and a SCIM token
  tenant:list                        list tenants
  token:create TENANT [DESCRIPTION]  create a SCIM token (TENANT = id or name); printed once
  token:revoke TENANT TOKEN_ID       revoke a SCIM token
  oauth-client:create TENANT         create an OAuth client; prints client id and secret once
  connector:resync TENANT CONNECTOR  reconcile a downstream store with our state now (no worker needed)`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  'tenant:create': async (app, [name]) => {
    if (!name) throw new AppError(400, 'tenant:create needs a NAME');
    const tenant = await app.get(TenantsService).create(name);
    const issued = await app.get(ApiTokensService).createStatic(tenant.id, 'created by cli');
    console.log(`tenant id:  ${tenant.id}\nscim token: ${issued.token}   (shown once; stored only as a hash)`);
  },
  'tenant:list': async (app) => {
    for (const t of await app.get(TenantsService).list()) console.log(`${t.id}  ${t.status.padEnd(9)}  ${t.name}`);
  },
  'token:create': async (app, [tenantRef, ...description]) => {
    const tenant = await app.get(TenantsService).getByIdOrName(tenantRef ?? '');
    const issued = await app.get(ApiTokensService).createStatic(tenant.id, description.join(' ') || 'created by cli');
    console.log(`token id:   ${issued.entity.id}\nscim token: ${issued.token}   (shown once)`);
  },
  'token:revoke': async (app, [tenantRef, tokenId]) => {
    const tenant = await app.get(TenantsService).getByIdOrName(tenantRef ?? '');
    await app.get(ApiTokensService).revoke(tenant.id, tokenId ?? '');
    console.log(`revoked ${tokenId}`);
  },
  'oauth-client:create': async (app, [tenantRef]) => {
    const tenant = await app.get(TenantsService).getByIdOrName(tenantRef ?? '');
    const created = await app.get(OAuthClientsService).create(tenant.id, 'created by cli');
    console.log(`client id:     ${created.client.clientId}\nclient secret: ${created.clientSecret}   (shown once)\nexpires:       ${created.secret.expiresAt.toISOString()}`);
  },
  'connector:resync': async (app, [tenantRef, connectorId = '']) => {
    const tenant = await app.get(TenantsService).getByIdOrName(tenantRef ?? '');
    const resyncs = app.get(ConnectorResyncsService);
    const resync = await resyncs.request(tenant.id, connectorId);
    await app.get(ConnectorResyncRunner).run(tenant.id, connectorId, resync.id).catch(() => undefined); // recorded on the resync row
    const finished = await resyncs.get(tenant.id, connectorId, resync.id);
    if (finished.status !== 'succeeded') throw new AppError(502, `resync ${resync.id} failed: ${finished.error}`);
    console.log(`resync id: ${resync.id}\nsummary:   ${JSON.stringify(finished.summary)}`);
  },
};

/** Runs one operator command; exported so the e2e tests drive the same code path as `npm run cli`. */
export async function runCli(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log(USAGE);
    process.exitCode = name ? 2 : 0;
    return;
  }
  const db = await devDatabase();
  // The CLI never serves the admin API, so it needs no ADMIN_TOKEN of its own.
  const config = loadConfig({ ...process.env, DATABASE_URL: db.url, ADMIN_TOKEN: process.env.ADMIN_TOKEN || randomBytes(24).toString('hex'), LOG_LEVEL: 'error' });
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'] });
  try {
    await runWithRequestContext({ requestId: `cli-${randomBytes(4).toString('hex')}`, actor: { type: 'system', job: `cli ${name}` } }, () =>
      command(app, args),
    );
  } finally {
    await app.close();
    await db.stop();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
