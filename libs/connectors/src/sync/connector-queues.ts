import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DeliveryJob, DeliveryQueue, OrderedTable, SweptQueue } from '@provisio/outbound';

/** Never rename: jobs in flight carry the queue names. */
export const CONNECTOR_SYNC_QUEUE = 'connector-syncs';
export const CONNECTOR_RESYNC_QUEUE = 'connector-resyncs';

/** connector_syncs in the shared ordered-delivery engine: target_id is the connector id. */
export const CONNECTOR_SYNCS: OrderedTable = { table: 'connector_syncs', target: 'connector_id' };

export interface ResyncJobData {
  tenantId: string;
  connectorId: string;
  resyncId: string;
}

@Injectable()
export class ConnectorQueues implements OnModuleDestroy {
  private readonly syncs: DeliveryQueue;
  private readonly resyncs: DeliveryQueue<ResyncJobData>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.syncs = new DeliveryQueue(CONNECTOR_SYNC_QUEUE, config);
    this.resyncs = new DeliveryQueue<ResyncJobData>(CONNECTOR_RESYNC_QUEUE, config);
  }

  /** For the ops dashboard. */
  get bullQueues() {
    return [this.syncs.queue, this.resyncs.queue];
  }

  addSyncs(jobs: DeliveryJob[]): Promise<void> {
    return this.syncs.add(jobs);
  }

  /** The sync queue as the sweeper sees it: adds, and the marker telling whether Redis lost its jobs. */
  get syncQueue(): SweptQueue {
    return this.syncs;
  }

  addResync(data: ResyncJobData): Promise<void> {
    return this.resyncs.add([{ data, jobId: `resync.${data.resyncId}` }]);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.syncs.close(), this.resyncs.close()]);
  }
}
