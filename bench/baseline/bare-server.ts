import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The yardstick of issue #4: the two requests of an Entra initial sync (userName eq lookup and
 * POST /Users) on bare node:http + pg, without a framework, validation, audit or outbox. Same
 * storage shape as ours (tenant column, unique (tenant_id, lower(user_name)), resource in jsonb)
 * and the same pool size (20), so the gap to the API is what the framework and features cost.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_baseline PORT=3100 node dist/bench/baseline/bare-server.js
 */
const TENANT = '00000000-0000-4000-8000-000000000001';
const SCIM_JSON = 'application/scim+json';
const USER_NAME_EQ = /^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'bench-baseline' });

async function createSchema(): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS baseline_users (
    tenant_id uuid NOT NULL, id uuid NOT NULL DEFAULT gen_random_uuid(), user_name text NOT NULL,
    resource jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, id))`);
  await pool.query('CREATE UNIQUE INDEX IF NOT EXISTS baseline_users_user_name_ci ON baseline_users (tenant_id, lower(user_name))');
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': SCIM_JSON, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function scimError(res: ServerResponse, status: number, detail: string, scimType?: string): void {
  reply(res, status, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), scimType, detail });
}

function render(row: { id: string; resource: Record<string, unknown>; created_at: Date }, location: string): Record<string, unknown> {
  const created = row.created_at.toISOString();
  return { ...row.resource, id: row.id, meta: { resourceType: 'User', created, lastModified: created, location } };
}

async function findByUserName(res: ServerResponse, url: URL, base: string): Promise<void> {
  const match = USER_NAME_EQ.exec(url.searchParams.get('filter') ?? '');
  if (!match) return scimError(res, 400, 'only userName eq "..." is implemented', 'invalidFilter');
  const userName = JSON.parse(`"${match[1]}"`) as string;
  const { rows } = await pool.query(
    'SELECT id, resource, created_at FROM baseline_users WHERE tenant_id = $1 AND lower(user_name) = lower($2)', [TENANT, userName]);
  reply(res, 200, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: rows.length,
    startIndex: 1,
    itemsPerPage: rows.length,
    Resources: rows.map((row) => render(row, `${base}/Users/${row.id}`)),
  });
}

async function create(req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return scimError(res, 400, 'body is not JSON', 'invalidSyntax');
  }
  if (typeof body.userName !== 'string' || body.userName === '') return scimError(res, 400, 'userName is required', 'invalidValue');
  const { meta: _meta, id: _id, ...resource } = body;
  const { rows } = await pool.query(
    `INSERT INTO baseline_users (tenant_id, user_name, resource) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, lower(user_name)) DO NOTHING RETURNING id, resource, created_at`,
    [TENANT, body.userName, resource]);
  if (rows.length === 0) return scimError(res, 409, 'userName is already taken', 'uniqueness');
  const location = `${base}/Users/${rows[0].id}`;
  reply(res, 201, render(rows[0], location), { location });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Baseline mode of the bench: any bearer token is accepted, only its presence is checked.
  if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return scimError(res, 401, 'bearer token required');
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const base = `${url.origin}/scim/v2`;
  if (url.pathname === '/scim/v2/Users' && req.method === 'GET') return findByUserName(res, url, base);
  if (url.pathname === '/scim/v2/Users' && req.method === 'POST') return create(req, res, base);
  scimError(res, 404, 'not implemented by the baseline server');
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');
  await createSchema();
  const port = Number(process.env.PORT ?? 3100);
  createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) scimError(res, 500, 'internal error');
    });
  }).listen(port, '127.0.0.1', () => console.log(`baseline SCIM server on http://127.0.0.1:${port}/scim/v2`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
