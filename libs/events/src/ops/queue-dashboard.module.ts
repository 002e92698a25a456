import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
// The root module and decorator by path: the package index also loads its feature module, which needs the
// hoisted @nestjs/bull-shared 12 (ES module only, which Jest on Node 20 cannot load). We need neither.
import type { BullBoardInstance, BullBoardModuleOptions } from '@bull-board/nestjs';
import { InjectBullBoard } from '@bull-board/nestjs/dist/bull-board.decorator';
import { BullBoardRootModule } from '@bull-board/nestjs/dist/bull-board.root-module';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { adminTokenMiddleware } from './admin-token.middleware';
import { EventQueuesReader } from './event-queues.reader';

/** Where the dashboard is served (HTML and its JSON API), behind the admin token. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

@Injectable()
class ShowEventQueuesOnBoard implements OnModuleInit {
  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly reader: EventQueuesReader,
  ) {}

  onModuleInit(): void {
    for (const queue of this.reader.queues) this.board.addQueue(new BullMQAdapter(queue));
  }
}

/**
 * The @bull-board dashboard inside the API process. It reads queue state from Redis through fail-fast
 * connections: while Redis is down its pages show errors and the rest of the API is unaffected.
 * Other libs add their queues with `@InjectBullBoard()` and `board.addQueue(new BullMQAdapter(queue))`
 * (the board instance is global).
 */
@Module({
  imports: [
    BullBoardRootModule.forRootAsync({
      useFactory: (config: AppConfig) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        // @bull-board/express 9.10.1 is typed against its own copy of @bull-board/api; the runtime shapes match.
        adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
        middleware: adminTokenMiddleware(config.adminToken),
        boardOptions: { uiConfig: { boardTitle: 'Provisio queues' } },
      }),
      inject: [APP_CONFIG],
    }),
  ],
  providers: [EventQueuesReader, ShowEventQueuesOnBoard],
  exports: [EventQueuesReader],
})
export class QueueDashboardModule {}
