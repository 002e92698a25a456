import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const TYPES = join(ROOT, 'apps', 'console', 'src', 'api', 'schema.d.ts');

/**
 * The console's client is typed from the OpenAPI document; this fails as soon as the API and the committed types
 * differ. The generator runs in a child process: openapi-typescript loads ES modules, which Jest's CommonJS
 * runtime cannot, and plain Node can.
 */
describe('console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const check = (document: object) => {
    const file = join(mkdtempSync(join(tmpdir(), 'provisio-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    return spawnSync(process.execPath, ['-r', './test/events/support/ts-register.js', 'scripts/console-api-types.ts', file, '--check'], { cwd: ROOT, encoding: 'utf8' });
  };

  it('match the OpenAPI document the API serves (regenerate with `npm run build && npm run console:api-types`)', async () => {
    const served = (await t.http.get('/api/doc/scim_rest-json').expect(200)).body;
    const result = check(served);
    expect({ status: result.status, errors: result.stderr.split('\n').filter((line) => /out of date|Error/.test(line)) }).toEqual({ status: 0, errors: [] });
  }, 60_000);

  it('fail the check when an admin endpoint changes', async () => {
    const served = (await t.http.get('/api/doc/scim_rest-json').expect(200)).body;
    delete served.paths['/admin/v1/me'];
    const result = check(served);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('out of date');
  }, 60_000);

  it('cover the endpoints the console calls, and nothing but the admin API and health', () => {
    const types = readFileSync(TYPES, 'utf8');
    for (const path of ['/admin/v1/me', '/admin/v1/tenants/{tenantId}/users', '/admin/v1/tenants/{tenantId}/webhook-deliveries', '/admin/v1/tenants/{tenantId}/audit-events/verify']) {
      expect(types).toContain(`"${path}": {`);
    }
    expect(types).not.toContain('"/scim/v2/Users"');
  });
});
