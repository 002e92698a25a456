import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@provisio/config';
import { ConnectorsCliModule } from '@provisio/connectors';
import { DatabaseModule } from '@provisio/database';
import { TenancyModule } from '@provisio/tenancy';
import { loadMigrations } from '../migrations';

/** The services an operator's command needs, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ url: config.databaseUrl, migrations: loadMigrations(), runMigrations: true, applicationName: 'provisio-cli', poolSize: 2 }),
        TenancyModule,
        ConnectorsCliModule,
      ],
    };
  }
}
