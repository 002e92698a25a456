import { runWorkers } from '../load/run-workers';
import { entraCreateUser } from '../scenarios/entra-requests';
import { ScenarioContext, TenantSession } from '../scenarios/scenario';
import { seededUserName, seedUsers, userIds } from './seed-users';

/**
 * Gives the tenant users [from, to] named seededUserName(prefix, i): in SQL when the bench has
 * DATABASE_URL (fast, for 100,000), otherwise through POST /Users at 32 clients.
 */
export async function populateUsers(ctx: ScenarioContext, session: TenantSession, prefix: string, from: number, to: number): Promise<void> {
  if (to < from) return;
  const { databaseUrl, maxSeconds } = ctx.options;
  if (databaseUrl && session.tenant.id) {
    await seedUsers(databaseUrl, session.tenant.id, prefix, from, to);
    return;
  }
  const run = await runWorkers(to - from + 1, 32, maxSeconds * 5, async (k) => {
    const i = from + k;
    const response = await session.client.send('POST', `${ctx.scimPath}/Users`, entraCreateUser(seededUserName(prefix, i), i));
    if (response.status !== 201) throw new Error(`seeding POST /Users answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  });
  if (run.timedOut) throw new Error(`seeding ${to - from + 1} users through the API did not finish in time`);
}

/** Ids of up to `limit` users of the tenant: from SQL, or paged through the API with attributes=id. */
export async function tenantUserIds(ctx: ScenarioContext, session: TenantSession, limit: number): Promise<string[]> {
  const { databaseUrl } = ctx.options;
  if (databaseUrl && session.tenant.id) return userIds(databaseUrl, session.tenant.id, limit);
  const ids: string[] = [];
  while (ids.length < limit) {
    const page = await session.client.send<{ Resources?: { id: string }[] }>(
      'GET', `${ctx.scimPath}/Users?attributes=id&startIndex=${ids.length + 1}&count=100`);
    const resources = page.body.Resources ?? [];
    if (page.status !== 200 || resources.length === 0) break;
    ids.push(...resources.map((r) => r.id));
  }
  return ids.slice(0, limit);
}
