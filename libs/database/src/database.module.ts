import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

export interface DatabaseModuleOptions {
  url: string;
  migrations: MixedList<Function>;
  /** The API applies pending migrations at start; the worker leaves that to the API or `npm run migration:run`. */
  runMigrations: boolean;
  applicationName: string;
  poolSize?: number;
}

/** Root TypeORM connection; each lib registers its own entities with TypeOrmModule.forFeature. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({
            url: options.url,
            migrations: options.migrations,
            applicationName: options.applicationName,
            poolSize: options.poolSize,
          }),
          autoLoadEntities: true,
          migrationsRun: options.runMigrations,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
    };
  }
}
