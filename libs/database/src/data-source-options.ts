import { DataSourceOptions, MixedList } from 'typeorm';

export interface DataSourceParts {
  url: string;
  entities?: MixedList<Function>;
  migrations?: MixedList<Function>;
  /** Pool size per process; the API and the worker each hold one pool. */
  poolSize?: number;
  applicationName?: string;
}

/** The one place TypeORM options are built; schema changes go through migrations only, never synchronize. */
export function buildDataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    url: parts.url,
    entities: parts.entities ?? [],
    migrations: parts.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: parts.poolSize ?? 20,
      application_name: parts.applicationName ?? 'provisio',
      // A stuck statement must not hold a connection forever; SCIM clients give up after 60 s anyway.
      statement_timeout: 30000,
    },
  };
}
