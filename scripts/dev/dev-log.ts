import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import pretty from 'pino-pretty';

/** Nest's start-up chatter: one line per module and per route (~170 lines) that buried the banner. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

interface LogLine {
  level?: number;
  msg?: string;
  context?: string;
  service?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/**
 * `npm start`'s view of the API and worker logs: the same JSON lines production writes, made
 * readable by pino-pretty, without Nest's start-up chatter, request lines shortened to
 * "GET /scim/v2/Users 200 (12 ms)". Lines that are not JSON (a crash) pass through unchanged.
 */
export class DevLog {
  private readonly out = pretty({
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context,requestId,req,res,responseTime',
    messageFormat: '{service} {if context}[{context}] {end}{msg}',
    singleLine: true,
    sync: true, // in order with the banner, which start-dev writes with console.log
  });
  private readonly listeners: Array<(line: LogLine) => void> = [];

  follow(stream: Readable): void {
    createInterface({ input: stream }).on('line', (text) => this.write(text));
  }

  /** Calls `listener` with every parsed line (start-dev waits for the worker's Redis line). */
  onLine(listener: (line: LogLine) => void): void {
    this.listeners.push(listener);
  }

  private write(text: string): void {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      process.stdout.write(`${text}\n`);
      return;
    }
    for (const listener of this.listeners) listener(line);
    if (line.context && QUIET_CONTEXTS.has(line.context)) return;
    if (line.req && line.res) line.msg = `${line.req.method} ${line.req.url} ${line.res.statusCode} (${line.responseTime} ms)`;
    this.out.write(`${JSON.stringify(line)}\n`);
  }
}
