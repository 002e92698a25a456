import { runCli } from '../../scripts/cli';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

/** Captures what a command prints, as an operator would read it. */
async function capture(argv: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    await runCli(argv);
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('npm run cli', () => {
  let db: TestDatabase;
  let t: TestApp;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.url;
    // The CLI is another process: without the API's token cache, its revocation is seen on the next request
    // (the bound a cache keeps across processes is tested in token-cache.e2e-spec.ts).
    t = await startTestApp({ DATABASE_URL: db.url, SCIM_TOKEN_CACHE_SECONDS: '0' });
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await t.app.close();
    await db.drop();
    await t.db.drop();
  });

  it('tenant:create prints a tenant id and a SCIM token that authenticates', async () => {
    const out = await capture(['tenant:create', 'cli-acme']);
    const id = out.match(/tenant id:\s+(\S+)/)?.[1];
    const token = out.match(/scim token:\s+(scim_\S+)/)?.[1];
    expect(id).toBeDefined();
    expect(token).toBeDefined();
    const res = await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${token}` });
    expect(res.status).not.toBe(401);
  });

  it('token:create and token:revoke work with the tenant name', async () => {
    await capture(['tenant:create', 'cli-rotate']);
    const created = await capture(['token:create', 'cli-rotate', 'second', 'token']);
    const tokenId = created.match(/token id:\s+(\S+)/)?.[1] as string;
    const token = created.match(/scim token:\s+(\S+)/)?.[1] as string;
    expect((await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${token}` })).status).not.toBe(401);
    await capture(['token:revoke', 'cli-rotate', tokenId]);
    await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${token}` }).expect(401);
  });

  it('prints usage for an unknown command', async () => {
    expect(await capture(['nope'])).toContain('Usage: npm run cli');
    process.exitCode = 0;
  });
});
