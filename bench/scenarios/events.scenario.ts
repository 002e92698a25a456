import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { epochMs, WebhookReceiver } from '../events/webhook-receiver';
import { WorkerProcess } from '../events/worker-process';
import { runWorkers } from '../load/run-workers';
import { createBenchWebhook } from '../setup/bench-tenant';
import { cpuDelta, processCpuMs } from '../stats/process-cpu';
import { LatencyRecorder } from '../stats/latency-recorder';
import { entraCreateUser } from './entra-requests';
import { ResultRow, Scenario, ScenarioContext, TenantSession } from './scenario';

const FULL_CONCURRENCY = 32;
const WARM_UP = 30;
const TARGET_PER_SECOND = 500;
const TARGET_LIGHT_P95_MS = 250;

/** When each user's 201 came back: the change had committed by then (the API answers after COMMIT). */
type Commits = Map<string, number>;

interface Writer {
  commits: Commits;
  posts: LatencyRecorder;
  create(i: number): Promise<void>;
}

function writer(ctx: ScenarioContext, session: TenantSession, prefix: string): Writer {
  const commits: Commits = new Map();
  const posts = new LatencyRecorder();
  return {
    commits,
    posts,
    async create(i) {
      const userName = `${prefix}.${i}@bench.example`;
      const response = await session.client.send('POST', `${ctx.scimPath}/Users`, entraCreateUser(userName, i));
      if (response.status !== 201) {
        posts.error(response.status);
        return;
      }
      commits.set(userName, epochMs());
      posts.record(response.ms);
    },
  };
}

/** Sends task(i) at a fixed rate whatever the answers take (open loop): "light load" is a rate, not a client count. */
async function openLoop(count: number, perSecond: number, maxSeconds: number, task: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    if (due > deadline) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(task(i));
  }
  await Promise.all(inFlight);
}

interface Delivery {
  fromCommit: LatencyRecorder;
  fromOccurredAt: LatencyRecorder;
  missing: number;
  firstArrival: number;
  lastArrival: number;
}

