import { JobsOptions, Processor, Queue, Worker } from 'bullmq';
import { AppConfig, createProducerConnection, createWorkerConnection, queueKeyPrefix, RedisClient } from '@provisio/config';

/** Where the queues live: the Redis topology and the key prefix (per queue on a cluster, docs/scaling.md). */
export type QueueConnectionConfig = Pick<AppConfig, 'redis' | 'queuePrefix'>;

/** A delivery job names one row of a delivery table; the row holds the state, the job only wakes a worker. */
export interface DeliveryJobData {
  tenantId: string;
  deliveryId: string;
}

export interface DeliveryJob<T extends object = DeliveryJobData> {
  data: T;
  /** Unique per intended run (e.g. `<deliveryId>.<attempts>`), so the same wake-up added twice runs once. */
  jobId: string;
  delayMs?: number;
}

/**
 * Job ids of ordered-delivery rows say why a row is being run, so the same reason added twice runs once:
 * `<id>.<attempts>` is the next attempt after `attempts` tries (0: the first), `<id>.after.<predecessor>.<n>`
 * wakes a row whose earlier sibling for the same resource just finished, `<id>.replay.<attempts>` a replay,
 * `<id>.sweep.<attempts>.<hour>` the sweeper's re-queue of a row whose job was lost (at most hourly).
 */
export const orderedJobId = {
  attempt: (id: string, attempts: number) => `${id}.${attempts}`,
  after: (id: string, predecessorId: string, predecessorAttempts: number) => `${id}.after.${predecessorId}.${predecessorAttempts}`,
  replay: (id: string, attempts: number) => `${id}.replay.${attempts}`,
  sweep: (id: string, attempts: number, at = Date.now()) => `${id}.sweep.${attempts}.${Math.floor(at / 3_600_000)}`,
};

/**
 * BullMQ retries only what our own code could not record (Redis or Postgres briefly gone mid-job); the
 * delivery's own retries are rows with next_attempt_at, rescheduled as new jobs. Completed jobs are kept a
 * while so a repeated wake-up with the same id is ignored.
 */
export const DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Producer side. Adding jobs fails at once while Redis is down (no offline queue), so a caller never hangs
 * on Redis; the rows stay due and the worker's sweep picks them up once Redis is back.
 */
export class DeliveryQueue<T extends object = DeliveryJobData> {
  readonly queue: Queue<T>;
  private readonly connection: RedisClient;
  private readonly marker: string;

  constructor(readonly name: string, config: QueueConnectionConfig) {
    const prefix = queueKeyPrefix(config, name);
    this.marker = `${prefix}:queued-marker:${name}`;
    this.connection = createProducerConnection(config.redis, `${name}-producer`);
    this.queue = quiet(new Queue<T>(name, { connection: this.connection, prefix, defaultJobOptions: DELIVERY_JOB_OPTIONS }));
  }

  async add(jobs: DeliveryJob<T>[]): Promise<void> {
    if (jobs.length === 0) return;
    // BullMQ's typings want the job name as a literal of its generic; 'deliver' is the only name we use.
    await (this.queue as Queue).addBulk(jobs.map((job) => ({
      name: 'deliver',
      data: job.data,
      opts: { ...DELIVERY_JOB_OPTIONS, jobId: job.jobId, ...(job.delayMs ? { delay: job.delayMs } : {}) },
    })));
  }

  /**
   * Whether this Redis still holds the jobs we queued. The marker is set by rememberJobs() after a full
   * re-queue; a Redis that restarted without persistence (or failed over to an empty replica) lost it with
   * the jobs. Rejects while Redis is down.
   */
  async remembersJobs(): Promise<boolean> {
    return (await this.connection.exists(this.marker)) === 1;
  }

  async rememberJobs(): Promise<void> {
    await this.connection.set(this.marker, '1');
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}

/** BullMQ job-lock timings: a worker that dies mid-job loses its job to another worker after lockDurationMs. */
export interface DeliveryWorkerTimings {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** Consumer side; graceful close() lets in-flight jobs finish. */
export class DeliveryWorker<T extends object = DeliveryJobData> {
  private readonly worker: Worker<T>;
  private readonly connection: RedisClient;

  constructor(name: string, config: QueueConnectionConfig, concurrency: number, processor: Processor<T>, timings: DeliveryWorkerTimings = {}) {
    this.connection = createWorkerConnection(config.redis, `${name}-worker`);
    this.worker = quiet(new Worker<T>(name, processor, {
      connection: this.connection, prefix: queueKeyPrefix(config, name), concurrency, autorun: false,
      ...(timings.lockDurationMs ? { lockDuration: timings.lockDurationMs } : {}),
      ...(timings.stalledIntervalMs ? { stalledInterval: timings.stalledIntervalMs } : {}),
    }));
  }

  start(): void {
    void this.worker.run();
  }

  async close(): Promise<void> {
    await this.worker.close();
    this.connection.disconnect();
  }
}

/** ioredis and BullMQ emit 'error' on every failed reconnect; unhandled, Node would crash the process. */
function quiet<T extends { on(event: 'error', listener: () => void): unknown }>(emitter: T): T {
  emitter.on('error', () => undefined);
  return emitter;
}
