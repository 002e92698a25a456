import { Injectable, OnModuleInit } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { BullBoardInstance } from '@bull-board/nestjs';
// By path, as libs/events does: the package index loads a feature module Jest cannot load.
import { InjectBullBoard } from '@bull-board/nestjs/dist/bull-board.decorator';
import { ConnectorQueues } from '../sync/connector-queues';

/** Shows the sync and resync queues on the ops dashboard (/admin/queues) that libs/events mounts. */
@Injectable()
export class ConnectorQueuesOnBoard implements OnModuleInit {
  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly queues: ConnectorQueues,
  ) {}

  onModuleInit(): void {
    for (const queue of this.queues.bullQueues) this.board.addQueue(new BullMQAdapter(queue));
  }
}
