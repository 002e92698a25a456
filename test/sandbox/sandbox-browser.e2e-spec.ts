import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000); // a browser on a shared 2-core machine: rendering the sandbox alone can take many seconds

// Debian's chromium (.ci/run installs it); playwright-core never downloads a browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Each run's screenshots, to look at (gitignored); docs/images keeps a reviewed copy for the README.
const SCREENSHOTS = join(__dirname, '../../test-output/sandbox');

/** A newcomer in a real browser: from `/` to a created user and back to it through a filter, all in the sandbox. */
describe('the SCIM sandbox in a browser', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let browser: Browser;
  let page: Page;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    tenant = await createTenant(t);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--headless'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000); // well inside Jest's timeout, so a missing element fails with Playwright's own message
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the sandbox from /, SCIM first', async () => {
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.waitForURL(/\/api\/doc\/scim_rest$/);
    await page.getByRole('heading', { name: /Provisio SCIM 2.0 API/ }).waitFor({ timeout: 30_000 });
    const firstTag = page.locator('.opblock-tag').first();
    await expect(firstTag.textContent()).resolves.toMatch(/^SCIM Users/);
    await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-overview.png') });
  });

  it('authorises with a tenant SCIM token', async () => {
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    const dialog = page.locator('.dialog-ux');
    const scheme = dialog.locator('.auth-container').filter({ hasText: 'scim-token' });
    await scheme.getByRole('textbox').fill(tenant.token);
    await scheme.getByRole('button', { name: 'Apply credentials' }).click(); // the "Authorize" button's accessible name
    await scheme.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-authorized.png') });
    await dialog.getByRole('button', { name: /^Close/ }).first().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it("creates a user with POST /Users's example through Try it out", async () => {
    const operation = await openOperation(page, 'post', '/scim/v2/Users');
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await expect(status.textContent()).resolves.toMatch(/201/);
    await operation.screenshot({ path: join(SCREENSHOTS, 'sandbox-create-user.png') });
    await operation.locator('.opblock-summary').click(); // collapse again
  });

  it("finds that user through GET /Users's filter field", async () => {
    const operation = await openOperation(page, 'get', '/scim/v2/Users');
    await operation.getByRole('button', { name: 'Try it out' }).click();
    const filter = operation.locator('tr[data-param-name="filter"] input');
    await filter.fill('userName eq "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@contoso.com"');
    await operation.getByRole('button', { name: 'Execute' }).click();
    const body = operation.locator('.live-responses-table .response .response-col_description pre').first();
    await body.waitFor();
    const found = JSON.parse((await body.textContent()) ?? '{}');
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0].userName).toBe('Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@contoso.com');
    await operation.screenshot({ path: join(SCREENSHOTS, 'sandbox-find-user.png') });
  });
});

/** `npm start` passes its sandbox tenant's token as SANDBOX_SCIM_TOKEN: the page opens authorised. */
describe('the sandbox page in development', () => {
  let t: TestApp;
  let dev: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await createTenant(t);
    // A second API on the first one's database, configured the way npm start configures it.
    dev = await startTestApp({ NODE_ENV: 'development', DATABASE_URL: t.config.databaseUrl, SANDBOX_SCIM_TOKEN: tenant.token });
    await dev.app.listen(0, '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--headless'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
    await t?.close();
  });

  it('opens authorised with the sandbox tenant, so "Try it out" works without Authorize', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`http://127.0.0.1:${(dev.app.getHttpServer().address() as AddressInfo).port}/api/doc/scim_rest`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    // Every operation's lock shows "locked" once the page has authorised itself (rendering takes a while).
    await page.getByRole('button', { name: 'authorization button locked' }).first().waitFor({ timeout: 30_000 });
    const operation = await openOperation(page, 'get', '/scim/v2/Users');
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await expect(status.textContent()).resolves.toMatch(/200/);
  });
});

/** Expands one operation by its method and path, as a reader clicks its summary line. */
async function openOperation(page: Page, method: string, path: string) {
  const operation = page.locator(`.opblock-${method}`).filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) }).first();
  await operation.locator('.opblock-summary').click();
  await operation.locator('.opblock-body').waitFor();
  return operation;
}
