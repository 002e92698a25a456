import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { populateUsers } from '../setup/populate-users';
import { LatencyRecorder } from '../stats/latency-recorder';
import { ResultRow, Scenario, ScenarioContext, TenantSession } from './scenario';

const PAGE = 100;

interface ListPage {
  totalResults?: number;
  Resources?: unknown[];
  nextCursor?: string;
}

interface PagingRun {
  rows: ResultRow[];
  seen: number;
  pages: number;
  seconds: number;
}

/** Splits a page-by-page run into all / first 10 / last 10: OFFSET paging slows down towards the end. */
function pagingRows(method: string, pages: LatencyRecorder, wallMs: number): ResultRow[] {
  const n = pages.count;
  return [
    { label: `${method}: every page`, ...pages.summary(wallMs) },
    { label: `${method}: first 10 pages`, ...pages.summary(undefined, 0, Math.min(10, n)) },
    { label: `${method}: last 10 pages`, ...pages.summary(undefined, Math.max(0, n - 10), n) },
  ];
}

/** Okta's import: startIndex=1, 101, ... with count=100 until totalResults (Okta SCIM 2.0 reference, "Retrieve Users"; docs/okta.md). */
async function indexPaging(ctx: ScenarioContext, session: TenantSession): Promise<PagingRun> {
  const pages = new LatencyRecorder();
  const started = performance.now();
  const deadline = started + ctx.options.maxSeconds * 1000;
  let seen = 0;
  let total = Infinity;
  for (let startIndex = 1; startIndex <= total && performance.now() < deadline; startIndex += PAGE) {
    const page = await session.client.send<ListPage>('GET', `${ctx.scimPath}/Users?startIndex=${startIndex}&count=${PAGE}`);
    if (page.status !== 200) {
      pages.error(page.status);
      break;
    }
    pages.record(page.ms);
    total = page.body.totalResults ?? 0;
    seen += page.body.Resources?.length ?? 0;
  }
  const wallMs = performance.now() - started;
  return { rows: pagingRows('index', pages, wallMs), seen, pages: pages.count, seconds: wallMs / 1000 };
}

/** RFC 9865: `cursor` (empty) for the first page, then nextCursor until the server gives none. */
async function cursorPaging(ctx: ScenarioContext, session: TenantSession): Promise<PagingRun> {
  const pages = new LatencyRecorder();
  const started = performance.now();
  const deadline = started + ctx.options.maxSeconds * 1000;
  let seen = 0;
  let cursor: string | undefined = '';
  while (cursor !== undefined && performance.now() < deadline) {
    const query: string = cursor === '' ? 'cursor' : `cursor=${encodeURIComponent(cursor)}`;
    const page = await session.client.send<ListPage>('GET', `${ctx.scimPath}/Users?${query}&count=${PAGE}`);
    if (page.status !== 200) {
      pages.error(page.status);
      break;
    }
    pages.record(page.ms);
    seen += page.body.Resources?.length ?? 0;
    cursor = page.body.nextCursor || undefined;
  }
  const wallMs = performance.now() - started;
  return { rows: pagingRows('cursor', pages, wallMs), seen, pages: pages.count, seconds: wallMs / 1000 };
}

/** One client reads every user of a large tenant, 100 at a time, by index and (when advertised) by cursor. */
export const pagingScenario: Scenario = async (ctx) => {
  const users = ctx.options.pagingUsers;
  const session = await ctx.openTenant('paging', 1);
  ctx.log(`seeding ${users} users`);
  await populateUsers(ctx, session, `pg-${ctx.runId}`, 1, users);
  const loadBefore = loadavg()[0];

  const config = await session.client.send<{ pagination?: { cursor?: boolean } }>('GET', `${ctx.scimPath}/ServiceProviderConfig`);
  const cursorAdvertised = config.status === 200 && config.body.pagination?.cursor === true;
  const index = await indexPaging(ctx, session);
  const cursor = cursorAdvertised ? await cursorPaging(ctx, session) : undefined;

  const complete = (run?: PagingRun): boolean | null => (run ? run.seen === users : null);
  return {
    scenario: 'paging',
    params: { users, pageSize: PAGE, cursorAdvertised },
    rows: [...index.rows, ...(cursor?.rows ?? [])],
    figures: {
      indexSeconds: round(index.seconds),
      indexUsersSeen: index.seen,
      indexComplete: complete(index),
      cursorSeconds: cursor ? round(cursor.seconds) : null,
      cursorUsersSeen: cursor ? cursor.seen : null,
      cursorComplete: complete(cursor),
    },
    targets: [],
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
};

const round = (n: number): number => Math.round(n * 100) / 100;