/** Waits for every committed user's user.created webhook, then times each from its 201 and from its occurredAt. */
async function deliveries(receiver: WebhookReceiver, commits: Commits, maxSeconds: number): Promise<Delivery> {
  const keys = [...commits.keys()];
  const missing = await receiver.waitFor(keys, maxSeconds * 1000);
  const fromCommit = new LatencyRecorder();
  const fromOccurredAt = new LatencyRecorder();
  let firstArrival = Infinity;
  let lastArrival = 0;
  for (const [key, committedAt] of commits) {
    const arrival = receiver.arrivalOf(key);
    if (!arrival) continue;
    fromCommit.record(arrival.at - committedAt);
    if (Number.isFinite(arrival.occurredAt)) fromOccurredAt.record(arrival.at - arrival.occurredAt);
    firstArrival = Math.min(firstArrival, arrival.at);
    lastArrival = Math.max(lastArrival, arrival.at);
  }
  return { fromCommit, fromOccurredAt, missing, firstArrival, lastArrival };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Issue #6 "Speed": SCIM writes → outbox → relay → BullMQ → fan-out → signed webhook to a local receiver,
 * with exactly one worker (started here). Three phases on one tenant with one webhook endpoint:
 *  - light: POST /Users at a fixed low rate; commit-to-delivery latency per event;
 *  - full: 32 clients POST as fast as the API takes them while the worker delivers; deliveries/s and latency;
 *  - backlog: the worker stopped, N users written, the worker started again; deliveries/s of the pipeline
 *    alone (first to last delivery), so the figure is not capped by how fast the API writes.
 * "Commit" is when the 201 reached the client (the API answers after COMMIT), a lower bound of the true
 * commit-to-delivery time; occurredAt (set inside the transaction, before COMMIT) gives the upper bound.
 */
export const eventsScenario: Scenario = async (ctx) => {
  const { databaseUrl, adminToken, baseUrl, maxSeconds, eventCount, lightRate, lightEvents } = ctx.options;
  if (!databaseUrl) throw new Error('the events scenario needs DATABASE_URL: it starts a worker on the API\'s database');
  const session = await ctx.openTenant('events', FULL_CONCURRENCY);
  const receiver = new WebhookReceiver();
  const url = await receiver.start();
  await createBenchWebhook(baseUrl, adminToken!, session.tenant, url);
  const worker = new WorkerProcess(databaseUrl, ctx.options.workerCpuProfileDir);
  const loadBefore = loadavg()[0];
  try {
    worker.start();
    ctx.log(`worker pid ${worker.pid}, receiver ${url}`);
    // Warm-up: the worker boots, BullMQ connects, JIT settles; nothing here is timed.
    const warm = writer(ctx, session, `ev-warm-${ctx.runId}`);
    await runWorkers(WARM_UP, 4, maxSeconds, (i) => warm.create(i));
    if ((await deliveries(receiver, warm.commits, maxSeconds)).missing > 0) {
      throw new Error(`warm-up webhooks did not arrive within ${maxSeconds} s; worker output: ${worker.recentOutput.slice(-1000)}`);
    }

    ctx.log(`light: ${lightEvents} users at ${lightRate}/s`);
    const light = writer(ctx, session, `ev-light-${ctx.runId}`);
    await openLoop(lightEvents, lightRate, maxSeconds, (i) => light.create(i));
    const lightDelivery = await deliveries(receiver, light.commits, maxSeconds);

    ctx.log(`full: ${eventCount} users at ${FULL_CONCURRENCY} clients`);
    const full = writer(ctx, session, `ev-full-${ctx.runId}`);
    const fullStarted = epochMs();
    const fullCpuBefore = ctx.cpu();
    const fullWorkerCpuBefore = processCpuMs(worker.pid);
    const fullRun = await runWorkers(eventCount, FULL_CONCURRENCY, maxSeconds, (i) => full.create(i));
    const fullDelivery = await deliveries(receiver, full.commits, maxSeconds);
    const fullCpu = cpuDelta(fullCpuBefore, ctx.cpu());
    const fullWorkerCpu = processCpuMs(worker.pid) - fullWorkerCpuBefore;
    const fullSeconds = (fullDelivery.lastArrival - fullStarted) / 1000;

    ctx.log(`backlog: worker stopped, ${eventCount} users written, worker started`);
    await worker.stop();
    const backlog = writer(ctx, session, `ev-backlog-${ctx.runId}`);
    const arrivalsBefore = receiver.arrivals.length;
    await runWorkers(eventCount, FULL_CONCURRENCY, maxSeconds, (i) => backlog.create(i));
    const deliveredWhileStopped = receiver.arrivals.length - arrivalsBefore;
    const drainCpuBefore = ctx.cpu();
    const workerStarted = epochMs();
    worker.start();
    const drain = await deliveries(receiver, backlog.commits, maxSeconds);
    const drainCpu = cpuDelta(drainCpuBefore, ctx.cpu());
    const drainWorkerCpu = processCpuMs(worker.pid);
    const drained = drain.fromCommit.count;
    const drainPerSecond = drained > 1 ? ((drained - 1) / (drain.lastArrival - drain.firstArrival)) * 1000 : 0;
    const drainFromStartPerSecond = (drained / (drain.lastArrival - workerStarted)) * 1000;

    const lightP95 = lightDelivery.fromCommit.summary().p95;
    const rows: ResultRow[] = [
      { label: `light ${lightRate}/s: POST /Users`, ...light.posts.summary() },
      { label: `light ${lightRate}/s: 201 -> webhook`, ...lightDelivery.fromCommit.summary() },
      { label: `light ${lightRate}/s: occurredAt -> webhook`, ...lightDelivery.fromOccurredAt.summary() },
      { label: `full ${FULL_CONCURRENCY} clients: POST /Users`, ...full.posts.summary(fullRun.elapsedMs) },
      { label: `full ${FULL_CONCURRENCY} clients: 201 -> webhook`, ...fullDelivery.fromCommit.summary() },
      { label: 'backlog: 201 -> webhook (incl. wait)', ...drain.fromCommit.summary() },
    ];
    const perEvent = (cpuMs: number, n: number): number => Math.round((cpuMs / Math.max(1, n)) * 1000) / 1000;
    return {
      scenario: 'events',
      params: { lightRate, lightEvents, events: eventCount, concurrency: FULL_CONCURRENCY, workerPid: worker.pid ?? null },
      rows,
      figures: {
        lightMissing: lightDelivery.missing,
        fullWritesPerSecond: round((full.posts.count / fullRun.elapsedMs) * 1000),
        fullDeliveriesPerSecond: round(fullDelivery.fromCommit.count / fullSeconds),
        fullLastDeliveryAfterLastCommitMs: round(fullDelivery.lastArrival - Math.max(...full.commits.values())),
        fullMissing: fullDelivery.missing,
        fullWorkerCpuMsPerEvent: perEvent(fullWorkerCpu, fullDelivery.fromCommit.count),
        fullApiCpuMsPerEvent: perEvent(fullCpu.apiMs, full.posts.count),
        fullPostgresCpuMsPerEvent: perEvent(fullCpu.postgresMs, full.posts.count),
        deliveredWhileWorkerStopped: deliveredWhileStopped,
        backlogDeliveriesPerSecond: round(drainPerSecond),
        backlogDeliveriesPerSecondFromWorkerStart: round(drainFromStartPerSecond),
        backlogMissing: drain.missing,
        backlogWorkerCpuMsPerEvent: perEvent(drainWorkerCpu, drained),
        backlogPostgresCpuMsPerEvent: perEvent(drainCpu.postgresMs, drained),
        duplicates: receiver.duplicates,
        malformed: receiver.malformed,
      },
      targets: [
        {
          target: `>= ${TARGET_PER_SECOND} events/s commit -> webhook, one worker`,
          measured: `backlog ${round(drainPerSecond)}/s; while the API writes at full load ${round(fullDelivery.fromCommit.count / fullSeconds)}/s`,
          met: drainPerSecond >= TARGET_PER_SECOND && drain.missing === 0 && deliveredWhileStopped === 0,
        },
        {
          target: `p95 commit -> webhook < ${TARGET_LIGHT_P95_MS} ms at ${lightRate}/s`,
          measured: `${lightP95} ms (from occurredAt: ${lightDelivery.fromOccurredAt.summary().p95} ms)`,
          met: lightP95 < TARGET_LIGHT_P95_MS && lightDelivery.missing === 0,
        },
      ],
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    };
  } finally {
    await worker.stop();
    await receiver.close();
  }
};
