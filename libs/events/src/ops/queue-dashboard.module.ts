import { Module } from '@nestjs/common';
import { ExpressAdapter } from '@bull-board/express';
// The root module and decorator by path: the package index also loads its feature module, which needs the
// hoisted @nestjs/bull-shared 12 (ES module only, which Jest on Node 20 cannot load). We need neither.
import type { BullBoardModuleOptions } from '@bull-board/nestjs';
import { BullBoardRootModule } from '@bull-board/nestjs/dist/bull-board.root-module';
import { getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DataSource } from 'typeorm';
import { adminTokenMiddleware } from './admin-token.middleware';
import { EventQueuesReader } from './event-queues.reader';

/** Where the dashboard is served (HTML and its JSON API), behind the admin token or an admin operator key. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * The @bull-board dashboard inside the API process. It reads queue state from Redis through fail-fast
 * connections: while Redis is down its pages show errors and the rest of the API is unaffected.
 * It shows every queue declared in the QueueRegistry (registerQueues() in the owning lib's module).
 */
@Module({
  imports: [
    BullBoardRootModule.forRootAsync({
      useFactory: (config: AppConfig, dataSource: DataSource) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        // @bull-board/express 9.10.1 is typed against its own copy of @bull-board/api; the runtime shapes match.
        adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
        middleware: adminTokenMiddleware(config.adminToken, dataSource),
        boardOptions: { uiConfig: { boardTitle: 'Provisio queues' } },
      }),
      inject: [APP_CONFIG, getDataSourceToken()],
    }),
  ],
  providers: [EventQueuesReader],
  exports: [EventQueuesReader],
})
export class QueueDashboardModule {}
