import { runMigrations } from '@provisio/database';
import { loadMigrations } from '../migrations';
import { devDatabase } from './dev-database';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL (or the embedded development database). */
async function main(): Promise<void> {
  const db = await devDatabase();
  try {
    const ran = await runMigrations(db.url, loadMigrations());
    console.log(ran.length ? `Applied ${ran.length} migration(s): ${ran.join(', ')}` : 'Database is up to date');
  } finally {
    await db.stop();
  }
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
