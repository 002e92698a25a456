import { createServer } from 'node:http';

/**
 * An OTLP/HTTP endpoint that reads and drops every export, so the tracing run of bench/telemetry-cost.sh pays
 * the full cost of recording and sending spans without a collector on the machine. Counts what it received.
 *   node dist/bench/telemetry/otlp-sink.js PORT
 */
const port = Number(process.argv[2] ?? 4318);
let received = 0;
let bytes = 0;

createServer((req, res) => {
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => {
    received++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
}).listen(port, '127.0.0.1', () => console.log(`otlp sink on 127.0.0.1:${port}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`otlp sink received ${received} exports, ${Math.round(bytes / 1024)} KiB`);
    process.exit(0);
  });
}
