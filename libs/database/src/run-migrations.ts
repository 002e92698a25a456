import { DataSource, MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Applies pending migrations on a short-lived connection and returns the names it ran. */
export async function runMigrations(url: string, migrations: MixedList<Function>): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions({ url, migrations, poolSize: 2, applicationName: 'provisio-migrate' }));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
