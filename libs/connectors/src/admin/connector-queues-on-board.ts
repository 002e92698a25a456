import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventQueuesReader } from '@provisio/events';
import { ConnectorQueues } from '../sync/connector-queues';

/** Shows the sync and resync queues on the ops dashboard (/admin/queues) and in GET /admin/v1/events/stats. */
@Injectable()
export class ConnectorQueuesOnBoard implements OnModuleInit {
  constructor(
    private readonly reader: EventQueuesReader,
    private readonly queues: ConnectorQueues,
  ) {}

  onModuleInit(): void {
    for (const queue of this.queues.bullQueues) this.reader.addQueue(queue);
  }
}
