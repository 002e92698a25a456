import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENT_JOB_OPTIONS, EVENT_PARTITION_QUEUES, eventPartition, EventJobData } from '../queues/event-queues';

export interface PublishableEvent {
  id: string;
  tenant_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  sequence: string;
}

const PUBLISH_TIMEOUT_MS = 5000;

/**
 * Adds outbox events to their partition queues with job id = event id, so adding the same event twice
 * (a relay that crashed before marking it published) leaves one job.
 */
export class EventPublisher {
  private readonly queues: Queue<EventJobData>[];

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {
    this.queues = EVENT_PARTITION_QUEUES.map((name) => {
      const queue = new Queue<EventJobData>(name, { connection, prefix, defaultJobOptions: EVENT_JOB_OPTIONS });
      queue.on('error', () => undefined); // connection errors surface as rejected adds below
      return queue;
    });
  }

  /** Events must come in sequence order; each partition keeps that order. Rejects if Redis is unreachable. */
  async publish(events: PublishableEvent[]): Promise<void> {
    const byPartition = new Map<number, PublishableEvent[]>();
    for (const event of events) {
      const partition = eventPartition(event.tenant_id, event.resource_type, event.resource_id);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), event]);
    }
    const adds = [...byPartition].map(async ([partition, batch]) => {
      // Re-asserted on every batch: a Redis that restarted without persistence forgot it, and the ordering
      // guarantee rests on it (one job in flight per partition across all workers). One HSET.
      await this.queues[partition].setGlobalConcurrency(1);
      await this.queues[partition].addBulk(
        batch.map((event) => ({
          name: event.type,
          data: { tenantId: event.tenant_id, eventId: event.id, sequence: Number(event.sequence) },
          opts: { ...EVENT_JOB_OPTIONS, jobId: event.id },
        })),
      );
    });
    await withTimeout(Promise.all(adds), PUBLISH_TIMEOUT_MS);
  }

  /**
   * Whether this Redis still holds what was published for the tenant. The marker is set after a publish;
   * a Redis that lost its data (restart without persistence, failover to an empty replica) lost it too.
   */
  async remembersTenant(tenantId: string): Promise<boolean> {
    return (await withTimeout(this.connection.exists(this.tenantMarker(tenantId)), PUBLISH_TIMEOUT_MS)) === 1;
  }

  async rememberTenant(tenantId: string): Promise<void> {
    await withTimeout(this.connection.set(this.tenantMarker(tenantId), '1'), PUBLISH_TIMEOUT_MS);
  }

  private tenantMarker(tenantId: string): string {
    return `${this.prefix}:events-published:${tenantId}`;
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
