import { Client } from 'pg';

/**
 * What the server's Postgres backends are doing, sampled from pg_stat_activity every `intervalMs` for
 * `seconds`: state and wait event per backend per sample. Run it beside a scenario to see whether requests
 * wait on locks (Lock:transactionid = a row lock such as the audit chain head), on the WAL flush
 * (IO:WALSync), on the client (ClientRead, "idle in transaction": the API is busy) or run on CPU.
 *
 *   node dist/bench/profile/sample-waits.js postgres://postgres@127.0.0.1:5432/bench_api 20 [intervalMs]
 */
async function main(): Promise<void> {
  const [url, secondsArg = '20', intervalArg = '50'] = process.argv.slice(2);
  if (!url) throw new Error('usage: sample-waits.js <database url> [seconds] [interval ms]');
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new Client({ connectionString: url, application_name: 'provisio-bench-waits' });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  const deadline = Date.now() + Number(secondsArg) * 1000;
  try {
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ what: string }>(
        `SELECT state || CASE WHEN wait_event IS NULL THEN ' (on CPU)' ELSE ' ' || wait_event_type || ':' || wait_event END AS what
           FROM pg_stat_activity
          WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'`,
        [database],
      );
      samples++;
      for (const { what } of rows) counts.set(what, (counts.get(what) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Number(intervalArg)));
    }
  } finally {
    await client.end();
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`${samples} samples of non-idle backends of ${database} (${total} backend-samples, ${(total / Math.max(1, samples)).toFixed(1)} busy backends on average)`);
  for (const [what, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`${((n / Math.max(1, total)) * 100).toFixed(1).padStart(5)}%  ${String(n).padStart(6)}  ${what}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
