import { withServerClient } from './support/test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.PROVISIO_TEMPLATE_DB;
  if (!template) return;
  await withServerClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  });
}
