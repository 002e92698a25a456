import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestWorker } from '../events/support/test-worker';
import { buildScimUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from '../webhooks/support/receiver';
import { FAST_DELIVERY_ENV } from '../webhooks/support/webhook-helpers';
import { launchChromium, screenshot } from './support/browser';

// Browser globals used inside page.evaluate callbacks, which run in the page (this project's types are Node's).
declare const localStorage: { length: number };
declare const sessionStorage: { length: number; getItem(key: string): string | null };

const CONSOLE_BUILD = join(__dirname, '..', '..', 'dist', 'console', 'index.html');

/**
 * The console in a real browser against the real API, Postgres, Redis and worker, driven the way a person finds
 * things: by role and visible name.
 */
describe('ops console in the browser', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: TestReceiver;
  let browser: Browser;
  let base: string;
  let receiverFails = true;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD)) throw new Error('dist/console is missing: run `npm run build` before the browser tests');
    t = await startTestApp(FAST_DELIVERY_ENV);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startTestWorker(t.config, []);
    receiver = await new TestReceiver().start();
    receiver.on('/hooks', () => (receiverFails ? { status: 503, body: 'maintenance' } : { status: 200, body: 'ok' }));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await receiver?.stop();
  });

  async function signIn(context: BrowserContext, key: string): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`${base}/console/`);
    await page.getByLabel('Operator key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    return page;
  }

  const scimCreate = (token: string, userName: string) =>
    fetch(`${base}/scim/v2/Users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json', 'User-Agent': 'Azure AD SCIM Client' },
      body: JSON.stringify(buildScimUser({ userName })),
    });

  it('takes an operator from sign-in to a provisioned user, its audit diff, a verified chain and a replayed delivery', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`${base}/console/`);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Operator key').fill('wrong-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('A valid admin token or operator key is required').waitFor();
    await page.getByLabel('Operator key').fill(t.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // A tenant and a token on Connect.
    const tenantName = `acme-${Date.now()}`;
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByLabel('Tenant name').fill(tenantName);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText('Last request from the IdP').waitFor();
    await page.getByRole('button', { name: 'Create SCIM token' }).click();
    const token = (await page.getByLabel('SCIM token', { exact: true }).textContent())!.trim();
    expect(token).toMatch(/^scim_/);
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();

    // A webhook whose receiver fails at first.
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url('/hooks'));
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.getByLabel('Signing secret', { exact: true }).textContent()).resolves.toMatch(/^whsec_/);

    // The IdP provisions a user; Connect shows the request, Users the user.
    expect((await scimCreate(token, 'alice@example.com')).status).toBe(201);
    await page.getByRole('link', { name: 'Connect', exact: true }).click();
    await page.getByText('POST /scim/v2/Users').waitFor({ timeout: 10_000 });
    await screenshot(page, 'connect');
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: 'alice@example.com' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByText('user.created').first().waitFor();
    await screenshot(page, 'user');

    // Audit log: user.created with its diff, and Verify.
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('button', { name: /^user\.created alice@example\.com/ }).click();
    const diff = page.getByRole('table', { name: 'Changes' });
    const userNameChange = diff.getByRole('row').filter({ has: page.getByRole('cell', { name: 'userName', exact: true }) });
    await expect(userNameChange.getByRole('cell').allTextContents()).resolves.toEqual(['userName', 'add', '', 'alice@example.com']);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('status').getByText(/Chain intact: \d+ events checked/).waitFor();
    await screenshot(page, 'audit-log');

    // The delivery dies against the failing receiver; once it recovers, Replay delivers it.
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    await deliveries.getByText('dead').waitFor({ timeout: 20_000 });
    receiverFails = false;
    await deliveries.getByRole('button', { name: /^Replay user\.created/ }).click();
    await deliveries.getByText('succeeded').waitFor({ timeout: 20_000 });
    expect(receiver.to('/hooks').at(-1)?.body).toContain('alice@example.com');
    await screenshot(page, 'webhooks');

    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Tenants' }).click();
    await page.getByRole('link', { name: tenantName }).waitFor();
    await screenshot(page, 'tenants');
    await page.getByRole('link', { name: 'System', exact: true }).click();
    await page.getByText('Relay lag').waitFor();
    await screenshot(page, 'system');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  }, 120_000);

  it('lets an auditor key read the audit log but offers no write action, and the API refuses its writes', async () => {
    const adminContext = await browser.newContext();
    const admin = await signIn(adminContext, t.adminToken);
    await admin.getByRole('link', { name: 'Operator keys', exact: true }).click();
    await admin.getByLabel('Key name').fill('Dana (security review)');
    await admin.getByRole('button', { name: 'Create key' }).click();
    const auditorKey = (await admin.getByLabel('Operator key', { exact: true }).textContent())!.trim();
    await admin.getByRole('table', { name: 'Key events' }).getByText('operator_key.created').waitFor();
    await screenshot(admin, 'operator-keys');
    await adminContext.close();

    const tenant = (await (await fetch(`${base}/admin/v1/tenants`, {
      method: 'POST', headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `audited-${Date.now()}` }),
    })).json()) as { id: string; name: string };
    const token = (await (await fetch(`${base}/admin/v1/tenants/${tenant.id}/tokens`, {
      method: 'POST', headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' }, body: '{}',
    })).json()) as { token: string };
    expect((await scimCreate(token.token, 'bob@example.com')).status).toBe(201);

    const context = await browser.newContext();
    const page = await signIn(context, auditorKey);
    await page.getByText('auditor', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Create tenant' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Suspend/ }).count()).toBe(0);
    await page.getByRole('link', { name: tenant.name }).click();
    expect(await page.getByRole('button', { name: 'Create SCIM token' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('button', { name: /^user\.created bob@example\.com/ }).waitFor();
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('status').getByText(/Chain intact/).waitFor();
    for (const section of ['Webhooks', 'Tokens', 'Connectors', 'Settings']) {
      await page.getByRole('link', { name: section, exact: true }).click();
      await page.waitForLoadState('networkidle');
      const writes = page.getByRole('button', { name: /^(Add|Create|Revoke|Replay|Delete|Save|Resync|Rotate|Suspend)/ });
      expect({ section, writes: await writes.count() }).toEqual({ section, writes: 0 });
    }
    const refused = await page.evaluate(async ({ id }) => {
      const key = sessionStorage.getItem('provisio.console.key');
      const res = await fetch(`/admin/v1/tenants/${id}`, { method: 'PATCH', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: '{"status":"suspended"}' });
      return { status: res.status, body: await res.json() };
    }, tenant);
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ message: 'This operator key has the auditor role, which may only read' }) });
    await context.close();
  }, 120_000);
});
